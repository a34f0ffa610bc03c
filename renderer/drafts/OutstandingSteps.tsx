import { currentSubmission, type DraftRecord } from '../../core/drafts/draft-record';
import { outstandingSteps } from '../../core/drafts/outstanding-steps';
import { t } from '../../core/i18n/translate';

/** What is still missing before the letter can be sent, or that nothing is. */
export function OutstandingSteps({ draft, attachmentCount, queued }: { draft: Pick<DraftRecord, 'status' | 'summary' | 'review' | 'submissions'>; attachmentCount: number; queued: ReadonlySet<string> | null }) {
  const steps = outstandingSteps(draft, attachmentCount);
  // Once packed and queued, the next step is the outbox's, not the clerk's. Until the outbox is read, say nothing either way.
  const packed = currentSubmission(draft);
  const packedText = packed && queued && (queued.has(packed.submissionId) ? t('ui.step.packed', { id: packed.submissionId }) : t('ui.step.packed-not-queued'));
  return (
    <span className="outstanding" data-testid="outstanding">
      {packed ? packedText : steps.length === 0 ? t('ui.step.ready') : t('ui.step.missing', { steps: steps.map((s) => t(`ui.step.${s}`, { count: draft.summary.errorCount })).join('、') })}
    </span>
  );
}
