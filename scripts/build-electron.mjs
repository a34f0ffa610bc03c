// Bundles the main process, the preload and the package-check worker into CommonJS files under
// dist/electron. The preload must be one file: a sandboxed preload can require only 'electron'.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron'], sourcemap: true, logLevel: 'warning' };
// CommonJS has no import.meta; the main process and its worker find files beside their bundle.
const withImportMetaUrl = {
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * The bundles, written to `outdir`. The worker is its own file, loaded by
 * node/package-check/package-check.ts from beside main.cjs; the desktop checks without pdf.js, so
 * pdf.js stays out of it.
 */
export function buildElectron(outdir = 'dist/electron') {
  return Promise.all([
    build({ ...common, ...withImportMetaUrl, entryPoints: ['electron/main/main.ts'], outfile: `${outdir}/main.cjs` }),
    build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: `${outdir}/preload.cjs` }),
    build({
      ...common,
      ...withImportMetaUrl,
      external: [...common.external, 'pdfjs-dist'],
      entryPoints: ['node/package-check/package-check-worker.ts'],
      outfile: `${outdir}/package-check-worker.cjs`,
    }),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildElectron();
