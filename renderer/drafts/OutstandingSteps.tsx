import type { DraftRecord } from '../../core/drafts/draft-record';
import { deliveryState, describeDelivery } from '../../core/drafts/delivery-state';
import { outstandingSteps } from '../../core/drafts/outstanding-steps';
import { t } from '../../core/i18n/translate';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import { formatTime } from '../shared/format-time';

/**
 * What is still missing before the letter can be sent, or, once packed, where its package
 * stands: only a receipt makes it "已送达". Until the outbox is read, a packed letter says nothing either way.
 */
export function OutstandingSteps({ draft, attachmentCount, snapshot }: { draft: Pick<DraftRecord, 'status' | 'summary' | 'review' | 'submissions'>; attachmentCount: number; snapshot: OutboxSnapshot | null }) {
  const delivery = deliveryState(draft, snapshot);
  const steps = outstandingSteps(draft, attachmentCount);
  const text =
    delivery.kind !== 'not-packed'
      ? describeDelivery(delivery, formatTime)
      : steps.length === 0
        ? t('ui.step.ready')
        : t('ui.step.missing', { steps: steps.map((s) => t(`ui.step.${s}`, { count: draft.summary.errorCount })).join('、') });
  return (
    <span className="outstanding" data-testid="outstanding" data-delivery={delivery.kind}>
      {text}
    </span>
  );
}
