import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { YEAR_RANGE } from '../../core/letter/letter-schema';
import { isTemplateKey, letterFromTemplate, TEMPLATE_KEYS } from '../../core/letter/templates';
import { isRealDate } from '../../core/letter/text-shapes';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';

/** `pledge new --template <key> [--year <y>] [--date <YYYY-MM-DD>]`: prints a ready letter. */
export function newCommand(args: string[], io: CliIo, now: Date): ExitCode {
  const { values } = parseArgs({
    args,
    options: { template: { type: 'string', short: 't' }, year: { type: 'string' }, date: { type: 'string' } },
    strict: true,
  });
  const templates = TEMPLATE_KEYS.join('、');
  const template = values.template ?? '';
  if (!isTemplateKey(template)) throw new CliFailure(t('cli.unknown-template', { template, templates }), EXIT.unusable);
  const year = values.year === undefined ? now.getFullYear() : Number(values.year);
  if (!Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    throw new CliFailure(t('cli.bad-year', { value: values.year ?? '' }), EXIT.unusable);
  }
  if (values.date !== undefined && !isRealDate(values.date)) throw new CliFailure(t('cli.bad-date', { value: values.date }), EXIT.unusable);
  const letter = letterFromTemplate(template, { year, ...(values.date === undefined ? {} : { date: values.date }) });
  io.stdout.write(`${JSON.stringify(letter, null, 2)}\n`);
  return EXIT.ok;
}
