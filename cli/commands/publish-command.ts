import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { verifyPackage } from '../../core/package/verify-package';
import { ReceiptSchema } from '../../core/protocol/reference-protocol';
import { portalFolder } from '../../core/publication/portal-folder';
import { POSTER_SIZES, type PosterSize } from '../../core/publication/poster-layout';
import { renderPosterPdf } from '../../core/publication/poster-pdf';
import { publicAddress } from '../../core/publication/public-address';
import { publicLetter } from '../../core/publication/public-letter';
import { loadInstalledDocumentFonts } from '../../node/fonts/installed-document-fonts';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { readInputFile } from '../read-input-file';
import { readJsonObjectFile } from '../read-json-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `pledge publish <package.zip> -o <folder> [--url <address>] [--platform <address>] [--receipt <receipt.json>] [--poster a3|a4]`:
 * verifies the package and writes the folder a unit uploads to its own portal as it is
 * (core/publication/portal-folder.ts) with the service-hall poster in it. The public address is
 * `--url`, else the platform's column (a person's letter needs the receipt's 承诺编码). Exit 0
 * written, 1 for a package that fails its check, 2 for a wrong command line or a file that
 * cannot be read or written.
 */
export async function publishCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      output: { type: 'string', short: 'o' },
      url: { type: 'string' },
      platform: { type: 'string' },
      receipt: { type: 'string' },
      poster: { type: 'string', default: 'a3' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, extra] = positionals;
  if (file === undefined) throw new CliFailure(t('cli.publish.usage'), EXIT.unusable);
  if (extra !== undefined) throw new CliFailure(t('cli.extra-argument', { option: extra }), EXIT.unusable);
  if (values.output === undefined) throw new CliFailure(t('cli.publish.missing-output'), EXIT.unusable);
  const size = POSTER_SIZES.find((s) => s === values.poster?.toLowerCase());
  if (size === undefined) throw new CliFailure(t('cli.publish.bad-poster', { value: values.poster ?? '' }), EXIT.unusable);

  const check = verifyPackage(new Uint8Array(await readInputFile(file)));
  if (!check.ok) {
    io.stdout.write(`${t('cli.package-invalid', { file, reason: check.reason })}\n`);
    return EXIT.invalid;
  }
  const commitmentCode = values.receipt === undefined ? undefined : await receiptCode(values.receipt, check.manifest.submissionId);
  const letter = publicLetter(check.letter);
  const address = publicAddress(letter, { url: values.url, platform: values.platform, commitmentCode });
  if (!address.ok) throw new CliFailure(t(address.reason === 'missing' ? 'cli.publish.missing-address' : 'cli.publish.needs-receipt'), EXIT.unusable);

  const poster = await renderPosterPdf({ letter, address: address.url, size: size satisfies PosterSize }, await loadInstalledDocumentFonts());
  const folder = portalFolder({ letter, files: check.files, address: address.url, poster: poster.bytes });
  try {
    await mkdir(values.output, { recursive: true });
  } catch (error) {
    throw new CliFailure(t('cli.write-failed', { file: values.output, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), EXIT.unusable);
  }
  for (const [name, bytes] of folder) await writeOutputFile(join(values.output, name), bytes);
  const lines = [t('cli.publish.written', { path: values.output, files: [...folder.keys()].join('、'), url: address.url })];
  if (poster.plan.fit.kind !== 'full') lines.push(t(poster.plan.fit.kind === 'summary' ? 'cli.publish.poster-summary' : 'cli.publish.poster-partial'));
  // Only a receipt proves the platform has the letter; before it, the address shows nothing yet.
  if (values.url === undefined && commitmentCode === undefined) lines.push(t('cli.publish.not-yet-public'));
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** The 承诺编码 of the package's receipt; a receipt of another submission is refused rather than linked. */
async function receiptCode(path: string, submissionId: string): Promise<string | undefined> {
  const parsed = ReceiptSchema.safeParse(await readJsonObjectFile(path));
  if (!parsed.success) throw new CliFailure(t('cli.publish.bad-receipt', { file: path }), EXIT.unusable);
  if (parsed.data.submissionId !== submissionId) throw new CliFailure(t('cli.publish.other-receipt', { file: path, id: parsed.data.submissionId, expected: submissionId }), EXIT.unusable);
  return parsed.data.commitmentCode;
}
