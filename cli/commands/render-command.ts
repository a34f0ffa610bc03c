import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { loadInstalledDocumentFonts } from '../../node/fonts/installed-document-fonts';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { printProblems } from '../print-problems';
import { readJsonObjectFile } from '../read-json-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `pledge render <letter.json> [-o <out.pdf>]`: writes the signable PDF. An invalid letter, or
 * one with a character the fonts lack, exits 1 with the same lines as `pledge validate`.
 */
export async function renderCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, options: { output: { type: 'string', short: 'o' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (file === undefined) throw new CliFailure(t('cli.missing-letter-argument'), EXIT.unusable);
  const output = values.output ?? `${file.replace(/\.json$/i, '')}.pdf`;
  const result = await renderLetterPdf(await readJsonObjectFile(file), await loadInstalledDocumentFonts());
  if (!result.ok) {
    printProblems(result.problems, io);
    return EXIT.invalid;
  }
  printProblems(result.warnings, io);
  await writeOutputFile(output, result.bytes);
  io.stdout.write(`${t('cli.rendered', { file: output, pages: result.plan.pages.length })}\n`);
  return EXIT.ok;
}
