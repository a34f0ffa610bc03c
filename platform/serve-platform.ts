import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from './i18n/translate';
import { createPackageChecker } from '../node/package-check/package-check';
import { listTokens } from './credentials';
import { DEFAULT_MAX_CONCURRENT_VERIFICATIONS, startPlatform } from './platform-server';
import { runTokenCommand, usage } from './token-command';
import { runRosterCommand } from './roster/roster-command';
import { runRecordsCommand } from './records/records-command';
import { errorText } from '../core/errors/error-text';
import { DatabaseRefusal } from './store/database-refusal';
import { loadIdentity, TRIAL_IDENTITY } from './identity/identity-file';
import { runIdentityCommand } from './identity/identity-command';

/**
 * `npm run platform -- [serve] --data <dir> [--port <n>] [--host <addr>] [--max-bytes <n>] [--open] [--base-path </path>] [--trust-proxy]`
 * serves the reference receiving platform (loopback unless --host says otherwise), under
 * `--base-path` when a proxy publishes it below a path (http/base-path.ts), with upload URLs from
 * the proxy's `X-Forwarded-*` headers when `--trust-proxy` says one in front sets them;
 * `npm run platform -- token issue|list|revoke …` manages who may call it (token-command.ts).
 * No secret is taken from the command line: tokens are issued by the platform and kept as hashes.
 */
const io = { stdout: process.stdout, stderr: process.stderr };
const [first, ...rest] = process.argv.slice(2);
// exitCode rather than exit(): the token must reach a piped standard output before the process ends.
try {
  if (first === 'token') process.exitCode = await runTokenCommand(rest, io);
  else if (first === 'roster') process.exitCode = await runRosterCommand(rest, io);
  else if (first === 'identity') process.exitCode = await runIdentityCommand(rest, io);
  else if (first === 'records') process.exitCode = await runRecordsCommand(rest, io);
  else await serve(first === 'serve' ? rest : process.argv.slice(2));
} catch (error) {
  if (!(error instanceof DatabaseRefusal)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}

async function serve(args: string[]): Promise<void> {
  const values = parseServe(args);
  const port = Number(values.port);
  const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
  if (values.data === undefined || !Number.isInteger(port) || port < 0 || (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0))) process.exit(usage(io));

  const dataDir = resolve(values.data);
  const location = { dataDir, ...(values.database === undefined ? {} : { database: values.database }) };
  const open = values.open === true;
  const identity = (await loadIdentity(dataDir)) ?? (open ? TRIAL_IDENTITY : undefined);
  if (identity === undefined) {
    console.error(t('platform.identity.notSet', { data: dataDir }));
    process.exit(2);
  }
  // Off the event loop, and the PDF read by pdf.js against the letter's layout: what a city platform should run.
  const checker = createPackageChecker({ readPdfText: true, maxThreads: DEFAULT_MAX_CONCURRENT_VERIFICATIONS });
  let platform;
  try {
    platform = await startPlatform({ ...location, identity, port, host: values.host, open, maxBytes, basePath: values['base-path'], trustProxy: values['trust-proxy'] === true, verify: (bytes) => checker.check(bytes) });
  } catch (error) {
    // The refusals startPlatform words for a person: --open beyond loopback, a --base-path it cannot serve.
    console.error(error instanceof RangeError ? error.message : String(error));
    process.exit(2);
  }
  console.log(t('platform.cli.listening', { url: platform.url, data: dataDir }));
  if (identity === TRIAL_IDENTITY) console.error(banner(t('platform.identity.trialBanner', { name: identity.name })));
  if (open) console.error(banner(t('platform.cli.open', { url: platform.url })));
  else if ((await listTokens(location)).every((credential) => credential.revokedAt !== undefined)) console.error(t('platform.cli.noCredentials', { data: dataDir }));

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void platform.close().then(() => checker.close()).then(() => process.exit(0)));
  }
}

/** Loud enough to be seen in a scrolling log. */
function banner(text: string): string {
  const rule = '!'.repeat(72);
  return `${rule}\n${text}\n${rule}`;
}

function parseServe(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        port: { type: 'string', default: '8787' },
        data: { type: 'string' },
        database: { type: 'string' },
        'max-bytes': { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        open: { type: 'boolean' },
        'base-path': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(errorText(error));
    process.exit(usage(io));
  }
}
