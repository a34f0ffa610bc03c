import type { EmitDesktopEvent } from '../../core/bridge/desktop-api';

/** How long a closing window waits for the page's last saves before it closes anyway. */
export const CLOSE_WAIT_MS = 3_000;

/** The part of BrowserWindow this needs, so tests can hand in a stand-in. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

/**
 * Holds a closing window until the page has written its pending edits to IndexedDB. A page torn
 * down mid-transaction loses that transaction; `beforeunload` cannot wait for an asynchronous
 * write, so the main process asks first. Returns the function the `app.readyToClose` call runs.
 */
export function setupSafeClose(window: ClosableWindow, emit: EmitDesktopEvent, timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis): () => boolean {
  let state: 'open' | 'waiting' | 'closing' = 'open';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const closeNow = () => {
    if (state === 'closing' || window.isDestroyed()) return;
    state = 'closing';
    if (timer !== undefined) timers.clearTimeout(timer);
    window.close();
  };
  window.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'waiting') return;
    state = 'waiting';
    emit('app.before-close', {});
    // A page that hangs or has crashed must not keep the window open for ever.
    timer = timers.setTimeout(closeNow, CLOSE_WAIT_MS);
  });
  return () => {
    if (state !== 'waiting') return false;
    closeNow();
    return true;
  };
}
