import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorText } from '../../core/errors/error-text';
import { coverageYear } from '../coverage/coverage-year';
import { t } from '../i18n/translate';
import { withStore, type StoreLocation } from '../store/open-store';
import { usage, type CommandOutput } from '../token-command';
import { exportRecords, RECORDS_FORMATS, type RecordsFormat } from './export-records';

/**
 * `records export --year <YYYY> -o <file.xlsx|file.csv> --data <dir> [--database <url>]`: what
 * `GET /records` answers, written to a file (its extension picks the format). Exit 0 when written,
 * 2 for a wrong command line, or a database or file that cannot be opened or written.
 */
export async function runRecordsCommand(args: readonly string[], out: CommandOutput): Promise<number> {
  const parsed = parse(args);
  if (!parsed || parsed.positionals.join(' ') !== 'export' || parsed.values.data === undefined || parsed.values.output === undefined) return usage(out);
  const { values } = parsed;
  const year = coverageYear(new URLSearchParams(values.year === undefined ? '' : { year: values.year }), new Date());
  if (year === undefined) {
    out.stderr.write(`${t('platform.error.badYear', { value: values.year ?? '' })}\n`);
    return 2;
  }
  const file = resolve(values.output!);
  const format = extname(file).slice(1).toLowerCase() as RecordsFormat;
  if (!RECORDS_FORMATS.includes(format)) {
    out.stderr.write(`${t('platform.records.badOutput', { file: values.output! })}\n`);
    return 2;
  }
  const location: StoreLocation = { dataDir: resolve(values.data!), ...(values.database === undefined ? {} : { database: values.database }) };
  try {
    const exported = await withStore(location, (store) => exportRecords(store, year, format));
    await writeFile(file, exported.bytes);
    out.stdout.write(`${t('platform.records.written', { year, count: exported.count, file })}\n`);
    if (exported.replaced > 0) out.stdout.write(`${t('platform.records.replaced', { count: exported.replaced })}\n`);
    if (exported.unrecorded > 0) out.stderr.write(`${t('platform.records.unrecorded', { count: exported.unrecorded })}\n`);
    return 0;
  } catch (error) {
    out.stderr.write(`${errorText(error)}\n`);
    return 2;
  }
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: { data: { type: 'string' }, database: { type: 'string' }, year: { type: 'string' }, output: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    });
  } catch {
    return undefined;
  }
}
