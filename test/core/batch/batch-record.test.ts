import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup, type BackupContents } from '../../../core/backup/backup-file';
import { BatchRecordSchema, type BatchRecord } from '../../../core/batch/batch-record';

/** A batch as schema version 5 stored it, before anything was printed. */
const V5_BATCH = {
  id: 'b1',
  year: 2026,
  title: '2026 年度公职人员承诺书（人员名单.xlsx）',
  createdAt: 1,
  sourceName: '人员名单.xlsx',
  members: [{ memberId: 'm3', row: 3, name: '王芳', position: '科员', department: '党政办公室', postType: 'other', draftId: 'd3' }],
  refused: [],
};

const PRINTED = { batchKey: '7K2QMX', printedAt: 5, letters: [{ draftId: 'd3', pdfSha256: 'a'.repeat(64), pages: 2, firstPage: 3 }] };

describe('a batch record', () => {
  it('reads a batch from before printing existed, with no printed', () => {
    const parsed = BatchRecordSchema.parse(V5_BATCH);
    expect(parsed).toEqual(V5_BATCH);
    expect(parsed).not.toHaveProperty('printed');
  });

  it('keeps what was printed, and refuses a print that names no approval or no letter', () => {
    expect(BatchRecordSchema.parse({ ...V5_BATCH, printed: PRINTED }).printed).toEqual(PRINTED);
    expect(BatchRecordSchema.safeParse({ ...V5_BATCH, printed: { ...PRINTED, letters: [{ ...PRINTED.letters[0], pdfSha256: 'not a hash' }] } }).success).toBe(false);
    expect(BatchRecordSchema.safeParse({ ...V5_BATCH, printed: { ...PRINTED, letters: [] } }).success).toBe(false);
    expect(BatchRecordSchema.safeParse({ ...V5_BATCH, printed: { ...PRINTED, letters: [{ ...PRINTED.letters[0], pages: 0 }] } }).success).toBe(false);
  });

  it('comes back from a backup with its print, and without one as it went', async () => {
    const options = { exportedAt: new Date('2026-04-20T01:30:00Z'), appVersion: '0.1.0' };
    const batches: BatchRecord[] = [BatchRecordSchema.parse({ ...V5_BATCH, printed: PRINTED }), BatchRecordSchema.parse({ ...V5_BATCH, id: 'b2' })];
    const contents: BackupContents = { drafts: [], letters: [], snapshots: [], documents: [], attachments: [], quarantine: [], batches };
    const read = await readBackup(await writeBackup(contents, options));
    expect(read).toMatchObject({ ok: true });
    if (!read.ok) return;
    expect(read.contents.batches).toEqual(batches);
    expect(read.contents.batches?.[1]).not.toHaveProperty('printed');
  });
});
