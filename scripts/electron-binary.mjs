// Where the Electron binary is, without asking the electron package's own entry: when its binary
// is missing, that entry tries to download it and prints the attempt's stack trace (and with no
// network, waits for it). `npm start` and the end-to-end run both ask here.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The binary electron's entry would return (honouring ELECTRON_OVERRIDE_DIST_PATH), or undefined when it is not on disk. */
export function installedElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable || 'electron') : executable && join(packageDir, 'dist', executable);
  return binary && existsSync(binary) ? binary : undefined;
}
