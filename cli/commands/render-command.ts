import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { renderLetterPdfs } from '../../core/pdf/render-letters';
import { loadInstalledDocumentFonts } from '../../node/fonts/installed-document-fonts';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { printProblems } from '../print-problems';
import { readJsonObjectFile } from '../read-json-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `pledge render <letter.json>... [-o <out.pdf>] [--out-dir <dir>]`: writes each letter's signable
 * PDF, next to its letter, as `-o` names it (one letter only) or into `--out-dir`. The letters are
 * rendered in one process with the fonts read once and the glyphs they share subset once
 * (core/pdf/render-letters.ts). An invalid letter, or one with a character the fonts lack, is
 * reported with the same lines as `pledge validate` (with its file name when there are several)
 * and the others are still written. Exit 0 when every PDF was written; 1 when a letter was
 * refused; 2 for bad arguments, or a file that could not be read or written.
 */
export async function renderCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals: files } = parseArgs({
    args,
    options: { output: { type: 'string', short: 'o' }, 'out-dir': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const outDir = values['out-dir'];
  if (files.length === 0) throw new CliFailure(t('cli.missing-letter-argument'), EXIT.unusable);
  if (values.output !== undefined && outDir !== undefined) throw new CliFailure(t('cli.render-output-and-dir'), EXIT.unusable);
  if (values.output !== undefined && files.length > 1) throw new CliFailure(t('cli.render-output-one-letter'), EXIT.unusable);
  const outputs = files.map((file) => values.output ?? pdfPath(file, outDir));
  const clash = outputs.find((output, i) => outputs.findIndex((other) => resolve(other) === resolve(output)) !== i);
  if (clash !== undefined) throw new CliFailure(t('cli.render-same-output', { file: clash }), EXIT.unusable);
  const several = files.length > 1;

  // One file that cannot be read stops a single render as before; among several it is reported and skipped.
  const inputs: { file: string; output: string; letter: Record<string, unknown> }[] = [];
  let exit: ExitCode = EXIT.ok;
  for (const [i, file] of files.entries()) {
    try {
      inputs.push({ file, output: outputs[i] as string, letter: await readJsonObjectFile(file) });
    } catch (error) {
      if (!several || !(error instanceof CliFailure)) throw error;
      io.stderr.write(`${error.message}\n`);
      exit = worse(exit, error.exitCode);
    }
  }
  if (outDir !== undefined && inputs.length > 0) await makeFolder(outDir);

  let written = 0;
  let index = 0;
  for await (const result of renderLetterPdfs(inputs.map((input) => input.letter), await loadInstalledDocumentFonts())) {
    const { file, output } = inputs[index] as (typeof inputs)[number];
    index += 1;
    const label = several ? file : undefined;
    if (!result.ok) {
      printProblems(result.problems, io, label);
      exit = worse(exit, EXIT.invalid);
      continue;
    }
    printProblems(result.warnings, io, label);
    try {
      await writeOutputFile(output, result.bytes);
    } catch (error) {
      if (!several || !(error instanceof CliFailure)) throw error;
      io.stderr.write(`${error.message}\n`);
      exit = worse(exit, error.exitCode);
      continue;
    }
    written += 1;
    io.stdout.write(`${t('cli.rendered', { file: output, pages: result.plan.pages.length })}\n`);
  }
  if (several) {
    const summary = written === files.length ? t('cli.rendered-all', { total: files.length }) : t('cli.rendered-some', { total: files.length, count: written, rest: files.length - written });
    io.stdout.write(`${summary}\n`);
  }
  return exit;
}

/** `letters/a.json` → `letters/a.pdf`, or `<dir>/a.pdf`. */
function pdfPath(file: string, outDir: string | undefined): string {
  const pdf = `${file.replace(/\.json$/i, '')}.pdf`;
  return outDir === undefined ? pdf : join(outDir, basename(pdf));
}

async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new CliFailure(t('cli.write-failed', { file: dir, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), EXIT.unusable);
  }
}

/** The more serious of two outcomes: a file that could not be used outranks a refused letter. */
function worse(a: ExitCode, b: ExitCode): ExitCode {
  return Math.max(a, b) as ExitCode;
}
