import { desktop } from '../bridge/desktop';

/** Sends an error to the host's log; reporting must never throw or loop. */
export function reportError(error: unknown, source: string): void {
  const err = error instanceof Error ? error : new Error(String(error));
  desktop
    .call('diagnostics.reportError', { message: err.message.slice(0, 2000), stack: err.stack?.slice(0, 20000), source: source.slice(0, 200) })
    .catch(() => undefined);
}

export function installErrorReporting(): void {
  window.addEventListener('error', (event) => reportError(event.error ?? event.message, 'window.onerror'));
  window.addEventListener('unhandledrejection', (event) => reportError(event.reason, 'unhandledrejection'));
}
