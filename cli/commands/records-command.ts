import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { verifyPackage } from '../../core/package/verify-package';
import { ReceiptSchema, type Receipt } from '../../core/protocol/reference-protocol';
import { commitmentRecord, receivedRecord, type CommitmentRecord } from '../../core/records/commitment-record';
import { recordProblems } from '../../core/records/national-template';
import { recordsCsv, recordsXlsx } from '../../core/records/records-sheet';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { readInputFile } from '../read-input-file';
import { readJsonObjectFile } from '../read-json-file';
import { writeOutputFile } from '../write-output-file';

const FORMATS = { '.xlsx': recordsXlsx, '.csv': async (records: readonly CommitmentRecord[]) => recordsCsv(records) } as const;

/**
 * `pledge records <package.zip>... [--receipt <receipt.json>]... -o <file.xlsx|file.csv>`: the
 * national 信用承诺 records of the packages, one row each, for a city platform's batch import
 * (docs/domain/national-template.md). A receipt completes the row of the package with its
 * submission id (承诺编码, the receiving office). The file is written with every good package;
 * a package that fails its check is left out and named, and each row that still breaks a rule of
 * the template is named by its row number as the spreadsheet shows it. Exit 0 when every row
 * passes, 1 when a package or a row does not, 2 for a wrong command line or an unusable file.
 */
export async function recordsCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: { output: { type: 'string', short: 'o' }, receipt: { type: 'string', multiple: true, default: [] } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new CliFailure(t('cli.records.usage'), EXIT.unusable);
  if (values.output === undefined) throw new CliFailure(t('cli.records.missing-output'), EXIT.unusable);
  const write = FORMATS[extname(values.output).toLowerCase() as keyof typeof FORMATS] as (typeof FORMATS)[keyof typeof FORMATS] | undefined;
  if (write === undefined) throw new CliFailure(t('cli.records.bad-output', { file: values.output }), EXIT.unusable);

  const receipts = await readReceipts(values.receipt);
  const records: CommitmentRecord[] = [];
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
    const record = commitmentRecord(check.letter);
    records.push(receipt === undefined ? record : receivedRecord(record, receipt));
  }
  for (const [id, receipt] of receipts) if (!used.has(id)) io.stderr.write(`${t('cli.records.unused-receipt', { file: receipt.file, id })}\n`);

  // Row 1 is the header, so the first record is row 2, as the spreadsheet shows it.
  records.forEach((record, index) => {
    for (const problem of recordProblems(record)) {
      io.stderr.write(`${t('cli.records.row-problem', { line: index + 2, name: record.承诺人名称, reason: problem.message })}\n`);
      failed = true;
    }
  });
  await writeOutputFile(values.output, await write(records));
  io.stdout.write(`${t('cli.records.written', { file: values.output, n: records.length })}\n`);
  if (failed) io.stdout.write(`${t('cli.records.incomplete')}\n`);
  return failed ? EXIT.invalid : EXIT.ok;
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
