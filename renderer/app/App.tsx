import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { TemplateKey } from '../../core/letter/templates';
import appIcon from '../../assets/app-icon.svg';
import { desktop } from '../bridge/desktop';
import { PledgeDatabase } from '../store/database';
import { DraftList } from '../drafts/DraftList';
import { createDraftStore } from '../store/draft-store';
import { NewLetterDialog } from '../drafts/NewLetterDialog';
import { createProfileStore } from '../store/profile-store';
import { createBatchStore } from '../store/batch-store';
import { BatchShelf } from '../batch/BatchShelf';
import { ProfileOffer } from '../profile/ProfileOffer';
import { describeStorageError } from '../store/storage-errors';
import { StatusBar } from './StatusBar';
import { useAppInfo } from './use-app-info';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import { pendingCount, useOutbox } from '../outbox/use-outbox';
import { usePersistentStorage } from './use-persistent-storage';
import { LIST_ROUTE, type LetterTab } from './route';
import { useRoute } from './use-route';
import { createProgressStore } from '../store/progress-store';
import { ProgressStoresContext } from '../progress/progress-store-context';
import { createProgressReportStore } from '../store/progress-report-store';
import { useReminders } from '../reminders/use-reminders';
import { ReminderBanner } from '../reminders/ReminderBanner';
import type { LetterWarnings } from '../../core/calendar/letter-warnings';

// Loaded on first use: the list paints without the editor, review and backup code.
const DraftView = lazy(() => import('../drafts/DraftView').then((m) => ({ default: m.DraftView })));
const BackupPanel = lazy(() => import('../backup/BackupPanel').then((m) => ({ default: m.BackupPanel })));
const ProfileScreen = lazy(() => import('../profile/ProfileScreen').then((m) => ({ default: m.ProfileScreen })));
const OutboxScreen = lazy(() => import('../outbox/OutboxScreen').then((m) => ({ default: m.OutboxScreen })));
const FontSettingsScreen = lazy(() => import('../fonts/FontSettingsScreen').then((m) => ({ default: m.FontSettingsScreen })));
const BatchImportScreen = lazy(() => import('../batch/BatchImportScreen').then((m) => ({ default: m.BatchImportScreen })));
const BatchScreen = lazy(() => import('../batch/BatchScreen').then((m) => ({ default: m.BatchScreen })));

const db = new PledgeDatabase();
const store = createDraftStore(db);
const profileStore = createProfileStore(db);
const batchStore = createBatchStore(db);
const progressStore = createProgressStore(db);
const progressStores = { progress: progressStore, reports: createProgressReportStore(db) };

