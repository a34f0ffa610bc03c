import type { DraftRecord } from './draft-record';

/** The steps between a draft and a submission, in the order a unit takes them. */
export type OutstandingStep = 'fix-problems' | 'submit-for-review' | 'await-review' | 'address-comments' | 'attach-signed-copy';

/**
 * What still stands between this letter and a submission that can be sent, so the list and the
 * editor can say it plainly. An empty list means the letter is approved and the signed copy is attached.
 */
export function outstandingSteps(draft: Pick<DraftRecord, 'status' | 'summary'>, attachmentCount: number): OutstandingStep[] {
  const steps: OutstandingStep[] = [];
  if (draft.summary.errorCount > 0) steps.push('fix-problems');
  if (draft.status === 'draft') steps.push('submit-for-review');
  if (draft.status === 'in-review') steps.push('await-review');
  if (draft.status === 'returned') steps.push('address-comments');
  if (attachmentCount === 0) steps.push('attach-signed-copy');
  return steps;
}
