import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPlatform } from './platform-server';

/**
 * `npm run platform -- --port <n> --data <dir> [--token <token>] [--max-bytes <n>] [--host <addr>]`:
 * the reference receiving platform, on loopback unless --host says otherwise.
 */
const usage = 'Usage: npm run platform -- --port <n> --data <dir> [--token <token>] [--max-bytes <n>] [--host <addr>]';
const { values } = parseCommandLine();
const port = Number(values.port);
const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
if (values.data === undefined || !Number.isInteger(port) || port < 0 || (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0))) {
  console.error(usage);
  process.exit(2);
}

const dataDir = resolve(values.data);
const platform = await startPlatform({ dataDir, port, host: values.host, token: values.token, maxBytes });
console.log(`Pledge platform (pledge-sync/1) listening at ${platform.url} (data: ${dataDir}${values.token === undefined ? ', no token' : ''})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void platform.close().then(() => process.exit(0)));
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        data: { type: 'string' },
        token: { type: 'string' },
        'max-bytes': { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
      },
      strict: true,
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}