export function App() {
  const appInfo = useAppInfo();
  const storage = usePersistentStorage();
  const [choosing, setChoosing] = useState(false);
  // The address names the view (route.ts): a reload, Back and Forward come back to it.
  const { route, go } = useRoute();
  const view = route ?? LIST_ROUTE;
  const outboxOpen = view.view === 'outbox';
  const profileOpen = view.view === 'profile';
  const fontsOpen = view.view === 'fonts';
  const [routeNotice, setRouteNotice] = useState<string | null>(null);
  const showList = useCallback(() => go(LIST_ROUTE), [go]);
  const openDraft = useCallback(
    (id: string) => {
      setRouteNotice(null);
      go({ view: 'letter', id, tab: 'edit' });
    },
    [go],
  );
  const lost = useCallback(() => {
    setRouteNotice(t('ui.route.letter-missing'));
    go(LIST_ROUTE, { replace: true });
  }, [go]);
  const batchLost = useCallback(() => {
    setRouteNotice(t('ui.batch.missing'));
    go(LIST_ROUTE, { replace: true });
  }, [go]);
  const openBatch = useCallback((id: string) => go({ view: 'batch', id, tab: 'overview' }), [go]);
  const importBatch = useCallback(() => go({ view: 'batch-import' }), [go]);
  // An address that names no view: say so, and correct the address to the list it shows.
  if (route === null && routeNotice !== t('ui.route.unknown')) setRouteNotice(t('ui.route.unknown'));
  useEffect(() => {
    if (route === null) go(LIST_ROUTE, { replace: true });
  }, [route, go]);
  // null once read and absent: the app offers to fill it in.
  const profile = useLiveQuery(() => profileStore.get().then((p) => p ?? null), []);
  const openProfile = useCallback(() => go({ view: 'profile' }), [go]);
  const openFonts = useCallback(() => go({ view: 'fonts' }), [go]);
  const outbox = useOutbox();
  const pending = pendingCount(outbox.snapshot);
  const openOutbox = useCallback(() => go({ view: 'outbox' }), [go]);
  // From start, whatever the view: the timers for the delivered letters' reminders run all along.
  const reminders = useReminders(store, progressStore, outbox.snapshot);
  const warnings = useMemo(() => new Map(reminders.letters.map((letter) => [letter.draftId, letter.warnings])), [reminders.letters]);
  const openProgress = useCallback((id: string) => go({ view: 'letter', id, tab: 'progress' }), [go]);
  const [storageError, setStorageError] = useState<string | null>(null);
  const onError = useCallback((error: unknown) => setStorageError(describeStorageError(error)), []);

  useEffect(
    () =>
      desktop.on('app.command', ({ command }) => {
        if (command === 'new-letter') setChoosing(true);
        if (command === 'open-outbox') openOutbox();
      }),
    [openOutbox],
  );

  const run = (action: Promise<unknown>) => void action.catch(onError);
  const create = async (key: TemplateKey) => {
    setChoosing(false);
    const draft = await store.createFromTemplate(key, new Date(), await profileStore.get());
    openDraft(draft.id);
  };

  return (
    <div className="app">
      <header className="app-header">
        <img src={appIcon} alt="" width={32} height={32} />
        <h1>{t('app.name')}</h1>
        <button type="button" onClick={openProfile} aria-pressed={profileOpen} data-testid="open-profile">
          {t('ui.profile.open')}
        </button>
        <button type="button" onClick={openFonts} aria-pressed={fontsOpen} data-testid="open-fonts">
          {t('ui.fonts.open')}
        </button>
        <button type="button" onClick={openOutbox} aria-pressed={outboxOpen} data-testid="open-outbox">
          {t('ui.outbox.open')}
          {pending > 0 && ` (${pending})`}
        </button>
        <button type="button" className="primary" onClick={() => setChoosing(true)}>
          {t('ui.new-letter')}
        </button>
      </header>
      <main>
        {storageError && (
          <p role="alert" className="error">
            {t('ui.storage-failed', { reason: storageError })}{' '}
            <button type="button" onClick={() => setStorageError(null)}>
              {t('ui.dismiss')}
            </button>
          </p>
        )}
        {profileOpen ? (
          <Suspense fallback={<p>{t('ui.loading')}</p>}>
            <ProfileScreen store={profileStore} onBack={showList} onError={onError} />
          </Suspense>
        ) : fontsOpen ? (
          <Suspense fallback={<p>{t('ui.loading')}</p>}>
            <FontSettingsScreen onBack={showList} />
          </Suspense>
        ) : outboxOpen ? (
          <Suspense fallback={<p>{t('ui.loading')}</p>}>
            <OutboxScreen snapshot={outbox.snapshot} error={outbox.error} onBack={showList} />
          </Suspense>
        ) : view.view === 'batch-import' ? (
          <Suspense fallback={<p>{t('ui.loading')}</p>}>
            <BatchImportScreen store={batchStore} profile={profile} onBack={showList} onFillProfile={openProfile} onCreated={(id) => go({ view: 'batch', id, tab: 'overview' }, { replace: true })} />
          </Suspense>
        ) : view.view === 'batch' ? (
          <Suspense fallback={<p>{t('ui.loading')}</p>}>
            <BatchScreen
              id={view.id}
              tab={view.tab}
              onTab={(tab) => go({ view: 'batch', id: view.id, tab })}
              batches={batchStore}
              drafts={store}
              principalName={profile?.principalName.trim() ?? ''}
              snapshot={outbox.snapshot}
              onBack={showList}
              onOpenLetter={openDraft}
              onOpenOutbox={openOutbox}
              onMissing={batchLost}
            />
          </Suspense>
        ) : view.view === 'letter' ? (
          <Suspense fallback={<p>{t('ui.loading')}</p>}>
            <OpenDraft
              key={view.id}
              id={view.id}
              tab={view.tab}
              onTab={(tab) => go({ view: 'letter', id: view.id, tab })}
              snapshot={outbox.snapshot}
              onBack={showList}
              onMissing={lost}
              onError={onError}
              onOpenOutbox={openOutbox}
            />
          </Suspense>
        ) : (
          <>
            {routeNotice && (
              <p role="status" className="notice" data-testid="route-notice">
                {routeNotice}{' '}
                <button type="button" onClick={() => setRouteNotice(null)}>
                  {t('ui.dismiss')}
                </button>
              </p>
            )}
            <ReminderBanner reminders={reminders} onOpen={openProgress} />
            {profile === null && <ProfileOffer onFill={openProfile} />}
            <BatchShelf store={batchStore} onNew={importBatch} onOpen={openBatch} />
            <ListScreen onOpen={openDraft} onError={onError} snapshot={outbox.snapshot} warnings={warnings} />
            {/* Its own boundary: the list never waits for the backup code. */}
            <Suspense fallback={null}>
              <BackupPanel db={db} appVersion={appInfo && 'info' in appInfo ? appInfo.info.version : '0.0.0'} />
            </Suspense>
          </>
        )}
      </main>
      {choosing && (
        <NewLetterDialog
          profile={profile}
          onCreate={(key) => run(create(key))}
          onFillProfile={() => {
            setChoosing(false);
            openProfile();
          }}
          onClose={() => setChoosing(false)}
        />
      )}
      <StatusBar state={appInfo} storage={storage} />
    </div>
  );
}

