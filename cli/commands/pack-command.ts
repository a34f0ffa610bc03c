import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAttachment } from '../../core/attachments/check-attachment';
import { t } from '../../core/i18n/translate';
import { buildPackage } from '../../core/package/build-package';
import { isSubmissionId } from '../../core/package/package-format';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { validateLetter } from '../../core/letter/validate-letter';
import { loadInstalledDocumentFonts } from '../../node/fonts/installed-document-fonts';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { printProblems } from '../print-problems';
import { readInputFile } from '../read-input-file';
import { readJsonObjectFile } from '../read-json-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `pledge pack <letter.json> [--signed <file>...] -o <pkg.zip> [--id <uuid>] [--supersedes <uuid>]`:
 * renders the PDF and writes a `pledge-package/1` submission package. An invalid letter exits 1
 * with the same lines as `pledge validate`; a signed copy that is not a PNG, JPEG or PDF, like a
 * missing file, exits 2.
 */
export async function packCommand(args: string[], io: CliIo, now: Date): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      signed: { type: 'string', multiple: true },
      output: { type: 'string', short: 'o' },
      id: { type: 'string' },
      supersedes: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (file === undefined) throw new CliFailure(t('cli.missing-pack-argument'), EXIT.unusable);
  if (positionals.length > 1) throw new CliFailure(t('cli.extra-argument', { option: positionals[1]! }), EXIT.unusable);
  if (values.output === undefined) throw new CliFailure(t('cli.missing-output'), EXIT.unusable);
  for (const [option, value] of [['--id', values.id], ['--supersedes', values.supersedes]] as const) {
    if (value !== undefined && !isSubmissionId(value)) throw new CliFailure(t('cli.bad-uuid', { option, value }), EXIT.unusable);
  }

  const letter = await readJsonObjectFile(file);
  const signed = await readSignedCopies(values.signed ?? []);
  if (signed.length === 0) throw new CliFailure(t('cli.missing-signed'), EXIT.unusable);
  const rendered = await renderLetterPdf(letter, await loadInstalledDocumentFonts());
  // A package is a submission: template samples left in stop it here, as they stop review in the app.
  const samples = validateLetter(letter).problems.filter((p) => p.code.startsWith('sample.'));
  if (!rendered.ok || samples.length > 0) {
    printProblems(rendered.ok ? samples : [...rendered.problems, ...samples], io);
    return EXIT.invalid;
  }
  printProblems(rendered.warnings, io);

  const submissionId = values.id ?? randomUUID();
  // The letter was validated by renderLetterPdf and the signed copies checked above, so this does not refuse them.
  const zip = buildPackage({ letter, pdf: rendered.bytes, signed, submissionId, supersedes: values.supersedes, createdAt: now });
  await writeOutputFile(values.output, zip);
  io.stdout.write(`${t('cli.packed', { file: values.output, count: signed.length + 3, id: submissionId })}\n`);
  return EXIT.ok;
}

/** Reads each signed copy and checks it by content, as the app does when one is attached. */
async function readSignedCopies(paths: readonly string[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  const signed: { name: string; bytes: Uint8Array }[] = [];
  let attached = 0;
  for (const path of paths) {
    const bytes = new Uint8Array(await readInputFile(path));
    const check = checkAttachment(basename(path), bytes, attached);
    if (!check.ok) throw new CliFailure(t('cli.bad-signed-file', { reason: check.message }), EXIT.unusable);
    attached += bytes.byteLength;
    signed.push({ name: basename(path), bytes });
  }
  return signed;
}
