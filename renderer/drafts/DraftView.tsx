import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { isCurrentSignedCopy, type DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { toFormValues } from '../../core/letter/form-values';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { EditPanel } from '../editor/EditPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { draftTitle } from '../../core/drafts/draft-title';
import type { DraftStore } from '../store/draft-store';
import type { ProfileStore } from '../store/profile-store';
import { formatTime } from '../shared/format-time';
import { OutstandingSteps } from './OutstandingSteps';
import { DeliveryBadge } from './DeliveryBadge';
import { deliveryState } from '../../core/drafts/delivery-state';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import { settleAllSaves } from '../app/pending-saves';
import { LETTER_TABS, type LetterTab } from '../app/route';
import { BackBar } from '../app/BackBar';
import { ProgressTab } from '../progress/ProgressTab';
import { ReportsTab } from '../progress-report/ReportsTab';

/** Tabs about the year after delivery (践诺): shown once the platform has the letter. */
const DELIVERED_TABS: readonly LetterTab[] = ['progress', 'reports'];

interface DraftViewProps {
  readonly draft: DraftRecord;
  readonly store: DraftStore;
  readonly profile: ProfileStore;
  /** The open tab, as the address names it. */
  readonly tab: LetterTab;
  readonly onTab: (tab: LetterTab) => void;
  readonly onBack: () => void;
  readonly onError: (error: unknown) => void;
  readonly onOpenOutbox: () => void;
  /** The outbox with the connection, or null until it has been read. */
  readonly snapshot: OutboxSnapshot | null;
}

/**
 * One letter: the editor, the review, the signed copy and the history, one tab at a time. Only
 * the open tab is mounted, so leaving the editor flushes its pending save before anything else runs.
 */
export function DraftView({ draft, store, profile, tab, onTab, onBack, onError, onOpenOutbox, snapshot }: DraftViewProps) {
  const [loaded, setLoaded] = useState<{ letter: unknown; version: number } | null>(null);
  const attachments = useLiveQuery(() => store.attachments(draft.id), [store, draft.id]);
  const attachmentCount = attachments?.filter((a) => isCurrentSignedCopy(draft, a)).length ?? 0;

  // Read after every pending save has landed: the editor left behind flushes as it unmounts.
  const load = useCallback(() => {
    settleAllSaves()
      .then(() => store.letter(draft.id))
      .then((letter) => setLoaded((previous) => ({ letter, version: (previous?.version ?? 0) + 1 })), onError);
  }, [store, draft.id, onError]);
  // The tab follows the address (a click, Back or Forward). Each visit to the form rebuilds it from
  // what is stored, never from the letter as it was when the draft opened; a visit because
  // submitting was refused shows every field's problem at once.
  const [visit, setVisit] = useState({ tab, edits: 0, reveal: false });
  const [revealNext, setRevealNext] = useState(false);
  if (visit.tab !== tab) {
    setVisit({ tab, edits: tab === 'edit' ? visit.edits + 1 : visit.edits, reveal: tab === 'edit' && revealNext });
    setRevealNext(false);
    if (tab === 'edit') setLoaded(null);
  }
  useEffect(load, [load, visit.edits]);

  const open = (next: LetterTab) => {
    if (next !== tab) onTab(next);
  };
  const fixProblems = () => {
    setRevealNext(true);
    open('edit');
  };

  const save = useCallback((letter: unknown) => store.updateLetter(draft.id, letter, new Date()).catch(onError), [store, draft.id, onError]);
  const saveUrgently = useCallback((letter: unknown) => store.saveLetterUrgently(draft, letter, new Date()), [store, draft]);
  const reopen = () => void store.reopen(draft.id, new Date()).catch(onError);
  const title = draftTitle(draft.summary);
  const fileName = `${title}.pdf`;
  const principal = loaded ? toFormValues(loaded.letter).principal.name : '';
  const delivery = deliveryState(draft, snapshot);
  const delivered = delivery.kind === 'delivered' ? delivery : undefined;
  const tabs = LETTER_TABS.filter((key) => delivered || !DELIVERED_TABS.includes(key));

  return (
    <section className="draft-view" aria-labelledby="draft-title">
      <BackBar onBack={onBack}>
        <span className="saved-at" data-testid="saved-at">
          {t('ui.updated-at')} {formatTime(draft.updatedAt)}
        </span>
      </BackBar>
      <h2 id="draft-title">{title}</h2>
      <p className="status-line">
        <span className={`badge badge--${draft.status}`} data-testid="draft-status">
          {t(`ui.status.${draft.status}`)}
        </span>
        <DeliveryBadge state={delivery} />
        <OutstandingSteps draft={draft} attachmentCount={attachmentCount} snapshot={snapshot} />
      </p>
      <div role="tablist" className="tabs" aria-label={t('ui.tabs')}>
        {tabs.map((key) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} aria-controls={`panel-${key}`} id={`tab-${key}`} onClick={() => open(key)}>
            {t(`ui.tab.${key}`)}
            {key === 'signed' && attachmentCount > 0 && ` (${attachmentCount})`}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'edit' &&
          (loaded ? (
            <EditPanel
              key={loaded.version}
              draft={draft}
              letter={loaded.letter}
              fileName={fileName}
              onSave={save}
              onSaveUrgently={saveUrgently}
              onReopen={reopen}
              revealProblems={visit.reveal}
            />
          ) : (
            <p>{t('ui.loading')}</p>
          ))}
        {tab === 'review' && <ReviewPanel draft={draft} store={store} profile={profile} fileName={fileName} principalName={principal} onEdit={fixProblems} />}
        {tab === 'signed' && <AttachmentsPanel draft={draft} store={store} onOpenOutbox={onOpenOutbox} />}
        {tab === 'history' && (
          <HistoryPanel
            draft={draft}
            store={store}
            onRestored={() => open('edit')}
          />
        )}
        {DELIVERED_TABS.includes(tab) &&
          (delivered ? (
            tab === 'progress' ? (
              <ProgressTab draft={draft} submissionId={delivered.submissionId} receipt={delivered.receipt} snapshot={snapshot} profile={profile} onError={onError} />
            ) : (
              <ReportsTab draft={draft} submissionId={delivered.submissionId} receipt={delivered.receipt} snapshot={snapshot} profile={profile} onError={onError} />
            )
          ) : (
            <p className="notice" data-testid="not-delivered-yet">
              {snapshot === null ? t('ui.loading') : t('ui.progress.not-delivered')}
            </p>
          ))}
      </div>
    </section>
  );
}
