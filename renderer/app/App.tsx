import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { TemplateKey } from '../../core/letter/templates';
import appIcon from '../../assets/app-icon.svg';
import { desktop } from '../bridge/desktop';
import { PledgeDatabase } from '../drafts/draft-db';
import { DraftList } from '../drafts/DraftList';
import { summarizeDraft } from '../drafts/draft-summary';
import { createDraftStore } from '../drafts/draft-store';
import { DraftView } from '../drafts/DraftView';
import { NewLetterDialog } from '../drafts/NewLetterDialog';
import { StatusBar } from './StatusBar';
import { useAppInfo } from './use-app-info';

const store = createDraftStore(new PledgeDatabase());

export function App() {
  const appInfo = useAppInfo();
  const [choosing, setChoosing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);

  const drafts = useLiveQuery(() =>
    store.list().catch((error: unknown) => {
      setStorageError(error instanceof Error ? error.message : String(error));
      return [];
    }),
  );
  const summaries = useMemo(() => drafts?.map(summarizeDraft), [drafts]);
  const open = openId === null ? undefined : drafts?.find((d) => d.id === openId);

  useEffect(() => desktop.on('app.command', ({ command }) => command === 'new-letter' && setChoosing(true)), []);

  const save = (id: string, letter: unknown) =>
    store.updateLetter(id, letter, new Date()).catch((error: unknown) => setStorageError(error instanceof Error ? error.message : String(error)));

  const create = async (key: TemplateKey) => {
    setChoosing(false);
    try {
      const draft = await store.createFromTemplate(key, new Date());
      setOpenId(draft.id);
    } catch (error) {
      setStorageError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="app">
      <header className="app-header">
        <img src={appIcon} alt="" width={32} height={32} />
        <h1>{t('app.name')}</h1>
        <button type="button" className="primary" onClick={() => setChoosing(true)}>
          {t('ui.new-letter')}
        </button>
      </header>
      <main>
        {storageError && (
          <p role="alert" className="error">
            {t('ui.storage-failed', { reason: storageError })}
          </p>
        )}
        {open ? (
          <DraftView key={open.id} draft={open} onBack={() => setOpenId(null)} onSave={(letter) => save(open.id, letter)} />
        ) : (
          <DraftList drafts={summaries} onOpen={setOpenId} />
        )}
      </main>
      {choosing && <NewLetterDialog onCreate={(key) => void create(key)} onClose={() => setChoosing(false)} />}
      <StatusBar state={appInfo} />
    </div>
  );
}
