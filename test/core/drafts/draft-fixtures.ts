import type { AttachmentRecord, DocumentRecord, DraftRecord, DraftStatus, ReviewDecision } from '../../../core/drafts/draft-record';
import { summarizeLetter } from '../../../core/drafts/summarize-letter';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { ownLetter } from '../../support/letter-fixtures';

/** Records of one letter through its review, as the store would hold them; no database involved. */

export const T0 = Date.UTC(2026, 2, 1, 2, 0, 0);
export const MINUTE = 60_000;

export const LETTER = ownLetter('service');
export const PDF = new TextEncoder().encode('%PDF-1.7\napproved\n%%EOF');
export const PDF_SHA = sha256Hex(PDF);
export const OTHER_SHA = 'e'.repeat(64);
export const document = (bytes: Uint8Array = PDF): DocumentRecord => ({ sha256: PDF_SHA, draftId: 'd1', bytes, createdAt: T0 });

export const fresh: DraftRecord = { id: 'd1', templateKey: 'service', status: 'draft', createdAt: T0, updatedAt: T0, summary: summarizeLetter(LETTER), lastSnapshotAt: T0 };
const submitted = { snapshotId: 's-submitted', pdfSha256: PDF_SHA, submittedAt: T0 + MINUTE };
export const approval: ReviewDecision = { kind: 'approved', by: '陈晓梅', at: T0 + 2 * MINUTE, pdfSha256: PDF_SHA };
export const comments: ReviewDecision = { kind: 'returned', by: '陈晓梅', at: T0 + 2 * MINUTE, pdfSha256: PDF_SHA, comments: '第二项时限请写明工作日。' };

export const inReview: DraftRecord = { ...fresh, status: 'in-review', review: submitted, updatedAt: T0 + MINUTE, lastSnapshotAt: T0 + MINUTE };
export const approved: DraftRecord = { ...inReview, status: 'approved', review: { ...submitted, decision: approval }, updatedAt: approval.at, lastSnapshotAt: approval.at };
export const returned: DraftRecord = { ...inReview, status: 'returned', review: { ...submitted, decision: comments }, updatedAt: comments.at, lastSnapshotAt: comments.at };
export const packed: DraftRecord = { ...approved, submissions: [{ submissionId: 'sub-1', approvalSha256: PDF_SHA, packedAt: T0 + 3 * MINUTE }] };

export const byStatus: Record<DraftStatus, DraftRecord> = { draft: fresh, 'in-review': inReview, approved, returned };

/** A signed copy of the approval with hash `approvalSha256` (the current one by default). */
export function copy(id: string, extra: Partial<AttachmentRecord> = {}): AttachmentRecord {
  const bytes = new Uint8Array([1, 2, 3]);
  return { id, draftId: 'd1', name: `${id}.png`, type: 'image/png', size: bytes.byteLength, sha256: sha256Hex(bytes), bytes, addedAt: T0, approvalSha256: PDF_SHA, ...extra };
}
