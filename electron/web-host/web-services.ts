import { join } from 'node:path';
import type { AppInfo, DesktopHandlers } from '../../core/bridge/desktop-api';
import type { RetryPolicy } from '../../core/outbox/retry-delay';
import { claimFreePath } from '../services/claim-free-path';
import { createDesktopServices } from '../services/desktop-services';
import { createSyncService, type SyncService } from '../sync/sync-service';
import { fileTokenVault } from '../sync/token-vault';

export interface WebServicesOptions {
  readonly info: Omit<AppInfo, 'shell'>;
  readonly now?: () => Date;
  readonly probeRetry?: RetryPolicy;
}

/**
 * The services of the browser host, all under the data folder: saved files go to `exports/`
 * (a page cannot open a native save dialog here), each under a name no earlier export has, print
 * copies to `print/`, the outbox to `outbox/` and the token to `sync/token` (no system key store:
 * a file only this user can read).
 */
export function createWebServices(options: WebServicesOptions): { handlers: DesktopHandlers; sync: SyncService } {
  const { dataDir } = options.info;
  // Nobody was asked about replacing a file here, so nothing is replaced: see claimFreePath.
  const chooseSavePath = (name: string) => claimFreePath(join(dataDir, 'exports', name));
  const sync = createSyncService({
    dataDir,
    vault: fileTokenVault(join(dataDir, 'sync', 'token')),
    chooseSavePath,
    ...(options.probeRetry ? { probeRetry: options.probeRetry } : {}),
    onError: (error) => console.error(error),
  });
  const handlers = createDesktopServices({
    info: { ...options.info, shell: 'web' },
    ...(options.now ? { now: options.now } : {}),
    chooseSavePath,
    // No system viewer to open from here: the page shows the PDF for printing itself.
    tempDir: join(dataDir, 'print'),
    sync,
  });
  return { handlers, sync };
}
