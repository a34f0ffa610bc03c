import { useDeferredValue, useMemo, useState } from 'react';
import { DRAFT_STATUSES, type DraftRecord, type DraftStatus } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { draftTitle } from '../../core/drafts/draft-title';
import type { DraftListing } from '../store/draft-store';
import { formatTime } from '../shared/format-time';
import { OutstandingSteps } from './OutstandingSteps';
import { DeliveryBadge } from './DeliveryBadge';
import { DELIVERY_FILTERS, deliveryBadge, deliveryFilterOf, deliveryState, type DeliveryFilter } from '../../core/drafts/delivery-state';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import { UnreadableDrafts } from './UnreadableDrafts';
import { useDeleteConfirmation } from './use-delete-confirmation';
import type { LetterWarnings } from '../../core/calendar/letter-warnings';
import { ListWarningMarks } from '../reminders/ListWarningMarks';

interface DraftListProps {
  readonly listing: DraftListing | undefined;
  readonly attachmentCounts: ReadonlyMap<string, number>;
  /** The outbox with the connection, or null until it has been read. */
  readonly snapshot: OutboxSnapshot | null;
  readonly onOpen: (id: string) => void;
  readonly onDuplicate: (id: string) => void;
  /** "复制为下一年度". */
  readonly onNextYear: (id: string) => void;
  readonly onBin: (id: string) => void;
  readonly onRestore: (id: string) => void;
  readonly onPurge: (id: string) => void;
  /** The 三色预警 of delivered letters, by draft id (renderer/reminders). */
  readonly warnings?: ReadonlyMap<string, LetterWarnings>;
}

/** Rows drawn at first; the rest follow on demand, so a thousand drafts paint as fast as a few. */
export const PAGE_SIZE = 100;

export function DraftList({ listing, attachmentCounts, snapshot, onOpen, onDuplicate, onNextYear, onBin, onRestore, onPurge, warnings }: DraftListProps) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ListFilter>('all');
  const [shown, setShown] = useState(PAGE_SIZE);
  const [showBin, setShowBin] = useState(false);
  const { requestBin, requestPurge, dialog: deleteDialog } = useDeleteConfirmation(onBin, onPurge);
  // Typing in the search box stays responsive; the filtered list follows a moment later.
  const deferredQuery = useDeferredValue(query);
  const filtered = useMemo(() => filterDrafts(listing?.drafts ?? [], deferredQuery, status, snapshot), [listing, deferredQuery, status, snapshot]);

  if (listing === undefined) return <p>{t('ui.loading')}</p>;
  return (
    <section className="draft-list-view" aria-label={t('ui.drafts')}>
      <div className="list-tools">
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('ui.search.placeholder')} aria-label={t('ui.search')} />
        <select value={status} onChange={(e) => setStatus(e.target.value as ListFilter)} aria-label={t('ui.filter.status')}>
          <option value="all">{t('ui.filter.all')}</option>
          {DRAFT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`ui.status.${s}`)}
            </option>
          ))}
          <optgroup label={t('delivery.filter.group')}>
            {DELIVERY_FILTERS.map((f) => (
              <option key={f} value={`delivery:${f}`}>
                {t(`delivery.filter.${f}`)}
              </option>
            ))}
          </optgroup>
        </select>
        <span className="list-count" data-testid="list-count">
          {t('ui.list-count', { shown: filtered.length, total: listing.drafts.length })}
        </span>
      </div>
      {listing.drafts.length === 0 ? (
        <p className="empty">{t('ui.no-drafts')}</p>
      ) : filtered.length === 0 ? (
        <p className="empty">{t('ui.search.none')}</p>
      ) : (
        <ul className="draft-list" aria-label={t('ui.drafts')}>
          {filtered.slice(0, shown).map((draft) => (
            <li key={draft.id} className="draft-row">
              <button type="button" className="draft-card" onClick={() => onOpen(draft.id)} data-testid="draft-card">
                <span className="draft-card__title">{draftTitle(draft.summary)}</span>
                <span className="draft-card__meta">
                  {t('ui.item-count', { count: draft.summary.itemCount })} · {t('ui.updated-at')} {formatTime(draft.updatedAt)}
                </span>
                <span className="draft-card__status">
                  <span className={`badge badge--${draft.status}`}>{t(`ui.status.${draft.status}`)}</span>
                  {draft.summary.errorCount > 0 && <span className="badge badge--problem">{t('ui.status.problems', { count: draft.summary.errorCount })}</span>}
                  <DeliveryBadge state={deliveryState(draft, snapshot)} />
                  <ListWarningMarks warnings={warnings?.get(draft.id)} />
                  <OutstandingSteps draft={draft} attachmentCount={attachmentCounts.get(draft.id) ?? 0} snapshot={snapshot} />
                </span>
              </button>
              <div className="draft-row__actions">
                <button type="button" onClick={() => onDuplicate(draft.id)} aria-label={t('ui.duplicate-named', { name: draftTitle(draft.summary) })}>
                  {t('ui.duplicate')}
                </button>
                <button type="button" onClick={() => onNextYear(draft.id)} aria-label={t('ui.next-year-named', { name: draftTitle(draft.summary) })}>
                  {t('ui.next-year')}
                </button>
                <button type="button" className="danger" onClick={() => requestBin(draft)} aria-label={t('ui.bin-named', { name: draftTitle(draft.summary) })}>
                  {t('ui.bin')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {filtered.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE_SIZE)}>
          {t('ui.show-more', { count: Math.min(PAGE_SIZE, filtered.length - shown) })}
        </button>
      )}
      <UnreadableDrafts records={listing.unreadable} />
      {deleteDialog}
      {listing.bin.length > 0 && (
        <section className="bin" aria-label={t('ui.bin.title')}>
          <button type="button" aria-expanded={showBin} onClick={() => setShowBin(!showBin)}>
            {t('ui.bin.toggle', { count: listing.bin.length })}
          </button>
          {showBin && (
            <ul className="bin-list">
              {listing.bin.map((draft) => (
                <li key={draft.id} data-testid="bin-entry">
                  <span>
                    {draftTitle(draft.summary)} · {t('ui.bin.deleted-at', { at: formatTime(draft.deletedAt ?? 0) })}
                  </span>
                  <button type="button" onClick={() => onRestore(draft.id)}>
                    {t('ui.bin.restore')}
                  </button>
                  <button type="button" className="danger" onClick={() => requestPurge(draft)}>
                    {t('ui.bin.purge')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}

/** A workflow status, or whether the letter reached the platform (`delivery:…`). */
export type ListFilter = DraftStatus | `delivery:${DeliveryFilter}` | 'all';

/** Every word must appear in the name, the year, the status, the delivery state or the receipt number. */
export function filterDrafts(drafts: readonly DraftRecord[], query: string, status: ListFilter, snapshot: OutboxSnapshot | null): DraftRecord[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return drafts.filter((draft) => {
    const delivery = deliveryState(draft, snapshot);
    const group = deliveryFilterOf(delivery);
    if (status.startsWith('delivery:') ? status !== `delivery:${group}` : status !== 'all' && draft.status !== status) return false;
    if (words.length === 0) return true;
    const said = [t(`ui.status.${draft.status}`), deliveryBadge(delivery) ?? '', group ? t(`delivery.filter.${group}`) : '', delivery.kind === 'delivered' ? delivery.receipt.receiptId : ''];
    const haystack = `${draft.summary.name} ${draft.summary.year ?? ''} ${said.join(' ')}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
