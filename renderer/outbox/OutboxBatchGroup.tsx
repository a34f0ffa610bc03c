import { useId, useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { BatchTally } from '../../core/outbox/group-by-batch';
import type { Connection, OriginBatch, OutboxItem } from '../../core/outbox/outbox-item';
import { describeQueueReason, isPending, queueReason } from '../../core/outbox/queue-reason';
import { formatTime } from '../shared/format-time';
import { OutboxItemView } from './OutboxItemView';

/**
 * A staff batch in the outbox: one heading, one bar of the letters delivered (receipt in hand) and
 * the count of each state in words. The refused letters are always listed, since each needs the
 * clerk; the others fold away (200 people are one thing to follow), and open with the button.
 */
export function OutboxBatchGroup({ batch, items, tally, connection }: { batch: OriginBatch; items: readonly OutboxItem[]; tally: BatchTally; connection: Connection }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const headingId = useId();
  const refused = items.filter((item) => item.entry.state.status === 'rejected');
  const rest = items.filter((item) => item.entry.state.status !== 'rejected');
  // Why what is left has not gone yet: the same for every waiting letter when it is the settings or the network.
  const waiting = items.map((item) => item.entry.state).find((state) => isPending(state) && state.status !== 'sending');
  const reason = waiting && isPending(waiting) ? queueReason(waiting, connection) : undefined;
  const counts = [
    t('ui.outbox-batch.tally.delivered', { n: tally.delivered }),
    t('ui.outbox-batch.tally.sending', { n: tally.sending }),
    t('ui.outbox-batch.tally.pending', { n: tally.pending }),
    t('ui.outbox-batch.tally.rejected', { n: tally.rejected }),
  ];

  return (
    <li className="outbox-batch" data-testid="outbox-batch" aria-labelledby={headingId}>
      <h3 id={headingId} className="outbox-batch__title">
        {t('ui.outbox-batch.title', { title: batch.title, count: tally.total })}
      </h3>
      <p className="outbox-item__meta">{t('ui.outbox-batch.explain')}</p>
      <p className="outbox-item__progress">
        <progress max={tally.total} value={tally.delivered} aria-label={t('ui.outbox-batch.progress-label', { n: tally.delivered, total: tally.total })} data-testid="outbox-batch-bar" />
      </p>
      <p className="outbox-batch__tally" data-testid="outbox-batch-tally" data-delivered={tally.delivered} data-total={tally.total}>
        {counts.join('；')}
      </p>
      {reason && reason.kind !== 'sending' && (
        <p className="outbox-item__note" data-testid="outbox-batch-reason">
          {t('ui.outbox-batch.pending-reason', { reason: describeQueueReason(reason, formatTime) })}
        </p>
      )}
      {refused.length > 0 && (
        <section className="outbox-batch__refused" aria-label={t('ui.outbox-batch.refused', { n: refused.length })}>
          <h4>{t('ui.outbox-batch.refused', { n: refused.length })}</h4>
          <ul className="outbox-list">
            {refused.map((item) => (
              <OutboxItemView key={item.entry.package.submissionId} item={item} connection={connection} />
            ))}
          </ul>
        </section>
      )}
      {rest.length > 0 && (
        <button type="button" className="link" aria-expanded={open} {...(open ? { 'aria-controls': listId } : {})} onClick={() => setOpen(!open)}>
          {open ? t('ui.outbox-batch.hide') : t('ui.outbox-batch.show', { n: rest.length })}
        </button>
      )}
      {open && (
        <ul id={listId} className="outbox-list" aria-label={t('ui.outbox-batch.members')}>
          {rest.map((item) => (
            <OutboxItemView key={item.entry.package.submissionId} item={item} connection={connection} />
          ))}
        </ul>
      )}
    </li>
  );
}
