import { parseArgs } from 'node:util';
import { calendarEvents } from '../../core/calendar/calendar-events';
import { calendarIcs } from '../../core/calendar/ics';
import { t } from '../../core/i18n/translate';
import { verifyPackage } from '../../core/package/verify-package';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { readInputFile } from '../read-input-file';
import { readProgressFile } from '../read-progress-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `pledge calendar <letter package.zip> [--progress <report.json>] -o <calendar.ics>`: the letter's
 * year (core/calendar/) as an .ics for the office's calendar, which reminds when the app is
 * closed; items the report says are 已兑现 or 已调整 carry no alarm. The UIDs come from the
 * submission id, so importing a newer file updates the entries instead of adding copies.
 */
export async function calendarCommand(args: string[], io: CliIo, now: Date): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, options: { output: { type: 'string', short: 'o' }, progress: { type: 'string' } }, allowPositionals: true, strict: true });
  const [file, extra] = positionals;
  if (file === undefined) throw new CliFailure(t('cli.calendar.usage'), EXIT.unusable);
  if (extra !== undefined) throw new CliFailure(t('cli.extra-argument', { option: extra }), EXIT.unusable);
  if (values.output === undefined) throw new CliFailure(t('cli.calendar.missing-output'), EXIT.unusable);
  const check = verifyPackage(new Uint8Array(await readInputFile(file)));
  if (!check.ok) {
    io.stdout.write(`${t('cli.package-invalid', { file, reason: check.reason })}\n`);
    return EXIT.invalid;
  }
  const progress = values.progress === undefined ? undefined : await readProgressFile(values.progress, check.manifest.submissionId);
  const events = calendarEvents(check.letter, { today: now, ...(progress ? { progress } : {}) });
  await writeOutputFile(values.output, new TextEncoder().encode(calendarIcs(events, { uidSeed: check.manifest.submissionId, now })));
  io.stdout.write(`${t('cli.calendar.written', { file: values.output, n: events.length })}\n`);
  return EXIT.ok;
}
