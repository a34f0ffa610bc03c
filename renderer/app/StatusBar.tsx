import { t } from '../../core/i18n/translate';
import type { AppInfoState } from './use-app-info';
import type { StoragePersistence } from './use-persistent-storage';

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
      <span>
        {t('ui.data-location')}：<code data-testid="data-dir">{info.dataDir}</code>
      </span>
    </footer>
  );
}