interface OpenDraftProps {
  readonly id: string;
  readonly tab: LetterTab;
  readonly onTab: (tab: LetterTab) => void;
  readonly snapshot: OutboxSnapshot | null;
  readonly onBack: () => void;
  /** The address names a letter that is not there (never was, deleted, in the bin). */
  readonly onMissing: () => void;
  readonly onError: (error: unknown) => void;
  readonly onOpenOutbox: () => void;
}

/** Watches only its own draft: saving while typing does not re-read the whole list. */
function OpenDraft({ id, tab, onTab, snapshot, onBack, onMissing, onError, onOpenOutbox }: OpenDraftProps) {
  const draft = useLiveQuery(() => store.get(id).then((d) => (d && d.deletedAt === undefined ? d : null)), [id]);
  useEffect(() => {
    if (draft === null) onMissing();
  }, [draft, onMissing]);
  if (!draft) return <p>{t('ui.loading')}</p>;
  return (
    <ProgressStoresContext.Provider value={progressStores}>
      <DraftView draft={draft} store={store} profile={profileStore} tab={tab} onTab={onTab} snapshot={snapshot} onBack={onBack} onError={onError} onOpenOutbox={onOpenOutbox} />
    </ProgressStoresContext.Provider>
  );
}

function ListScreen({ onOpen, onError, snapshot, warnings }: { onOpen: (id: string) => void; onError: (error: unknown) => void; snapshot: OutboxSnapshot | null; warnings: ReadonlyMap<string, LetterWarnings> }) {
  const listing = useLiveQuery(() => store.list().catch((error: unknown) => (onError(error), undefined)), [onError]);
  const attachmentCounts = useLiveQuery(() => store.signedCopyCounts(), []) ?? NO_COUNTS;
  const run = (action: Promise<unknown>) => void action.catch(onError);
  return (
    <DraftList
      listing={listing}
      attachmentCounts={attachmentCounts}
      snapshot={snapshot}
      onOpen={onOpen}
      onDuplicate={(id) => run(store.duplicate(id, new Date()))}
      onNextYear={(id) => run(store.copyToNextYear(id, new Date()).then((copy) => onOpen(copy.id)))}
      onBin={(id) => run(store.moveToBin(id, new Date()))}
      onRestore={(id) => run(store.restoreFromBin(id, new Date()))}
      onPurge={(id) => run(store.purge(id))}
      warnings={warnings}
    />
  );
}

const NO_COUNTS: ReadonlyMap<string, number> = new Map();
