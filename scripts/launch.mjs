// `npm start`: runs the desktop app when the Electron binary is installed; otherwise says why
// in Chinese and what to use instead, and nothing else (scripts/electron-binary.mjs finds the
// binary without the electron package's downloading entry).
import { spawn, spawnSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';
import { installedElectronBinary } from './electron-binary.mjs';

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
