import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { DraftRecord, SnapshotRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { toFormValues } from '../../core/letter/form-values';
import { categoryName, CATEGORY_KEYS } from '../../core/letter/categories';
import type { DraftStore } from '../store/draft-store';
import { describeStorageError } from '../store/storage-errors';
import { formatTime } from '../shared/format-time';
import { ConfirmDialog } from '../app/ConfirmDialog';

/** Every kept version of the letter, newest first; each can be read and put back. */
export function HistoryPanel({ draft, store, onRestored }: { draft: DraftRecord; store: DraftStore; onRestored: () => void }) {
  const draftId = draft.id;
  const snapshots = useLiveQuery(() => store.history(draftId), [store, draftId]);
  const [viewing, setViewing] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [asking, setAsking] = useState<SnapshotRecord | null>(null);

  const restore = async (snapshot: SnapshotRecord) => {
    setAsking(null);
    try {
      await store.restoreSnapshot(draftId, snapshot.id, new Date());
      onRestored();
    } catch (error) {
      setFailure(t('ui.history.failed', { reason: describeStorageError(error) }));
    }
  };

  if (!snapshots) return <p>{t('ui.loading')}</p>;
  return (
    <section className="history-panel" aria-label={t('ui.tab.history')}>
      {failure && <p className="error">{failure}</p>}
      <ol className="history-list">
        {snapshots.map((s) => (
          <li key={s.id} data-testid="snapshot">
            <div className="history-entry">
              <span className="history-entry__time">{formatTime(s.at)}</span>
              <span className="badge">{t(`ui.snapshot.${s.reason}`)}</span>
              <button type="button" aria-expanded={viewing === s.id} onClick={() => setViewing(viewing === s.id ? null : s.id)}>
                {viewing === s.id ? t('ui.history.hide') : t('ui.history.view')}
              </button>
              {s.review?.decision && <span className="history-entry__by">{t('ui.history.decided-by', { by: s.review.decision.by })}</span>}
              {s.review?.decision?.kind === 'approved' && s.review.decision.delegated && <span className="badge badge--delegated">{t('ui.history.delegated')}</span>}
              <button type="button" onClick={() => setAsking(s)}>
                {t('ui.history.restore')}
              </button>
            </div>
            {viewing === s.id && <SnapshotView snapshot={s} />}
          </li>
        ))}
      </ol>
      {asking && (
        <ConfirmDialog
          title={t('ui.history.confirm-title')}
          message={restoreQuestion(draft, asking)}
          confirmLabel={t('ui.history.restore-confirm')}
          danger={draft.submissions !== undefined && draft.submissions.length > 0}
          onCancel={() => setAsking(null)}
          onConfirm={() => void restore(asking)}
        />
      )}
    </section>
  );
}

/** What a restore does to this letter: a sent letter stays sent (the restore is a new local draft), a frozen one loses its review. */
function restoreQuestion(draft: DraftRecord, snapshot: SnapshotRecord): string {
  const at = formatTime(snapshot.at);
  const sent = draft.submissions?.at(-1);
  if (sent) return t('ui.history.confirm-restore-sent', { at, id: sent.submissionId });
  if (draft.status === 'in-review' || draft.status === 'approved') return t('ui.history.confirm-restore-frozen', { at, status: t(`ui.status.${draft.status}`) });
  return t('ui.history.confirm-restore', { at });
}

/** The version as text: enough to recognise it and compare, without rendering a PDF per entry. */
function SnapshotView({ snapshot }: { snapshot: SnapshotRecord }) {
  const letter = toFormValues(snapshot.letter);
  return (
    <article className="snapshot-view" data-testid="snapshot-view">
      <p>
        <strong>{letter.kind === 'person' ? letter.person.name : letter.unit.name}</strong> {letter.year}
      </p>
      {letter.statement && <p className="snapshot-view__statement">{letter.statement}</p>}
      {CATEGORY_KEYS.map((key) => {
        const items = letter.items.filter((item) => item.category === key);
        return items.length === 0 ? null : (
          <section key={key}>
            <h4>{categoryName(key)}</h4>
            <ol>
              {items.map((item, i) => (
                <li key={i}>{item.content}</li>
              ))}
            </ol>
          </section>
        );
      })}
    </article>
  );
}
