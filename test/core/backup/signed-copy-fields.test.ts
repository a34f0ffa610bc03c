import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup, type BackupContents } from '../../../core/backup/backup-file';
import type { AttachmentRecord } from '../../../core/drafts/draft-record';
import { sha256Hex } from '../../../core/hash/sha256-hex';

const PDF = strToU8('%PDF-1.7\n% the approved letter\n%%EOF\n');
const PDF_SHA = sha256Hex(PDF);
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const SIGNED = strToU8('%PDF-1.7\n% the signed copy\n%%EOF\n');
const T0 = Date.UTC(2026, 3, 20, 1, 0, 0);
const letter = { format: 'pledge-letter/1', kind: 'unit', year: 2026, unit: { name: '白鹭乡人民政府', creditCode: '12239921401258766P' }, items: [{ category: 'duty', content: '按时办结。' }], supervision: { phone: '0458-6127788' }, principal: { name: '周文静' }, date: '2026-04-20' };

const copy = (id: string, bytes: Uint8Array, extra: Partial<AttachmentRecord>): AttachmentRecord => ({
  id,
  draftId: 'd',
  name: `${id}.${bytes === PNG ? 'png' : 'pdf'}`,
  type: bytes === PNG ? 'image/png' : 'application/pdf',
  size: bytes.length,
  sha256: sha256Hex(bytes),
  bytes,
  addedAt: T0,
  approvalSha256: PDF_SHA,
  ...extra,
});

/** An approved letter, approved by a deputy, with two signed copies put in order and one turned. */
function contents(attachments: AttachmentRecord[]): BackupContents {
  const review = { snapshotId: 's', pdfSha256: PDF_SHA, submittedAt: T0, decision: { kind: 'approved' as const, by: '王副乡长', at: T0 + 1, pdfSha256: PDF_SHA, delegated: true as const } };
  return {
    drafts: [{ id: 'd', templateKey: 'duty', status: 'approved', createdAt: T0, updatedAt: T0 + 2, summary: { kind: 'unit', name: '白鹭乡人民政府', year: 2026, itemCount: 1, errorCount: 0, warningCount: 0 }, lastSnapshotAt: T0 + 1, review }],
    letters: [{ draftId: 'd', letter }],
    snapshots: [{ id: 's', draftId: 'd', at: T0 + 1, reason: 'approved', status: 'approved', letter, review }],
    documents: [{ sha256: PDF_SHA, draftId: 'd', bytes: PDF, createdAt: T0 }],
    attachments,
    quarantine: [],
  };
}

describe('a backup of signed copies and a delegated approval', () => {
  it('carries the order, the turn, what a PDF copy holds and that the approval was delegated', async () => {
    const attachments = [copy('page', PNG, { position: 1, rotation: 90 }), copy('signed', SIGNED, { position: 0, pdfContent: { signature: true, images: false } })];
    const read = await readBackup(await writeBackup(contents(attachments), { exportedAt: new Date(T0 + 3), appVersion: '0.1.0' }));
    if (!read.ok) throw new Error(read.reason);
    expect(read.setAside).toBe(0);
    expect(read.contents.attachments.map(({ id, position, rotation, pdfContent }) => ({ id, position, rotation, pdfContent }))).toEqual([
      { id: 'page', position: 1, rotation: 90, pdfContent: undefined },
      { id: 'signed', position: 0, rotation: undefined, pdfContent: { signature: true, images: false } },
    ]);
    expect(read.contents.drafts[0]?.review?.decision).toMatchObject({ by: '王副乡长', delegated: true });
  });

  it('still reads copies and approvals from before these fields existed', async () => {
    const old = contents([copy('page', PNG, {})]);
    const { delegated: _delegated, ...plainDecision } = old.drafts[0]!.review!.decision as { delegated?: true };
    const review = { ...old.drafts[0]!.review!, decision: plainDecision as NonNullable<BackupContents['drafts'][number]['review']>['decision'] };
    const read = await readBackup(await writeBackup({ ...old, drafts: [{ ...old.drafts[0]!, review }], snapshots: [{ ...old.snapshots[0]!, review }] }, { exportedAt: new Date(T0 + 3), appVersion: '0.1.0' }));
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents.attachments[0]).not.toHaveProperty('position');
    expect(read.contents.drafts[0]?.review?.decision).not.toHaveProperty('delegated');
  });

  it('refuses a turn that is not a quarter', async () => {
    const read = await readBackup(await writeBackup(contents([copy('page', PNG, { rotation: 45 as never })]), { exportedAt: new Date(T0 + 3), appVersion: '0.1.0' }));
    expect(read.ok).toBe(false);
  });
});
