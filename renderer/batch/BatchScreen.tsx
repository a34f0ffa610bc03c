import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { batchProgress } from '../../core/batch/batch-progress';
import { t, type MessageKey } from '../../core/i18n/translate';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import { BackBar } from '../app/BackBar';
import { BATCH_TABS, type BatchTab } from '../app/route';
import { formatTime } from '../shared/format-time';
import type { BatchStore } from '../store/batch-store';
import type { DraftStore } from '../store/draft-store';
import { BatchCounts } from './BatchCounts';
import { BatchDelivery } from './BatchDelivery';
import { BatchMembers, BatchMissing } from './BatchMembers';
import { BatchSigning } from './BatchSigning';
import { BatchReview } from './BatchReview';

const TAB_NAMES: Readonly<Record<BatchTab, MessageKey>> = { overview: 'ui.batch.tab.overview', review: 'ui.batch.tab.review', sign: 'ui.batch.tab.sign' };

interface BatchScreenProps {
  readonly id: string;
  readonly tab: BatchTab;
  readonly onTab: (tab: BatchTab) => void;
  readonly batches: BatchStore;
  readonly drafts: DraftStore;
  /** The unit's principal, offered as the reviewer. */
  readonly principalName: string;
  /** The outbox with the connection, or null until it has been read. */
  readonly snapshot: OutboxSnapshot | null;
  readonly onBack: () => void;
  readonly onOpenLetter: (draftId: string) => void;
  readonly onOpenOutbox: () => void;
  /** The address names a batch that is not there. */
  readonly onMissing: () => void;
}

/**
 * One staff batch: where every member's letter stands and who is missing (overview), and the
 * review in one sitting, printing for signatures with the signed scan split back (sign), and
 * delivery through the outbox; each letter also stays an ordinary draft.
 */
export function BatchScreen({ id, tab, onTab, batches, drafts, principalName, snapshot, onBack, onOpenLetter, onOpenOutbox, onMissing }: BatchScreenProps) {
  // Watches the batch, its drafts and their signed copies: every step taken anywhere shows here at once.
  const data = useLiveQuery(() => batches.get(id).then((read) => read ?? null), [batches, id]);
  useEffect(() => {
    if (data === null) onMissing();
  }, [data, onMissing]);
  if (!data) return <p>{t('ui.loading')}</p>;
  const { batch } = data;
  const progress = batchProgress(batch, data.drafts, snapshot);
  return (
    <section className="batch-view" aria-labelledby="batch-title">
      <BackBar onBack={onBack} />
      <h2 id="batch-title">{batch.title}</h2>
      <p>{t('ui.batch.source', { file: batch.sourceName, time: formatTime(batch.createdAt) })}</p>
      <BatchCounts counts={progress.counts} />
      <div role="tablist" className="tabs" aria-label={t('ui.batch.tabs')}>
        {BATCH_TABS.map((key) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} aria-controls={`batch-panel-${key}`} id={`batch-tab-${key}`} onClick={() => key !== tab && onTab(key)}>
            {t(TAB_NAMES[key])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`batch-panel-${tab}`} aria-labelledby={`batch-tab-${tab}`}>
        {tab === 'overview' && (
          <>
            <BatchMissing missing={progress.missing} />
            <BatchMembers members={progress.members} onOpen={onOpenLetter} />
            <BatchDelivery batch={batch} members={progress.members} store={drafts} onOpenOutbox={onOpenOutbox} />
          </>
        )}
        {tab === 'review' && <BatchReview members={progress.members} store={drafts} principalName={principalName} onOpen={onOpenLetter} />}
        {tab === 'sign' && <BatchSigning batch={batch} members={progress.members} drafts={drafts} batches={batches} />}
      </div>
    </section>
  );
}
