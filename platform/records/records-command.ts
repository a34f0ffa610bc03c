import { writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorText } from '../../core/errors/error-text';
import { coverageYear } from '../coverage/coverage-year';
import { t } from '../i18n/translate';
import { withStore, type StoreLocation } from '../store/open-store';
import { usage, type CommandOutput } from '../token-command';
import { loadIdentity } from '../identity/identity-file';
import { storedReports } from '../packages/stored-progress';
import type { StoredSubmission } from '../store/platform-store';
import { exportFulfilment } from './export-fulfilment';
import { exportRecords, RECORDS_FORMATS, RECORDS_STAGES, type RecordsFormat, type RecordsStage } from './export-records';

/**
 * `records export --year <YYYY> [--stage fulfilment] -o <file.xlsx|file.csv> --data <dir> [--database <url>]`:
 * what `GET /records` answers, written to a file (its extension picks the format). With
 * `--stage fulfilment`, the year-end 信用承诺履行 records, each letter without a year-end report
 * named on the standard output. Exit 0 when written, 2 for a wrong command line, or a database or
 * file that cannot be opened or written.
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
  const stage = (values.stage ?? 'commitment') as RecordsStage;
  if (!RECORDS_STAGES.includes(stage)) {
    out.stderr.write(`${t('platform.records.badStage', { value: stage })}\n`);
    return 2;
  }
  const location: StoreLocation = { dataDir: resolve(values.data!), ...(values.database === undefined ? {} : { database: values.database }) };
  try {
    if (stage === 'fulfilment') await writeFulfilment(location, year, format, file, out);
    else {
      const exported = await withStore(location, (store) => exportRecords(store, year, format));
      await writeFile(file, exported.bytes);
      out.stdout.write(`${t('platform.records.written', { year, count: exported.count, file })}\n`);
      if (exported.replaced > 0) out.stdout.write(`${t('platform.records.replaced', { count: exported.replaced })}\n`);
      if (exported.unrecorded > 0) out.stderr.write(`${t('platform.records.unrecorded', { count: exported.unrecorded })}\n`);
    }
    return 0;
  } catch (error) {
    out.stderr.write(`${errorText(error)}\n`);
    return 2;
  }
}

/** The office in the data folder's platform.json is the 认定单位, as the running platform's identity is for GET /records. */
async function writeFulfilment(location: StoreLocation, year: number, format: RecordsFormat, file: string, out: CommandOutput): Promise<void> {
  const office = await loadIdentity(location.dataDir);
  const exported = await withStore(location, (store) => exportFulfilment(store, storedReports(join(location.dataDir, 'packages')), office, year, format));
  await writeFile(file, exported.bytes);
  out.stdout.write(`${t('platform.records.fulfilmentWritten', { year, count: exported.count, file })}\n`);
  if (exported.withoutYearEnd.length > 0) {
    out.stdout.write(`${t('platform.records.withoutYearEnd', { count: exported.withoutYearEnd.length })}\n`);
    for (const letter of exported.withoutYearEnd) out.stdout.write(`  ${letterLine(letter)}\n`);
  }
  if (exported.unreadable > 0) out.stderr.write(`${t('platform.records.yearEndUnreadable', { count: exported.unreadable })}\n`);
  if (office === undefined) out.stderr.write(`${t('platform.records.noOffice', { data: location.dataDir })}\n`);
}

/** A letter as an operator finds it: the unit (and the person, never an ID number) and its 承诺编码. */
function letterLine(letter: StoredSubmission): string {
  const who = letter.kind === 'person' ? `${letter.unitName} ${letter.personName ?? ''}`.trim() : letter.unitName;
  return t('platform.records.letterLine', { name: who, code: letter.commitmentCode ?? t('platform.dashboard.noCode') });
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: { data: { type: 'string' }, database: { type: 'string' }, year: { type: 'string' }, stage: { type: 'string' }, output: { type: 'string', short: 'o' } },
      allowPositionals: true,
      strict: true,
    });
  } catch {
    return undefined;
  }
}
