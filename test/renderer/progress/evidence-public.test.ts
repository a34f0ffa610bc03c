import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../../core/backup/backup-file';
import { progressEvidence } from '../../../core/progress/item-progress';
import { exportDatabase, importBackup } from '../../../renderer/backup/backup-io';
import { PledgeDatabase } from '../../../renderer/store/database';
import { createProgressStore } from '../../../renderer/store/progress-store';

/*
 * The 公开 box of an evidence file (ProgressTab): kept in IndexedDB, through a reload and a backup,
 * and what a progress report then says of the file. Statuses and notes through a reload and a
 * backup are test/renderer/store/progress-store.test.ts.
 */

const SUBMISSION = '0b9f6c52-3d1e-4c57-9a43-2f0e8d7c6b5a';
const NOW = new Date('2026-06-03T02:00:00Z');
const PDF = new TextEncoder().encode('%PDF-1.7\n% 验收报告\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const OTHER_PDF = new TextEncoder().encode('%PDF-1.7\n% 半年总结\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

function setup(name: string) {
  const factory = new IDBFactory();
  let counter = 0;
  const open = () => new PledgeDatabase(name, { indexedDB: factory, IDBKeyRange });
  const db = open();
  return { open, db, progress: createProgressStore(db, () => `evidence-${++counter}`) };
}

async function must<T>(change: Promise<{ ok: true; record: T } | { ok: false; message: string }>): Promise<T> {
  const result = await change;
  if (!result.ok) throw new Error(result.message);
  return result.record;
}

describe('publishing an evidence file', () => {
  it('is stored at once, survives a reload, and only the files ticked are public in a report', async () => {
    const { open, db, progress } = setup('pledge-desk-evidence-public');
    const photo = await must(progress.addEvidence(SUBMISSION, 2, '验收报告.pdf', PDF, NOW));
    await must(progress.addEvidence(SUBMISSION, undefined, '半年总结.pdf', OTHER_PDF, new Date(NOW.getTime() + 1000)));
    expect((await must(progress.setEvidencePublic(photo.id, true))).public).toBe(true);
    db.close();

    const reopened = createProgressStore(open());
    const read = await reopened.read(SUBMISSION);
    expect(read.evidence.map((file) => [file.name, file.public])).toEqual([
      ['验收报告.pdf', true],
      ['半年总结.pdf', undefined],
    ]);
    expect(progressEvidence(read.evidence).map((file) => [file.name, file.item, file.public])).toEqual([
      ['验收报告.pdf', 2, true],
      ['半年总结.pdf', undefined, undefined],
    ]);

    // Unticked, it is no longer published.
    expect((await must(reopened.setEvidencePublic(photo.id, false))).public).toBe(false);
    expect(progressEvidence((await reopened.read(SUBMISSION)).evidence).every((file) => file.public === undefined)).toBe(true);
  });

  it('is refused for a file that is gone, leaving nothing behind', async () => {
    const { db, progress } = setup('pledge-desk-evidence-gone');
    const file = await must(progress.addEvidence(SUBMISSION, 1, '验收报告.pdf', PDF, NOW));
    await progress.removeEvidence(file.id);
    expect(await progress.setEvidencePublic(file.id, true)).toEqual({ ok: false, message: '这份佐证材料已不在本机或无法读取，公开设置未保存。' });
    expect(await db.evidence.count()).toBe(0);
    db.close();
  });

  it('goes into a backup and comes back into a fresh database with the statuses', async () => {
    const { db, progress } = setup('pledge-desk-evidence-public-backup');
    await must(progress.setStatus(SUBMISSION, 1, { status: '已调整', reason: '上级调整了建设计划' }, NOW));
    await must(progress.addNote(SUBMISSION, 1, '已报县政府同意。', NOW));
    const file = await must(progress.addEvidence(SUBMISSION, 1, '验收报告.pdf', PDF, NOW));
    await must(progress.setEvidencePublic(file.id, true));
    const read = await readBackup(await exportDatabase(db, { now: NOW, appVersion: '0.1.0' }));
    if (!read.ok) throw new Error(read.reason);

    const target = setup('pledge-desk-evidence-public-restored');
    await importBackup(target.db, read.contents, { overwrite: new Set(), now: NOW, newId: () => 'unused' });
    const restored = await target.progress.read(SUBMISSION);
    expect(restored).toEqual(await progress.read(SUBMISSION));
    expect(restored.items[0]).toMatchObject({ status: '已调整', reason: '上级调整了建设计划' });
    expect(restored.evidence[0]?.public).toBe(true);
    db.close();
    target.db.close();
  });
});
