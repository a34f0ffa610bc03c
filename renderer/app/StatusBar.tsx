import { t } from '../../core/i18n/translate';
import type { AppInfoState } from './use-app-info';
import type { StoragePersistence } from './use-persistent-storage';

/**
 * Which program this is, its version and where its data lives. In the browser the drafts are in
 * the browser's own database, not in the host's data folder, which holds only the outbox and exports.
 */
export function StatusBar({ state, storage }: { state: AppInfoState; storage: StoragePersistence }) {
  if (state === null) return <footer className="status-bar">{t('ui.loading')}</footer>;
  if ('error' in state) {
    return (
      <footer className="status-bar status-bar--error" role="alert">
        {t('ui.bridge-unavailable', { reason: state.error })}
      </footer>
    );
  }
  const { info } = state;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span>{t(info.shell === 'electron' ? 'ui.shell.electron' : 'ui.shell.web')}</span>
      <span>
        {t('ui.version')} {info.version}
      </span>
      <span data-testid="storage-persistence">{t(`ui.storage.${storage}`)}</span>
      {info.shell === 'web' && <span data-testid="drafts-location">{t('ui.data-location.web-drafts')}</span>}
      <span>
        {t(info.shell === 'web' ? 'ui.data-location.web-files' : 'ui.data-location')}：<code data-testid="data-dir">{info.dataDir}</code>
      </span>
    </footer>
  );
}
