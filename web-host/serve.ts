import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeOldPrintCopies } from '../host/create-host';
import { readPackageInfo } from '../host/package-info';
import { probeRetryFromEnv } from '../host/outbox/probe-retry-env';
import { startWebHost } from './web-host';
import { createBrowserHost } from './browser-host';

/**
 * `npm run web`: serve the built renderer and the bridge on PORT (default 5173), loopback unless
 * HOST says otherwise (then the printed address carries a key for this launch).
 * PLEDGE_DATA_DIR sets the data folder; PLEDGE_PROBE_CAP_MS caps the wait between connectivity
 * probes while the platform cannot be reached (2 minutes by default; tests shorten it).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = resolve(root, 'dist/renderer');
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error('dist/renderer is missing: run `npm run build:renderer` first (npm run web does this).');
  process.exit(1);
}

const port = Number(process.env['PORT'] ?? 5173);
const dataDir = resolve(process.env['PLEDGE_DATA_DIR'] ?? resolve(root, '.pledge-data'));
const probeRetry = probeRetryFromEnv(process.env);
const { handlers, outbox } = createBrowserHost({ info: { ...readPackageInfo(), platform: process.platform, dataDir }, ...(probeRetry ? { probeRetry } : {}) });
// Started before the host listens: the page's first outbox call waits for it rather than failing.
const outboxStarted = outbox.start();
await removeOldPrintCopies(resolve(dataDir, 'print'));
const host = await startWebHost({ handlers, rendererDir, port, host: process.env['HOST'] ?? '127.0.0.1' });
outbox.subscribe((snapshot) => host.emit('outbox.changed', snapshot));
await outboxStarted;
// Beyond loopback the address carries the launch key: whoever has it can use the app, so it is printed here only.
console.log(`Pledge Desk is served at ${host.pageUrl} (data: ${dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    outbox.stop();
    void host.close().then(() => process.exit(0));
  });
}
