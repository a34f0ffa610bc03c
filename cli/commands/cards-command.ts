import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { serviceCardsFromInput } from '../../core/service-cards/service-cards-pdf';
import { loadInstalledDocumentFonts } from '../../node/fonts/installed-document-fonts';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { printProblems } from '../print-problems';
import { readJsonObjectFile } from '../read-json-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `pledge cards <letter.json> [--url <public address>] -o <cards.pdf>`: the letter's 政务承诺服务卡,
 * one per service item, ten to an A4 sheet (core/service-cards). The letter is checked as
 * `pledge render` checks it and its problems are printed the same way. Without --url the cards
 * carry no QR code, and stderr says so. Exit 0 when written; 1 when the letter or its cards are
 * refused; 2 for bad arguments, or a file that could not be read or written.
 */
export async function cardsCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: { output: { type: 'string', short: 'o' }, url: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined || values.output === undefined) throw new CliFailure(t('service-cards.cli.missing-letter'), EXIT.unusable);
  if (extra.length > 0) throw new CliFailure(t('cli.extra-argument', { option: extra[0] ?? '' }), EXIT.unusable);
  const letter = await readJsonObjectFile(file);
  const url = values.url?.trim() || undefined;
  const result = await serviceCardsFromInput(letter, await loadInstalledDocumentFonts(), { url });
  if (!result.ok) {
    printProblems(result.problems, io);
    return EXIT.invalid;
  }
  printProblems(result.warnings, io);
  if (url === undefined) io.stderr.write(`${t('service-cards.cli.no-address')}\n`);
  await writeOutputFile(values.output, result.bytes);
  io.stdout.write(`${t('service-cards.cli.written', { file: values.output, count: result.cards, pages: result.sheets })}\n`);
  return EXIT.ok;
}
