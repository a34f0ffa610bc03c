import { t } from '../../core/i18n/translate';
import type { DraftSummary } from './draft-summary';
import { formatTime } from './format-time';

export function DraftList({ drafts, onOpen }: { drafts: readonly DraftSummary[] | undefined; onOpen: (id: string) => void }) {
  if (drafts === undefined) return <p>{t('ui.loading')}</p>;
  if (drafts.length === 0) return <p className="empty">{t('ui.no-drafts')}</p>;
  return (
    <ul className="draft-list" aria-label={t('ui.drafts')}>
      {drafts.map((draft) => (
        <li key={draft.id}>
          <button type="button" className="draft-card" onClick={() => onOpen(draft.id)} data-testid="draft-card">
            <span className="draft-card__title">
              {draft.unitName}
              {draft.year && ` · ${t('ui.letter-title', { year: draft.year })}`}
            </span>
            <span className="draft-card__meta">
              {t('ui.item-count', { count: draft.itemCount })} · {t('ui.updated-at')} {formatTime(draft.updatedAt)}
            </span>
            <span className={draft.errors.length === 0 ? 'badge badge--ok' : 'badge badge--problem'}>
              {draft.errors.length === 0 ? t('ui.status.valid') : t('ui.status.problems', { count: draft.errors.length })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
