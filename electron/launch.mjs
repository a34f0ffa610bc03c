// `npm start`: runs the desktop app when the Electron binary is installed; otherwise says why
// in one line and what to use instead, without a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  console.error('Cannot start the desktop app: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no access to its download host); run `npm run web` to use the app in a browser instead.');
  process.exit(1);
}

const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(electronBinary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
