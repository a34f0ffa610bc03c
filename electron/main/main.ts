import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { extname, join } from 'node:path';
import { desktopEvents, type EmitDesktopEvent, type NotificationRequest } from '../../core/bridge/desktop-api';
import { t } from '../../core/i18n/translate';
import { createHost, removeOldPrintCopies } from '../../host/create-host';
import { probeRetryFromEnv } from '../../host/outbox/probe-retry-env';
import { deferredTokenVault } from '../../host/outbox/token-vault';
import { aboutBox, OPEN_DATA_BUTTON } from './about';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppUrl, setupAppProtocol } from './app-protocol';
import { dataLocation } from './data-location';
import { setupDesktopNotifications } from './desktop-notifications';
import { isAllowedExternalUrl } from './external-links';
import { registerDesktopHandlers, trustAppFrames } from './ipc';
import { createMainWindow } from './main-window';
import { setupMenu } from './menu';
import { setupSafeClose } from './safe-close';
import { safeStorageCipher } from './safe-storage-cipher';
import { setupNavigationGuards, setupPermissions } from './security';
import { setupSingleInstance } from './single-instance';
import { errorText } from '../../core/errors/error-text';

// Before anything reads userData, and before ready: the data folder and the app:// scheme.
app.setPath('userData', dataLocation(app.getPath('appData'), process.env));
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
const openExternal = async (url: string) => {
  if (isAllowedExternalUrl(url)) await shell.openExternal(url);
};

if (!setupSingleInstance(app, () => mainWindow)) {
  app.quit();
} else {
  setupNavigationGuards(app, openExternal);
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox(t('app.name'), t('app.start-failed', { reason: errorText(error) }));
    app.exit(1);
  });
}

function start(): void {
  const rendererDir = join(__dirname, '..', 'renderer');
  const dataDir = app.getPath('userData');
  setupPermissions(session.defaultSession);
  setupAppProtocol(protocol, rendererDir);

  const chooseSavePath = async (name: string) => {
    const extension = extname(name).slice(1);
    // Replacing a file is the user's choice only when the dialog asked: Windows and macOS always ask, Linux only when told to.
    const options: Electron.SaveDialogOptions = {
      defaultPath: join(app.getPath('documents'), name),
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      properties: ['showOverwriteConfirmation'],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  // The token lives here, in the main process, encrypted by the system where it can be; never in the page's database.
  const probeRetry = probeRetryFromEnv(process.env);
  const report = (error: unknown) => console.error(error);
  // Set once the window exists; the host is created first because the window needs its handlers.
  let readyToClose = () => false;
  let notify: (request: NotificationRequest) => boolean = () => false;
  const { handlers, outbox } = createHost({
    info: { name: app.getName(), version: app.getVersion(), shell: 'electron', platform: process.platform, dataDir },
    chooseSavePath,
    tempDir: app.getPath('temp'),
    openPath: async (path) => {
      const failure = await shell.openPath(path);
      if (failure) throw new Error(failure);
    },
    readyToClose: () => readyToClose(),
    notify: (request) => notify(request),
    vault: deferredTokenVault(join(dataDir, 'sync', 'token'), () => safeStorageCipher(safeStorage, process.platform), report),
    ...(probeRetry ? { probeRetry } : {}),
    onError: report,
  });
  // Started before the window exists: the page's first outbox call waits for it rather than failing.
  outbox.start().catch((error: unknown) => console.error('The outbox could not start:', error));
  registerDesktopHandlers(ipcMain, handlers, trustAppFrames(isAppUrl));

  const window = createMainWindow(join(__dirname, 'preload.cjs'), join(dataDir, 'window-state.json'));
  mainWindow = window;
  const emit: EmitDesktopEvent = (event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(event, desktopEvents[event].parse(payload));
  };
  const showAbout = () => {
    const facts = { version: app.getVersion(), dataDir, electron: process.versions.electron ?? '', platform: `${process.platform} ${process.arch}` };
    void dialog.showMessageBox(window, aboutBox(facts)).then(({ response }) => {
      if (response === OPEN_DATA_BUTTON) void shell.openPath(dataDir);
    });
  };
  setupMenu(Menu, { platform: process.platform, emit, showAbout, openExternal: (url) => void openExternal(url) });
  outbox.subscribe((snapshot) => emit('outbox.changed', snapshot));
  app.on('before-quit', () => outbox.stop());
  readyToClose = setupSafeClose(window, emit);
  const focusWindow = () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  notify = setupDesktopNotifications({ platform: process.platform, app, Notification, powerMonitor, focusWindow }, emit);
  void removeOldPrintCopies(app.getPath('temp'));
}
