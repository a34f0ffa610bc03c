import type { MessageBoxOptions } from 'electron';
import { t } from '../../core/i18n/translate';

export interface AboutFacts {
  readonly version: string;
  readonly dataDir: string;
  readonly electron: string;
  readonly platform: string;
}

/** The About box: version and where the data lives, so support can ask a clerk for both. */
export function aboutBox(facts: AboutFacts): MessageBoxOptions {
  return {
    type: 'info',
    title: t('menu.about'),
    message: t('about.message', { version: facts.version }),
    detail: t('about.detail', { dataDir: facts.dataDir, electron: facts.electron, platform: facts.platform }),
    buttons: [t('about.ok'), t('about.open-data')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** Index of the About box button that opens the data folder. */
export const OPEN_DATA_BUTTON = 1;
