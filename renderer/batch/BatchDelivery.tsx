import { useState } from 'react';
import type { MemberProgress } from '../../core/batch/batch-progress';
import type { BatchRecord } from '../../core/batch/batch-record';
import { t } from '../../core/i18n/translate';
import { describeBatchSubmit, describeBatchSubmitProgress, submitBatch } from '../outbox/submit-batch';
import type { DraftStore } from '../store/draft-store';
import { describeStorageError } from '../store/storage-errors';

interface BatchDeliveryProps {
  readonly batch: BatchRecord;
  readonly members: readonly MemberProgress[];
  readonly store: DraftStore;
  readonly onOpenOutbox: () => void;
}

/**
 * Delivery of the batch: every signed letter packed and queued as its own submission through the
 * outbox (renderer/outbox/submit-batch.ts), which then shows the batch as one group. Whether a
 * letter arrived is the outbox's receipt, counted on this screen as 已送达, never the click.
 */
export function BatchDelivery({ batch, members, store, onOpenOutbox }: BatchDeliveryProps) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = members.filter((m) => m.stage === 'signed').length;

  const deliver = async () => {
    setBusy(true);
    try {
      const result = await submitBatch(store, batch, new Date(), (progress) => setMessage(describeBatchSubmitProgress(progress)));
      setMessage(describeBatchSubmit(result));
    } catch (error) {
      setMessage(describeStorageError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="batch-delivery" aria-label={t('ui.batch.deliver.title')}>
      <h3>{t('ui.batch.deliver.title')}</h3>
      <p>{t('ui.batch.deliver.explain')}</p>
      <div className="actions actions--start">
        <button type="button" className="primary" disabled={busy || ready === 0} onClick={() => void deliver()}>
          {t('ui.batch.deliver.all', { count: ready })}
        </button>
        <button type="button" onClick={onOpenOutbox}>
          {t('ui.batch.deliver.open-outbox')}
        </button>
      </div>
      {message && (
        <p role="status" data-testid="batch-delivery-status">
          {message}
        </p>
      )}
    </section>
  );
}
