import { useState } from 'react';
import type { DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import type { DraftStore } from '../drafts/draft-store';
import { submitDraft } from './submit-draft';

/** "报送到平台" for an approved letter with its signed copy: packs it and puts it in the outbox. */
export function SubmitSection({ draft, store, signedCount, onOpenOutbox }: { draft: DraftRecord; store: DraftStore; signedCount: number; onOpenOutbox: () => void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const submit = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await submitDraft(store, draft.id, new Date()));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="submit-section">
      <p>{signedCount > 0 ? t('ui.submit.explain') : t('ui.submit.need-signed')}</p>
      <button type="button" className="primary" disabled={busy || signedCount === 0} onClick={() => void submit()}>
        {busy ? t('ui.submit.packing') : t('ui.submit.button')}
      </button>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'notice' : 'error'} data-testid="submit-result">
          {result.message}{' '}
          {result.ok && (
            <button type="button" className="link" onClick={onOpenOutbox}>
              {t('ui.submit.open-outbox')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
