import { useLiveQuery } from 'dexie-react-hooks';
import { t } from '../../core/i18n/translate';
import type { BatchStore } from '../store/batch-store';

/** On the list screen: the way to a new staff batch, and the batches made so far. */
export function BatchShelf({ store, onNew, onOpen }: { store: BatchStore; onNew: () => void; onOpen: (id: string) => void }) {
  const listing = useLiveQuery(() => store.list(), [store]);
  return (
    <section className="batch-shelf" aria-label={t('ui.batch.shelf')}>
      <button type="button" onClick={onNew}>
        {t('ui.batch.new')}
      </button>
      {listing && listing.batches.length > 0 && (
        <ul className="batch-shelf__list">
          {listing.batches.map((batch) => (
            <li key={batch.id}>
              <button type="button" className="link" onClick={() => onOpen(batch.id)} data-testid="batch-link">
                {t('ui.batch.shelf-item', { title: batch.title, count: batch.members.length })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {listing && listing.unreadable > 0 && <p className="error">{t('ui.batch.unreadable', { count: listing.unreadable })}</p>}
    </section>
  );
}
