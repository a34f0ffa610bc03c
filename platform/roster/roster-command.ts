import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorText } from '../../core/errors/error-text';
import { t as coreT } from '../../core/i18n/translate';
import { t } from '../i18n/translate';
import { withStore, type StoreLocation } from '../store/open-store';
import type { PlatformStore } from '../store/platform-store';
import { usage, type CommandOutput } from '../token-command';
import { importRoster } from './import-roster';

/**
 * `roster import <file.xlsx|file.csv> --data <dir> [--database <url>]` adds and updates the 编办's
 * units: the summary on standard output, one line per refused row on standard error; exit 0 when
 * every row was taken, 1 when any was refused (the good ones are imported all the same), 2 for a
 * wrong command line, or a file or database that cannot be opened. `roster list` prints the roster
 * tab-separated, for operators to check or paste into a spreadsheet.
 */
export async function runRosterCommand(args: readonly string[], out: CommandOutput): Promise<number> {
  const parsed = parse(args);
  if (!parsed || parsed.values.data === undefined) return usage(out);
  const { values, positionals } = parsed;
  const location: StoreLocation = { dataDir: resolve(values.data!), ...(values.database === undefined ? {} : { database: values.database }) };
  const [action, ...rest] = positionals;

  if (action === 'import' && rest.length === 1) {
    const file = rest[0]!;
    const bytes = await readRosterBytes(file, out);
    if (bytes === undefined) return 2;
    const outcome = await storeCall(location, (store) => importRoster(store, bytes, file), out);
    if (outcome === undefined) return 2;
    const { added, updated, refused } = outcome;
    for (const { message } of refused) out.stderr.write(`${message}\n`);
    // A file refused as a whole (row 0) imported nothing, and a count of rows would mislead.
    if (!refused.some(({ row }) => row === 0)) out.stdout.write(`${t('platform.roster.summary', { added, replaced: updated, count: refused.length })}\n`);
    return refused.length === 0 ? 0 : 1;
  }
  if (action === 'list' && rest.length === 0) {
    const units = await storeCall(location, (store) => store.roster.list(), out);
    if (units === undefined) return 2;
    const rows = units.map((unit) => [unit.creditCode, unit.name, unit.district, unit.type].join('\t'));
    out.stdout.write(`${[t('platform.roster.listHeader'), ...rows].join('\n')}\n`);
    return 0;
  }
  return usage(out);
}

/** The store's own refusals (a database that cannot be reached or upgraded) are worded for the operator. */
async function storeCall<T>(location: StoreLocation, use: (store: PlatformStore) => Promise<T>, out: CommandOutput): Promise<T | undefined> {
  try {
    return await withStore(location, use);
  } catch (error) {
    out.stderr.write(`${errorText(error)}\n`);
    return undefined;
  }
}

async function readRosterBytes(file: string, out: CommandOutput): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    out.stderr.write(`${code === 'ENOENT' ? coreT('cli.file-missing', { file }) : coreT('cli.file-unreadable', { file, reason: code ?? String(error) })}\n`);
    return undefined;
  }
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: { data: { type: 'string' }, database: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch {
    return undefined;
  }
}
