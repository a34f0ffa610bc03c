import { describe, expect, it } from 'vitest';
import { checkReviews } from '../../../core/backup/check-reviews';
import type { DocumentRecord, DraftRecord, ReviewRecord } from '../../../core/drafts/draft-record';
import { sha256Hex } from '../../../core/hash/sha256-hex';

const PDF = new TextEncoder().encode('%PDF-1.7\n% 送审稿\n%%EOF\n');
const SHA = sha256Hex(PDF);
const document: DocumentRecord = { draftId: 'd', sha256: SHA, bytes: PDF, createdAt: 1 };
const submitted: ReviewRecord = { snapshotId: 's', pdfSha256: SHA, submittedAt: 1 };

const draft = (status: DraftRecord['status'], review?: ReviewRecord): DraftRecord => ({
  id: 'd',
  templateKey: 'duty',
  status,
  createdAt: 1,
  updatedAt: 2,
  summary: { kind: 'unit', name: '青山县政务服务中心', year: 2026, itemCount: 1, errorCount: 0, warningCount: 0 },
  lastSnapshotAt: 2,
  ...(review ? { review } : {}),
});

const approved = { ...submitted, decision: { kind: 'approved' as const, by: '王某某', at: 3, pdfSha256: SHA } };
const returned = { ...submitted, decision: { kind: 'returned' as const, by: '王某某', at: 3, pdfSha256: SHA, comments: '请补充期限。' } };

describe('checkReviews', () => {
  it('keeps every review the draft\'s own PDF backs, in each state the store can leave it', () => {
    const drafts = [draft('draft'), draft('in-review', submitted), draft('approved', approved), draft('returned', returned)];
    for (const one of drafts) expect(checkReviews([one], [document])).toEqual({ drafts: [one], withdrawn: new Map() });
  });

  it('withdraws a review whose PDF is missing, changed, another draft\'s, or about other bytes than its decision', () => {
    const changed = { ...document, bytes: PDF.map((b, i) => (i === 3 ? b ^ 1 : b)) };
    const cases: [DraftRecord, DocumentRecord[]][] = [
      [draft('approved', approved), []],
      [draft('approved', approved), [changed]],
      [draft('approved', approved), [{ ...document, draftId: 'other' }]],
      [draft('approved', { ...approved, decision: { ...approved.decision, pdfSha256: sha256Hex(new Uint8Array([1])) } }), [document]],
      [draft('approved', returned), [document]],
      [draft('in-review', approved), [document]],
      [draft('approved'), [document]],
      [draft('draft', approved), [document]],
    ];
    for (const [claimed, documents] of cases) {
      const { drafts, withdrawn } = checkReviews([claimed], documents);
      expect(drafts).toEqual([{ ...draft('draft') }]);
      expect(withdrawn.get('d')).toBe(claimed);
    }
  });
});
