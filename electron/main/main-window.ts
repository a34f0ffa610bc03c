import { BrowserWindow } from 'electron';

/** The one window, locked down: no Node in the page, isolated and sandboxed preload. */
export function createMainWindow(preloadPath: string, indexHtml: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: '政务诚信承诺填报',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The app never navigates away from its own page nor opens other windows.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadFile(indexHtml);
  return window;
}
