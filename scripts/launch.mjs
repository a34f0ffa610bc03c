// `npm start`: runs the desktop app when the Electron binary is installed; otherwise says why
// in Chinese and what to use instead, and nothing else. The electron package's own entry is not
// asked first: when its binary is missing it tries to download it and prints that attempt's
// stack trace (and with no network, waits for it) before failing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const require = createRequire(import.meta.url);

/** The binary electron's entry would return, or undefined when it is not on disk. */
function installedElectronBinary() {
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

const electronBinary = installedElectronBinary();
if (electronBinary === undefined) {
  const { t } = await tsImport('../core/i18n/translate.ts', import.meta.url);
  process.stderr.write(`${t('launch.no-electron')}\n`);
  process.exit(1);
}

const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(electronBinary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
