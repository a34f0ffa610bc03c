import type { DraftRecord } from '../../core/drafts/draft-record';
import { outstandingSteps } from '../../core/drafts/outstanding-steps';
import { t } from '../../core/i18n/translate';

/** What is still missing before the letter can be sent, or that nothing is. */
export function OutstandingSteps({ draft, attachmentCount }: { draft: Pick<DraftRecord, 'status' | 'summary'>; attachmentCount: number }) {
  const steps = outstandingSteps(draft, attachmentCount);
  return (
    <span className="outstanding" data-testid="outstanding">
      {steps.length === 0 ? t('ui.step.ready') : t('ui.step.missing', { steps: steps.map((s) => t(`ui.step.${s}`, { count: draft.summary.errorCount })).join('、') })}
    </span>
  );
}
