import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SaveConnectionSettings, ConnectionSettingsView } from '../../core/bridge/desktop-api';
import { t } from '../../core/i18n/translate';
import { describeConnectionCheck } from '../../core/outbox/describe-connection-check';
import { desktop } from '../bridge/desktop';
import { errorText } from '../../core/errors/error-text';

type Message = { readonly ok: boolean; readonly text: string; readonly field?: 'endpoint' | 'token' } | null;

/**
 * The platform address and access token. The token goes to the main process and never comes
 * back: the form only learns whether one is set. An empty token field keeps the one saved.
 */
export function ConnectionSettingsForm() {
  const [view, setView] = useState<ConnectionSettingsView | null>(null);
  const [endpoint, setEndpoint] = useState('');
  const [token, setToken] = useState('');
  const [clearToken, setClearToken] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [testing, setTesting] = useState(false);
  const [check, setCheck] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const ids = { endpoint: useId(), hint: useId(), token: useId(), tokenState: useId(), message: useId() };

  useEffect(() => {
    desktop.call('outbox.getConnection').then((settings) => {
      setView(settings);
      setEndpoint(settings.endpoint ?? '');
    }, (error: unknown) => setMessage({ ok: false, text: t('ui.connection.failed', { reason: errorText(error) }) }));
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    // A test of the values before they were saved says nothing about the settings after.
    setCheck(null);
    const request: SaveConnectionSettings = {
      endpoint,
      ...(clearToken ? { token: { clear: true as const } } : token.trim() ? { token: { set: token.trim() } } : {}),
    };
    try {
      const result = await desktop.call('outbox.saveConnection', request);
      if (!result.ok) {
        setMessage({ ok: false, text: t('ui.connection.failed', { reason: result.message }), field: result.field });
        return;
      }
      setView(result.settings);
      setEndpoint(result.settings.endpoint ?? '');
      setToken('');
      setClearToken(false);
      setMessage({ ok: true, text: t('ui.connection.saved') });
    } catch (error) {
      setMessage({ ok: false, text: t('ui.connection.failed', { reason: errorText(error) }) });
    } finally {
      setBusy(false);
    }
  };

  /** Tests what the form holds now, saved or not; an empty token field means the saved token. */
  const test = async () => {
    setTesting(true);
    setCheck(null);
    const typed = clearToken ? '' : token.trim();
    try {
      const found = describeConnectionCheck(await desktop.call('outbox.testConnection', { endpoint, ...(typed ? { token: typed } : {}) }));
      const unsaved = endpoint.trim() !== (view?.endpoint ?? '') || typed !== '';
      setCheck({ ok: found.usable, text: unsaved ? `${found.text}${t('ui.connection.test-unsaved')}` : found.text });
    } catch (error) {
      setCheck({ ok: false, text: t('ui.outbox.action-failed', { reason: errorText(error) }) });
    } finally {
      setTesting(false);
    }
  };

  const endpointRefused = message?.field === 'endpoint';
  const tokenRefused = message?.field === 'token';
  return (
    <form className="connection-settings" onSubmit={(e) => void save(e)} aria-label={t('ui.connection.title')}>
      <h3>{t('ui.connection.title')}</h3>
      <label htmlFor={ids.endpoint}>{t('ui.connection.endpoint')}</label>
      <input
        id={ids.endpoint}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={endpoint}
        // Typing before the saved settings arrive would be overwritten by them, and a token typed with no address is saved for none.
        disabled={view === null}
        onChange={(e) => setEndpoint(e.target.value)}
        aria-describedby={endpointRefused ? `${ids.hint} ${ids.message}` : ids.hint}
        aria-invalid={endpointRefused}
      />
      <span id={ids.hint} className="hint">
        {t('ui.connection.endpoint-hint')}
      </span>
      <label htmlFor={ids.token}>{t('ui.connection.token')}</label>
      <input
        id={ids.token}
        type="password"
        autoComplete="off"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        disabled={clearToken || view === null}
        aria-describedby={tokenRefused ? `${ids.tokenState} ${ids.message}` : ids.tokenState}
        aria-invalid={tokenRefused}
      />
      <span id={ids.tokenState} className="hint" data-testid="token-state">
        {view && (view.hasToken ? t('ui.connection.token-set') : t('ui.connection.token-unset'))} {view && t(`ui.connection.protection.${view.tokenProtection}`)}
      </span>
      {view?.hasToken && (
        <label className="check">
          <input type="checkbox" checked={clearToken} onChange={(e) => setClearToken(e.target.checked)} /> {t('ui.connection.token-clear')}
        </label>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy || view === null}>
          {t('ui.connection.save')}
        </button>{' '}
        <button type="button" disabled={testing || view === null} onClick={() => void test()}>
          {testing ? t('ui.connection.testing') : t('ui.connection.test')}
        </button>
      </div>
      {check && (
        <p role="status" className={check.ok ? 'notice' : 'error'} data-testid="connection-test">
          {check.text}
        </p>
      )}
      {message && (
        <p id={ids.message} role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice' : 'error'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
