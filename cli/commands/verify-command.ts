import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { createPackageChecker } from '../../node/package-check/package-check';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { readInputFile } from '../read-input-file';

// The platform's own check, pdf.js comparison included, so a package passing here is not refused
// there. One per process: its thread starts once (seconds from source) and never holds the exit.
const checker = createPackageChecker({ readPdfText: true });

/**
 * `pledge verify <pkg.zip>`: exit 0 with a short summary for a good package, 1 with the reason
 * for a bad one (the same check the platform runs, the text of letter.pdf read with pdf.js
 * included), 2 when the file cannot be read.
 */
export async function verifyCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (file === undefined) throw new CliFailure(t('cli.missing-package-argument'), EXIT.unusable);
  if (positionals.length > 1) throw new CliFailure(t('cli.extra-argument', { option: positionals[1]! }), EXIT.unusable);
  const bytes = new Uint8Array(await readInputFile(file));
  const result = await checker.check(bytes);
  if (!result.ok) {
    io.stdout.write(`${t('cli.package-invalid', { file, reason: result.reason })}\n`);
    return EXIT.invalid;
  }
  const { manifest } = result;
  const lines = [
    t('cli.package-valid', {
      file,
      id: manifest.submissionId,
      unit: manifest.unit.name,
      code: manifest.unit.creditCode,
      year: manifest.year,
      createdAt: manifest.createdAt,
      files: manifest.files.map((entry) => entry.name).join('、'),
    }),
  ];
  if (manifest.supersedes !== undefined) lines.push(t('cli.package-supersedes', { id: manifest.supersedes }));
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
