import type { DocumentRecord, DraftRecord } from '../drafts/draft-record';
import { sha256Hex } from '../hash/sha256-hex';

/*
 * A review in a backup is only a claim: anyone can write "approved by 王某某" into a file. Here
 * the claim must at least be about a PDF the backup holds, unchanged, as the store requires
 * before it records a decision. Who approved cannot be proved from a file; that the approval
 * covers exactly these bytes can.
 */

export interface ReviewCheck {
  /** The backup's drafts, those whose review is not backed by its PDF put back to `draft` without it. */
  readonly drafts: DraftRecord[];
  /** The drafts as the backup had them, by id, for each one put back. */
  readonly withdrawn: ReadonlyMap<string, DraftRecord>;
}

/**
 * Keeps a draft's review (under review, returned or approved) only when its status agrees with
 * the decision and the draft's own document under `review.pdfSha256` is in `documents` and hashes
 * to it; any other draft that is not a plain draft comes back as one, needing review again.
 *
 * @example
 * const { drafts, withdrawn } = checkReviews(backup.drafts, backup.documents);
 * if (withdrawn.size > 0) tellUser(withdrawn.size);
 */
export function checkReviews(drafts: readonly DraftRecord[], documents: readonly DocumentRecord[]): ReviewCheck {
  const byKey = new Map(documents.map((document) => [`${document.draftId}+${document.sha256}`, document]));
  const withdrawn = new Map<string, DraftRecord>();
  const checked = drafts.map((draft) => {
    if (isProven(draft, byKey)) return draft;
    withdrawn.set(draft.id, draft);
    const { review: _review, ...rest } = draft;
    return { ...rest, status: 'draft' as const };
  });
  return { drafts: checked, withdrawn };
}

function isProven(draft: DraftRecord, documents: ReadonlyMap<string, DocumentRecord>): boolean {
  const { status, review } = draft;
  if (!review) return status === 'draft';
  const decision = review.decision;
  const agrees =
    status === 'in-review' ? decision === undefined : (status === 'approved' || status === 'returned') && decision?.kind === status && decision.pdfSha256 === review.pdfSha256;
  if (!agrees) return false;
  // Hashed again rather than trusting the reader: this is what lets an approval in, so it is checked where it is used.
  const document = documents.get(`${draft.id}+${review.pdfSha256}`);
  return document !== undefined && sha256Hex(document.bytes) === review.pdfSha256;
}
