import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../core/attachments/check-attachment';
import { readBackup } from '../../../core/backup/backup-file';
import { exportDatabase, importBackup } from '../../../renderer/backup/backup-io';
import { PledgeDatabase } from '../../../renderer/store/database';
import { createProgressStore } from '../../../renderer/store/progress-store';
import { forgeBackup } from '../../support/backup-forgery';
import { testImage } from '../../node/signing/signing-fixture';

const SUBMISSION = '0b9f6c52-3d1e-4c57-9a43-2f0e8d7c6b5a';
const OTHER = '7d2a0c3e-1f4b-4e5a-8c6d-9e0f1a2b3c4d';
const T0 = Date.UTC(2026, 4, 3, 2, 0, 0);
const when = (minutes: number) => new Date(T0 + minutes * 60_000);
const PDF = new TextEncoder().encode('%PDF-1.7\n% 验收报告\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PHOTO = testImage(60, 40, [10, 120, 10]);

function ids() {
  let counter = 0;
  return () => `evidence-${++counter}`;
}

function setup(name = 'pledge-desk-progress') {
  const factory = new IDBFactory();
  const open = () => new PledgeDatabase(name, { indexedDB: factory, IDBKeyRange });
  const db = open();
  return { factory, open, db, progress: createProgressStore(db, ids()) };
}

/** A letter followed for a while: statuses, notes and evidence for the item and for the whole letter. */
async function record(progress: ReturnType<typeof createProgressStore>) {
  expect((await progress.setStatus(SUBMISSION, 1, { status: '已兑现' }, when(0))).ok).toBe(true);
  expect((await progress.addNote(SUBMISSION, 1, '已制定一次告知清单。', when(1))).ok).toBe(true);
  expect((await progress.addNote(SUBMISSION, 1, '清单已上墙公示。', when(2))).ok).toBe(true);
  expect((await progress.setStatus(SUBMISSION, 3, { status: '已调整', reason: '机构改革后职责划转' }, when(3))).ok).toBe(true);
  expect((await progress.addEvidence(SUBMISSION, 1, '公示照片.png', PHOTO, when(4))).ok).toBe(true);
  expect((await progress.addEvidence(SUBMISSION, undefined, '半年总结.pdf', PDF, when(5))).ok).toBe(true);
  expect((await progress.setStatus(OTHER, 1, { status: '推进中' }, when(6))).ok).toBe(true);
}

describe('the progress store', () => {
  it('keeps statuses, notes and evidence of a letter, each write on disk when it returns, intact after a reload', async () => {
    const { open, db, progress } = setup();
    await record(progress);
    const read = await progress.read(SUBMISSION);
    expect(read.items.map((i) => [i.number, i.status, i.reason, i.notes.map((n) => n.text)])).toEqual([
      [1, '已兑现', undefined, ['已制定一次告知清单。', '清单已上墙公示。']],
      [3, '已调整', '机构改革后职责划转', []],
    ]);
    expect(read.evidence.map((e) => [e.name, e.number, e.type, e.size])).toEqual([
      ['公示照片.png', 1, 'image/png', PHOTO.length],
      ['半年总结.pdf', undefined, 'application/pdf', PDF.length],
    ]);
    expect(read.unreadable).toBe(0);
    db.close();

    // A new database on the same IndexedDB, as after the window is closed and opened again.
    const reloaded = createProgressStore(open(), ids());
    const again = await reloaded.read(SUBMISSION);
    expect(again).toEqual(read);
    expect([...again.evidence[0]!.bytes]).toEqual([...PHOTO]);
    expect((await reloaded.read(OTHER)).items.map((i) => i.status)).toEqual(['推进中']);
  });

  it('keeps a note typed but not yet added through a reload, and forgets it once added, never in a report', async () => {
    const { open, db, progress } = setup();
    expect((await progress.setNoteDraft(SUBMISSION, 2, '窗口已完成改造，待验', when(0))).ok).toBe(true);
    db.close();
    const reloaded = createProgressStore(open(), ids());
    const [kept] = (await reloaded.read(SUBMISSION)).items;
    expect([kept?.number, kept?.noteDraft, kept?.notes]).toEqual([2, '窗口已完成改造，待验', []]);
    expect((await reloaded.addNote(SUBMISSION, 2, '窗口已完成改造，待验收。', when(1))).ok).toBe(true);
    const [added] = (await reloaded.read(SUBMISSION)).items;
    expect(added?.noteDraft).toBeUndefined();
    expect(added?.notes.map((n) => n.text)).toEqual(['窗口已完成改造，待验收。']);
    // Typing the field empty forgets an unfinished note.
    await reloaded.setNoteDraft(SUBMISSION, 2, '再补', when(2));
    await reloaded.setNoteDraft(SUBMISSION, 2, '', when(3));
    expect((await reloaded.read(SUBMISSION)).items[0]).not.toHaveProperty('noteDraft');
  });

  it('leaves the record as it was when a change is refused, and says why naming the item', async () => {
    const { db, progress } = setup();
    await progress.setStatus(SUBMISSION, 2, { status: '推进中' }, when(0));
    expect(await progress.setStatus(SUBMISSION, 2, { status: '已调整', reason: '' }, when(1))).toEqual({ ok: false, message: '第 2 项承诺事项为“已调整”，请写明调整原因。' });
    expect(await progress.addNote(SUBMISSION, 5, '  ', when(1))).toEqual({ ok: false, message: '第 5 项承诺事项的进展记录是空的，未保存。' });
    const read = await progress.read(SUBMISSION);
    expect(read.items).toEqual([{ submissionId: SUBMISSION, number: 2, status: '推进中', notes: [], updatedAt: when(0).getTime() }]);
    db.close();
  });

  it('stores quick changes to one item one after the other, none lost', async () => {
    const { db, progress } = setup();
    await Promise.all(['一', '二', '三', '四'].map((text, i) => progress.addNote(SUBMISSION, 1, text, when(i))));
    expect((await progress.read(SUBMISSION)).items[0]!.notes.map((n) => n.text)).toEqual(['一', '二', '三', '四']);
    expect((await progress.removeNote(SUBMISSION, 1, 1, when(9))).ok).toBe(true);
    expect((await progress.read(SUBMISSION)).items[0]!.notes.map((n) => n.text)).toEqual(['一', '三', '四']);
    db.close();
  });

  it('refuses evidence as a signed copy is refused, counting the 60 MB over the letter’s evidence', async () => {
    const { db, progress } = setup();
    const exe = new TextEncoder().encode('MZ\u0090 not evidence');
    expect(await progress.addEvidence(SUBMISSION, 2, '照片.jpg', exe, when(0))).toEqual({ ok: false, message: '第 2 项承诺事项的佐证材料未添加：“照片.jpg”不是 PNG、JPEG 图片或 PDF 文件，未添加。' });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES);
    big.set(PDF);
    for (let i = 0; i < 3; i++) expect((await progress.addEvidence(SUBMISSION, 1, `扫描件${i}.pdf`, big, when(i))).ok).toBe(true);
    const fourth = await progress.addEvidence(SUBMISSION, 1, '扫描件3.pdf', PDF, when(4));
    expect(fourth.ok).toBe(false);
    if (!fourth.ok) expect(fourth.message).toContain('第 1 项承诺事项的佐证材料未添加');
    // Another letter has its own 60 MB.
    expect((await progress.addEvidence(OTHER, 1, '照片.png', PHOTO, when(5))).ok).toBe(true);
    const first = (await progress.read(SUBMISSION)).evidence[0]!;
    await progress.removeEvidence(first.id);
    expect((await progress.addEvidence(SUBMISSION, 1, '扫描件3.pdf', PDF, when(6))).ok).toBe(true);
    db.close();
  });

  it('keeps a stored record that no longer parses in the quarantine before writing over it', async () => {
    const { db, progress } = setup();
    await db.itemProgress.put({ submissionId: SUBMISSION, number: 1, status: '完成' as never, notes: [], updatedAt: 1 });
    expect((await progress.read(SUBMISSION)).unreadable).toBe(1);
    expect((await progress.setStatus(SUBMISSION, 1, { status: '推进中' }, when(0))).ok).toBe(true);
    const [kept] = await db.quarantine.toArray();
    expect(kept).toMatchObject({ source: 'itemProgress', key: `${SUBMISSION}+1` });
    expect(kept!.raw).toContain('完成');
    expect((await progress.read(SUBMISSION)).unreadable).toBe(0);
    db.close();
  });
});

