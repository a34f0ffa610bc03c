import { currentSubmission, type DraftRecord } from '../../core/drafts/draft-record';
import { outstandingSteps } from '../../core/drafts/outstanding-steps';
import { t } from '../../core/i18n/translate';

/** What is still missing before the letter can be sent, or that nothing is. */
export function OutstandingSteps({ draft, attachmentCount }: { draft: Pick<DraftRecord, 'status' | 'summary' | 'review' | 'submissions'>; attachmentCount: number }) {
  const steps = outstandingSteps(draft, attachmentCount);
  // Once packed, the next step is the outbox's, not the clerk's.
  const packed = currentSubmission(draft);
  return (
    <span className="outstanding" data-testid="outstanding">
      {packed ? t('ui.step.packed', { id: packed.submissionId }) : steps.length === 0 ? t('ui.step.ready') : t('ui.step.missing', { steps: steps.map((s) => t(`ui.step.${s}`, { count: draft.summary.errorCount })).join('、') })}
    </span>
  );
}
