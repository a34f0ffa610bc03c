import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { validateLetter } from '../../core/letter/validate-letter';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { printProblems } from '../print-problems';
import { readJsonObjectFile } from '../read-json-file';

/**
 * `pledge validate <letter.json> [--json]`: exit 0 when valid, 1 with one `path: message` line
 * per error. Warnings are printed too but do not fail the letter.
 */
export async function validateCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (file === undefined) throw new CliFailure(t('cli.missing-file-argument'), EXIT.unusable);
  const result = validateLetter(await readJsonObjectFile(file));
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ valid: result.ok, problems: result.problems }, null, 2)}\n`);
  } else {
    printProblems(result.problems, io);
    if (result.ok) io.stdout.write(`${t('cli.valid', { file })}\n`);
  }
  return result.ok ? EXIT.ok : EXIT.invalid;
}