describe('item progress and evidence in a backup', () => {
  const NOW = when(60);

  it('go into the backup and come back into a fresh database, byte for byte, once', async () => {
    const { db, progress } = setup('pledge-desk-progress-backup');
    await record(progress);
    const read = await readBackup(await exportDatabase(db, { now: NOW, appVersion: '0.1.0' }));
    if (!read.ok) throw new Error(read.reason);
    expect(read.setAside).toBe(0);
    expect(read.manifest.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['item-progress.json', 'evidence.json', 'evidence/0.png', 'evidence/1.pdf']));
    const target = setup('pledge-desk-progress-restored');
    await importBackup(target.db, read.contents, { overwrite: new Set(), now: NOW, newId: ids() });
    await importBackup(target.db, read.contents, { overwrite: new Set(), now: NOW, newId: ids() });
    const restored = await target.progress.read(SUBMISSION);
    expect(restored).toEqual(await progress.read(SUBMISSION));
    expect([...restored.evidence[1]!.bytes]).toEqual([...PDF]);
    expect([await target.db.itemProgress.count(), await target.db.evidence.count()]).toEqual([3, 2]);
    db.close();
    target.db.close();
  });

  it('leave an item recorded here since the backup as it is, and bring back the others', async () => {
    const { db, progress } = setup('pledge-desk-progress-newer');
    await record(progress);
    const read = await readBackup(await exportDatabase(db, { now: NOW, appVersion: '0.1.0' }));
    if (!read.ok) throw new Error(read.reason);
    await progress.addNote(SUBMISSION, 1, '复查合格。', when(30_000));
    await db.itemProgress.delete([SUBMISSION, 3]);
    await importBackup(db, read.contents, { overwrite: new Set(), now: when(40_000), newId: ids() });
    const items = (await progress.read(SUBMISSION)).items;
    expect(items.find((i) => i.number === 1)!.notes.map((n) => n.text)).toEqual(['已制定一次告知清单。', '清单已上墙公示。', '复查合格。']);
    expect(items.find((i) => i.number === 3)).toMatchObject({ status: '已调整', reason: '机构改革后职责划转' });
    db.close();
  });

  it('are absent from a backup made before them, which still imports', async () => {
    const { db, progress } = setup('pledge-desk-progress-old');
    await record(progress);
    const old = forgeBackup(await exportDatabase(db, { now: NOW, appVersion: '0.1.0' }), (files) => {
      delete files['item-progress.json'];
      delete files['evidence.json'];
      delete files['evidence/0.png'];
      delete files['evidence/1.pdf'];
    });
    const read = await readBackup(old);
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents).not.toHaveProperty('itemProgress');
    expect(read.contents).not.toHaveProperty('evidence');
    const target = setup('pledge-desk-progress-old-target');
    await importBackup(target.db, read.contents, { overwrite: new Set(), now: NOW, newId: ids() });
    expect(await target.progress.read(SUBMISSION)).toEqual({ items: [], evidence: [], unreadable: 0 });
    db.close();
    target.db.close();
  });

  it('set aside an evidence file whose bytes contradict its record, naming the letter and the item, and bring back the rest', async () => {
    const { db, progress } = setup('pledge-desk-progress-forged');
    await record(progress);
    const forged = forgeBackup(await exportDatabase(db, { now: NOW, appVersion: '0.1.0' }), (files) => {
      files['evidence/0.png'] = files['evidence/0.png']!.map((b, i) => (i === 30 ? b ^ 1 : b));
    });
    const read = await readBackup(forged, undefined, NOW);
    if (!read.ok) throw new Error(read.reason);
    expect(read.setAside).toBe(1);
    expect(read.contents.evidence?.map((e) => e.name)).toEqual(['半年总结.pdf']);
    const [row] = read.contents.quarantine.filter((q) => q.source === 'evidence');
    expect(row).toMatchObject({ key: 'evidence-1', at: NOW.getTime() });
    expect(row!.reason).toBe(`提交编号为 ${SUBMISSION} 的承诺书第 1 项承诺事项的佐证材料“公示照片.png”与其记录（大小、SHA-256 指纹或类型）不符，文件可能已损坏或被篡改，未导入。`);
    expect(JSON.parse(row!.raw).bytes).toMatchObject({ size: PHOTO.length });
    const target = setup('pledge-desk-progress-forged-target');
    await importBackup(target.db, read.contents, { overwrite: new Set(), now: NOW, newId: ids() });
    expect((await target.progress.read(SUBMISSION)).evidence.map((e) => e.name)).toEqual(['半年总结.pdf']);
    expect((await target.db.quarantine.toArray()).map((q) => q.source)).toContain('evidence');
    db.close();
    target.db.close();
  });

  it('refuse a backup whose progress list holds a damaged or a repeated record', async () => {
    const { db, progress } = setup('pledge-desk-progress-damaged');
    await record(progress);
    const zip = await exportDatabase(db, { now: NOW, appVersion: '0.1.0' });
    const text = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>[];
    const damaged = forgeBackup(zip, (files) => {
      const rows = text(files['item-progress.json']!);
      files['item-progress.json'] = new TextEncoder().encode(JSON.stringify([{ ...rows[0], status: '完成' }]));
    });
    expect(await readBackup(damaged)).toMatchObject({ ok: false, reason: expect.stringContaining('承诺事项履行进展') });
    const twice = forgeBackup(zip, (files) => {
      const rows = text(files['evidence.json']!);
      files['evidence.json'] = new TextEncoder().encode(JSON.stringify([rows[0], rows[0]]));
    });
    expect(await readBackup(twice)).toMatchObject({ ok: false, reason: expect.stringContaining('重复') });
    db.close();
  });
});
