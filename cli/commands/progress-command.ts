import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { verifyPackage } from '../../core/package/verify-package';
import { newProgressReport } from '../../core/progress/new-progress';
import { parsePeriod } from '../../core/progress/progress-period';
import { ITEM_STATUSES } from '../../core/progress/progress-schema';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { fileExists } from '../file-exists';
import { readInputFile } from '../read-input-file';
import { readProgressFile } from '../read-progress-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `pledge progress new <letter package.zip> --period <2026-06|2026-Q2|2026> [--from <earlier.json>] -o <progress.json> [--force]`:
 * a progress report of the delivered letter (core/progress/), every item listed with a status
 * and a note to fill, carried forward from an earlier report when given. `pledge progress pack`:
 * see ./progress-pack-command.ts.
 */
export async function progressCommand(args: string[], io: CliIo, now: Date): Promise<ExitCode> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'new':
      return newCommand(rest, io);
    case 'pack':
      // Loaded on demand: the PDF layout and fonts would slow `progress new`.
      return (await import('./progress-pack-command')).packProgressCommand(rest, io, now);
    case undefined:
      throw new CliFailure(t('cli.progress.usage'), EXIT.unusable);
    default:
      throw new CliFailure(t('cli.progress.unknown-subcommand', { command: subcommand }), EXIT.unusable);
  }
}

async function newCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: { output: { type: 'string', short: 'o' }, period: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const [file, extra] = positionals;
  if (file === undefined) throw new CliFailure(t('cli.progress.usage'), EXIT.unusable);
  if (extra !== undefined) throw new CliFailure(t('cli.extra-argument', { option: extra }), EXIT.unusable);
  if (values.output === undefined) throw new CliFailure(t('cli.progress.missing-output'), EXIT.unusable);
  const period = values.period === undefined ? undefined : parsePeriod(values.period);
  if (period === undefined) throw new CliFailure(t('cli.progress.bad-period', { value: values.period ?? '' }), EXIT.unusable);
  // A report is where the clerk's notes live: writing a blank one over it would lose them.
  if (!values.force && (await fileExists(values.output))) throw new CliFailure(t('cli.progress.exists', { file: values.output }), EXIT.unusable);

  const check = verifyPackage(new Uint8Array(await readInputFile(file)));
  if (!check.ok) {
    io.stdout.write(`${t('cli.package-invalid', { file, reason: check.reason })}\n`);
    return EXIT.invalid;
  }
  if (period.year !== check.letter.year) throw new CliFailure(t('cli.progress.other-year', { value: values.period ?? '', year: check.letter.year }), EXIT.unusable);
  const earlier = values.from === undefined ? undefined : await readProgressFile(values.from, check.manifest.submissionId);
  const report = newProgressReport(check.letter, check.manifest.submissionId, period, earlier);
  await writeOutputFile(values.output, new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
  io.stdout.write(`${t('cli.progress.written', { file: values.output, n: report.items.length, value: report.period, choices: ITEM_STATUSES.join('、') })}\n`);
  return EXIT.ok;
}
