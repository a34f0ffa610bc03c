import type { App } from 'electron';

/** The window a second launch brings forward, if it exists yet. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * One app per user: two instances would write the same IndexedDB and outbox folder at once.
 * Returns false when another instance holds the lock (this one should quit); a later launch
 * brings the existing window to the front instead of opening another.
 */
export function setupSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on'>, currentWindow: () => FocusableWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
