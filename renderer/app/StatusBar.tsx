import { t } from '../../core/i18n/translate';
import type { AppInfoState } from './use-app-info';

export function StatusBar({ state }: { state: AppInfoState }) {
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
      <span>
        {t('ui.data-location')}：<code data-testid="data-dir">{info.dataDir}</code>
      </span>
    </footer>
  );
}
