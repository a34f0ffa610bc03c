import { join } from 'node:path';
import type { AppInfo } from '../core/bridge/desktop-api';
import type { RetryPolicy } from '../core/outbox/retry-delay';
import { createHost, type Host } from '../host/create-host';
import { claimFreePath } from '../host/files/claim-free-path';
import { fileTokenVault } from '../host/outbox/token-vault';

export interface BrowserHostOptions {
  readonly info: Omit<AppInfo, 'shell'>;
  readonly now?: () => Date;
  readonly probeRetry?: RetryPolicy;
}

/**
 * The host as the browser shell composes it, all under the data folder: saved files go to
 * `exports/` (a page cannot open a native save dialog here), each under a name no earlier export
 * has, print copies to `print/`, the outbox to `outbox/` and the token to `sync/token` (no system
 * key store: a file only this user can read; the folder keeps its first name so existing data
 * folders still work).
 */
export function createBrowserHost(options: BrowserHostOptions): Host {
  const { dataDir } = options.info;
  return createHost({
    info: { ...options.info, shell: 'web' },
    ...(options.now ? { now: options.now } : {}),
    // Nobody was asked about replacing a file here, so nothing is replaced: see claimFreePath.
    chooseSavePath: (name) => claimFreePath(join(dataDir, 'exports', name)),
    // No system viewer to open from here: the page shows the PDF for printing itself.
    tempDir: join(dataDir, 'print'),
    vault: fileTokenVault(join(dataDir, 'sync', 'token')),
    ...(options.probeRetry ? { probeRetry: options.probeRetry } : {}),
    onError: (error) => console.error(error),
  });
}
