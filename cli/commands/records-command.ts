import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { verifyPackage } from '../../core/package/verify-package';
import { ReceiptSchema, type Receipt } from '../../core/protocol/reference-protocol';
import { commitmentRecord, receivedRecord } from '../../core/records/commitment-record';
import { fulfilmentProblems, fulfilmentRecord } from '../../core/records/fulfilment-record';
import { recordProblems, type RecordProblem } from '../../core/records/national-template';
import { COMMITMENT_SHEET, FULFILMENT_SHEET, recordsCsv, recordsXlsx, type RecordSheet, type SheetRecord } from '../../core/records/records-sheet';
import type { ProgressReport } from '../../core/progress/progress-schema';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { readInputFile } from '../read-input-file';
import { readProgressFile } from '../read-progress-file';
import { readJsonObjectFile } from '../read-json-file';
import { writeOutputFile } from '../write-output-file';

const FORMATS = { '.xlsx': recordsXlsx, '.csv': async (records: readonly SheetRecord[], kind: RecordSheet) => recordsCsv(records, kind) } as const;
const STAGES = ['commitment', 'fulfilment'] as const;

/** A row to write, with its committer (to name the row) and the rules it breaks. */
interface Row {
  readonly name: string;
  readonly record: SheetRecord;
  readonly problems: readonly RecordProblem[];
}

/**
 * `pledge records <package.zip>... [--receipt <receipt.json>]... [--stage fulfilment --progress <year-end report.json>...] -o <file.xlsx|file.csv>`:
 * the national 信用承诺 records of the packages, one row each, for a city platform's batch import
 * (docs/domain/national-template.md): the commitment records, or with `--stage fulfilment` the
 * year-end fulfilment records made from each letter's year-end progress report
 * (docs/domain/progress.md). A receipt completes the row of the package with its submission id
 * (承诺编码, the receiving office); so does a report, by the same id. The file is written with every good package;
 * a package that fails its check is left out and named, and each row that still breaks a rule of
 * the template is named by its row number as the spreadsheet shows it. Exit 0 when every row
 * passes, 1 when a package or a row does not, 2 for a wrong command line or an unusable file.
 */
export async function recordsCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      output: { type: 'string', short: 'o' },
      receipt: { type: 'string', multiple: true, default: [] },
      progress: { type: 'string', multiple: true, default: [] },
      stage: { type: 'string', default: 'commitment' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new CliFailure(t('cli.records.usage'), EXIT.unusable);
  if (values.output === undefined) throw new CliFailure(t('cli.records.missing-output'), EXIT.unusable);
  const write = FORMATS[extname(values.output).toLowerCase() as keyof typeof FORMATS] as (typeof FORMATS)[keyof typeof FORMATS] | undefined;
  if (write === undefined) throw new CliFailure(t('cli.records.bad-output', { file: values.output }), EXIT.unusable);
  const stage = STAGES.find((name) => name === values.stage);
  if (stage === undefined) throw new CliFailure(t('cli.records.bad-stage', { value: values.stage ?? '' }), EXIT.unusable);
  if (stage === 'commitment' && values.progress.length > 0) throw new CliFailure(t('cli.records.progress-needs-stage'), EXIT.unusable);

  const receipts = await readReceipts(values.receipt);
  const reports = await readYearEndReports(values.progress);
  const rows: Row[] = [];
  const seen = new Set<string>();
  const used = new Set<string>();
  let failed = false;
  for (const file of positionals) {
    const check = verifyPackage(new Uint8Array(await readInputFile(file)));
    if (!check.ok) {
      io.stderr.write(`${t('cli.package-invalid', { file, reason: check.reason })}\n`);
      failed = true;
      continue;
    }
    const id = check.manifest.submissionId;
    // The same package named twice is one letter: a second row would be a 数据重复 at import.
    if (seen.has(id)) {
      io.stderr.write(`${t('cli.records.duplicate', { file, id })}\n`);
      continue;
    }
    seen.add(id);
    const receipt = receipts.get(id);
    if (receipt !== undefined) used.add(id);
    const name = check.letter.kind === 'person' ? check.letter.person.name : check.letter.unit.name;
    if (stage === 'commitment') {
      const made = commitmentRecord(check.letter);
      const record = receipt === undefined ? made : receivedRecord(made, receipt);
      rows.push({ name, record, problems: recordProblems(record) });
      continue;
    }
    const report = reports.get(id);
    if (report === undefined) {
      io.stderr.write(`${t('cli.records.no-year-end', { file, id })}\n`);
      failed = true;
      continue;
    }
    if (report.year !== check.letter.year) throw new CliFailure(t('cli.records.report-other-year', { file: report.file, year: check.letter.year }), EXIT.unusable);
    const record = fulfilmentRecord(report, receipt);
    rows.push({ name, record, problems: fulfilmentProblems(record) });
  }
  for (const [id, receipt] of receipts) if (!used.has(id)) io.stderr.write(`${t('cli.records.unused-receipt', { file: receipt.file, id })}\n`);
  for (const [id, report] of reports) if (!seen.has(id)) io.stderr.write(`${t('cli.records.unused-report', { file: report.file, id })}\n`);

  // Row 1 is the header, so the first record is row 2, as the spreadsheet shows it.
  rows.forEach((row, index) => {
    for (const problem of row.problems) {
      io.stderr.write(`${t('cli.records.row-problem', { line: index + 2, name: row.name, reason: problem.message })}\n`);
      failed = true;
    }
  });
  const records = rows.map((row) => row.record);
  await writeOutputFile(values.output, await write(records, stage === 'commitment' ? COMMITMENT_SHEET : FULFILMENT_SHEET));
  io.stdout.write(`${t(stage === 'commitment' ? 'cli.records.written' : 'cli.records.written-fulfilment', { file: values.output, n: records.length })}\n`);
  if (failed) io.stdout.write(`${t('cli.records.incomplete')}\n`);
  return failed ? EXIT.invalid : EXIT.ok;
}

/** The year-end reports by the submission id of their letter; a report that is not valid, or not of a whole year, ends the command. */
async function readYearEndReports(files: readonly string[]): Promise<Map<string, ProgressReport & { file: string }>> {
  const reports = new Map<string, ProgressReport & { file: string }>();
  for (const file of files) {
    const report = await readProgressFile(file);
    if (report.period !== String(report.year)) throw new CliFailure(t('cli.records.not-year-end', { file, value: report.period }), EXIT.unusable);
    reports.set(report.submissionId, { ...report, file });
  }
  return reports;
}

/** The receipts by submission id; a file that is not a receipt ends the command before anything is written. */
async function readReceipts(files: readonly string[]): Promise<Map<string, Receipt & { file: string }>> {
  const receipts = new Map<string, Receipt & { file: string }>();
  for (const file of files) {
    const parsed = ReceiptSchema.safeParse(await readJsonObjectFile(file));
    if (!parsed.success) throw new CliFailure(t('cli.records.bad-receipt', { file }), EXIT.unusable);
    receipts.set(parsed.data.submissionId, { ...parsed.data, file });
  }
  return receipts;
}
