import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { renderProgressPdf } from '../../core/pdf/render-progress';
import { buildProgressPackage, ProgressInputError } from '../../core/progress/build-progress-package';
import { validateProgress } from '../../core/progress/validate-progress';
import { loadInstalledDocumentFonts } from '../../node/fonts/installed-document-fonts';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { readInputFile } from '../read-input-file';
import { readJsonObjectFile } from '../read-json-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `--evidence <file>` documents the whole report; `--evidence 3=<file>` the item printed as 3.
 * `--public-evidence` takes the same forms for a file the unit publishes on the platform's public
 * column next to its letter; every other file is seen by the credit office only.
 */
const ITEM_EVIDENCE = /^([1-9][0-9]*)=(.+)$/s;

/**
 * `pledge progress pack <progress.json> [--evidence [<item>=]<file>]... [--public-evidence [<item>=]<file>]... -o <progress.zip> [--id <UUID>]`:
 * checks the filled report, renders its PDF and packs both with the evidence as a
 * `pledge-progress-package/1` (core/progress/progress-package-format.ts), its own submission id a
 * new UUID unless given (to pack again under the same id). Exit 0 written, 1 for a report or an
 * evidence file with problems (listed), 2 for a wrong command line or an unusable file.
 */
export async function packProgressCommand(args: string[], io: CliIo, now: Date): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: { output: { type: 'string', short: 'o' }, evidence: { type: 'string', multiple: true, default: [] },
      'public-evidence': { type: 'string', multiple: true, default: [] },
      id: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, extra] = positionals;
  if (file === undefined) throw new CliFailure(t('cli.progress.pack-usage'), EXIT.unusable);
  if (extra !== undefined) throw new CliFailure(t('cli.extra-argument', { option: extra }), EXIT.unusable);
  if (values.output === undefined) throw new CliFailure(t('cli.progress.pack-missing-output'), EXIT.unusable);

  const validation = validateProgress({ ...(await readJsonObjectFile(file)), evidence: [] });
  if (!validation.ok) {
    io.stdout.write(`${validation.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}\n`);
    return EXIT.invalid;
  }
  const given = [...values.evidence.map((text) => ({ text, public: false })), ...values['public-evidence'].map((text) => ({ text, public: true }))];
  const evidence = [];
  for (const file of given) {
    const match = ITEM_EVIDENCE.exec(file.text);
    const path = match ? match[2]! : file.text;
    evidence.push({ name: basename(path), bytes: new Uint8Array(await readInputFile(path)), ...(match ? { item: Number(match[1]) } : {}), ...(file.public ? { public: true } : {}) });
  }
  const report = validation.report;
  const pdf = await renderProgressPdf(report, report.title, await loadInstalledDocumentFonts());
  let bytes: Uint8Array;
  try {
    bytes = buildProgressPackage({ report, pdf: pdf.bytes, evidence, submissionId: values.id ?? randomUUID(), createdAt: now });
  } catch (error) {
    if (error instanceof ProgressInputError) {
      io.stdout.write(`${error.problems.join('\n')}\n`);
      return EXIT.invalid;
    }
    if (error instanceof TypeError) throw new CliFailure(t('cli.progress.bad-id', { value: values.id ?? '' }), EXIT.unusable);
    throw error;
  }
  await writeOutputFile(values.output, bytes);
  io.stdout.write(`${t('cli.progress.packed', { file: values.output, n: evidence.length })}\n`);
  return EXIT.ok;
}
