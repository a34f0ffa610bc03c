import { BrowserWindow, screen } from 'electron';
import { t } from '../../core/i18n/translate';
import { APP_INDEX_URL } from './app-protocol';
import { MIN_SIZE, placeWindow, readWindowState, writeWindowState } from './window-state';

/**
 * The one window, locked down: no Node in the page, isolated and sandboxed preload, web security
 * on, loaded from `app://`. It opens where it was last closed, if that is still on a screen.
 */
export function createMainWindow(preloadPath: string, stateFile: string): BrowserWindow {
  const placed = placeWindow(
    readWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: t('app.name'),
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would ask for a new window; none is ever wanted.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (placed.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    void writeWindowState(stateFile, { ...bounds, maximized: window.isMaximized() }).catch(() => undefined);
  });
  void window.loadURL(APP_INDEX_URL);
  return window;
}
