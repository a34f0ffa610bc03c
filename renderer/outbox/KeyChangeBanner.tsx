import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { KeyChange } from '../../core/protocol/receipt-proof';
import { formatKeyId } from '../../core/protocol/receipt-signature';
import { errorText } from '../../core/errors/error-text';
import { desktop } from '../bridge/desktop';

/**
 * The platform now signs with a key this desk has not trusted: said as loudly as the outbox can,
 * with both fingerprints, and trusted only by the clerk's explicit act after comparing them.
 */
export function KeyChangeBanner({ change }: { change: KeyChange }) {
  const [message, setMessage] = useState<string | null>(null);
  const newKeyId = formatKeyId(change.newKeyId);
  const trust = () => {
    setMessage(null);
    desktop.call('outbox.trustPlatformKey', { keyId: change.newKeyId }).then(
      ({ trusted }) => setMessage(trusted ? null : t('ui.outbox.key-change.not-offered')),
      (error: unknown) => setMessage(t('ui.outbox.action-failed', { reason: errorText(error) })),
    );
  };
  return (
    <div role="alert" className="error key-change" data-testid="key-change">
      <strong>{t('ui.outbox.key-change.title')}</strong>
      <p>{t('ui.outbox.key-change.text', { office: change.office, newKeyId, pinnedKeyId: formatKeyId(change.pinnedKeyId) })}</p>
      <button type="button" onClick={trust}>
        {t('ui.outbox.key-change.trust', { newKeyId })}
      </button>
      {message && <p>{message}</p>}
    </div>
  );
}
