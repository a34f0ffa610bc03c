import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDesktopServices, removeOldPrintCopies } from '../services/desktop-services';
import { readPackageInfo } from '../services/package-info';
import { startWebHost } from './web-host';

/** `npm run web`: serve the built renderer and the bridge on PORT (default 5173), loopback only. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const rendererDir = resolve(root, 'dist/renderer');
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error('dist/renderer is missing: run `npm run build:renderer` first (npm run web does this).');
  process.exit(1);
}

const port = Number(process.env['PORT'] ?? 5173);
const dataDir = resolve(process.env['PLEDGE_DATA_DIR'] ?? resolve(root, '.pledge-data'));
const handlers = createDesktopServices({
  info: { ...readPackageInfo(), shell: 'web', platform: process.platform, dataDir },
  // A browser page cannot open a native save dialog on this machine: saved files go to exports/.
  chooseSavePath: async (name) => resolve(dataDir, 'exports', name),
  // No system viewer to open from here: the page shows the PDF for printing itself.
  tempDir: resolve(dataDir, 'print'),
});
await removeOldPrintCopies(resolve(dataDir, 'print'));
const host = await startWebHost({ handlers, rendererDir, port, host: process.env['HOST'] ?? '127.0.0.1' });
console.log(`Pledge Desk is served at ${host.url} (data: ${dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void host.close().then(() => process.exit(0)));
}
