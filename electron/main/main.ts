import { app, BrowserWindow, dialog, ipcMain, safeStorage, shell } from 'electron';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { desktopEvents, type EmitDesktopEvent } from '../../core/bridge/desktop-api';
import { createDesktopServices, removeOldPrintCopies } from '../services/desktop-services';
import { probeRetryFromEnv } from '../sync/probe-retry-env';
import { createSyncService } from '../sync/sync-service';
import { fileTokenVault } from '../sync/token-vault';
import { registerDesktopHandlers, trustRendererAt } from './ipc';
import { safeStorageCipher } from './safe-storage-cipher';
import { createMainWindow } from './main-window';
import { setupMenu } from './menu';
import { setupSafeClose } from './safe-close';

// Tests give each run a fresh data folder; it must be set before anything reads userData.
const userDataOverride = process.env['PLEDGE_USER_DATA_DIR'];
if (userDataOverride) app.setPath('userData', userDataOverride);

const rendererDir = join(__dirname, '..', 'renderer');
const indexHtml = join(rendererDir, 'index.html');

void app.whenReady().then(() => {
  // Set once the window exists; the services are created first because the window needs them.
  let readyToClose = () => false;
  const chooseSavePath = async (name: string) => {
    const extension = extname(name).slice(1);
    const options = { defaultPath: join(app.getPath('documents'), name), filters: [{ name: extension.toUpperCase(), extensions: [extension] }] };
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  const dataDir = app.getPath('userData');
  const probeRetry = probeRetryFromEnv(process.env);
  // The token lives here, in the main process, encrypted by the system where it can be; never in the page's database.
  const sync = createSyncService({
    dataDir,
    vault: fileTokenVault(join(dataDir, 'sync', 'token'), safeStorageCipher(safeStorage, process.platform)),
    chooseSavePath,
    ...(probeRetry ? { probeRetry } : {}),
    onError: (error) => console.error(error),
  });
  // Started before the window exists: the page's first outbox call waits for it rather than failing.
  sync.start().catch((error: unknown) => console.error('The outbox could not start:', error));
  const handlers = createDesktopServices({
    readyToClose: () => readyToClose(),
    chooseSavePath,
    sync,
    tempDir: app.getPath('temp'),
    openPath: async (path) => {
      const failure = await shell.openPath(path);
      if (failure) throw new Error(failure);
    },
    info: {
      name: app.getName(),
      version: app.getVersion(),
      shell: 'electron',
      platform: process.platform,
      dataDir,
    },
  });
  registerDesktopHandlers(ipcMain, handlers, trustRendererAt(pathToFileURL(rendererDir).href));
  const mainWindow = createMainWindow(join(__dirname, 'preload.cjs'), indexHtml);

  const emit: EmitDesktopEvent = (event, payload) => {
    if (!mainWindow.isDestroyed()) mainWindow.webContents.send(event, desktopEvents[event].parse(payload));
  };
  setupMenu(emit);
  sync.subscribe((snapshot) => emit('outbox.changed', snapshot));
  app.on('before-quit', () => sync.stop());
  readyToClose = setupSafeClose(mainWindow, emit);
  void removeOldPrintCopies(app.getPath('temp'));
});

app.on('window-all-closed', () => app.quit());
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

