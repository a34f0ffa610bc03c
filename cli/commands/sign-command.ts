import { parseArgs } from 'node:util';
import { checkSigningImage } from '../../core/attachments/check-signing-image';
import { t } from '../../core/i18n/translate';
import { p12Signer } from '../../node/signing/p12-signer';
import { signPdf } from '../../node/signing/sign-pdf';
import { SigningError } from '../../node/signing/signer';
import { SIGNING_ERROR_MESSAGES } from '../../node/signing/signing-error-message';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { readInputFile } from '../read-input-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `pledge sign <approved.pdf> --p12 <file> --password <pw> --signature-image <img> [--seal-image <img>] -o <signed.pdf>`:
 * signs the letter's PDF in its empty signature field with the certificate, showing the images
 * there, so the result serves as the signed copy. The password may come from `PLEDGE_P12_PASSWORD`
 * instead, to keep it out of the shell history. A PDF without an empty field (not ours, or signed
 * already) exits 1; a missing file, a wrong password or an unreadable certificate or image exits 2.
 */
export async function signCommand(args: string[], io: CliIo, now: Date, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      p12: { type: 'string' },
      password: { type: 'string' },
      'signature-image': { type: 'string' },
      'seal-image': { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (file === undefined) throw new CliFailure(t('signing.missing-pdf'), EXIT.unusable);
  if (positionals.length > 1) throw new CliFailure(t('cli.extra-argument', { option: positionals[1]! }), EXIT.unusable);
  const { p12, output } = values;
  if (p12 === undefined) throw new CliFailure(t('signing.missing-p12'), EXIT.unusable);
  if (output === undefined) throw new CliFailure(t('signing.missing-output'), EXIT.unusable);
  const password = values.password ?? env['PLEDGE_P12_PASSWORD'];
  if (password === undefined) throw new CliFailure(t('signing.missing-password'), EXIT.unusable);
  const imageFile = values['signature-image'];
  if (imageFile === undefined) throw new CliFailure(t('signing.missing-signature-image'), EXIT.unusable);
  const sealFile = values['seal-image'];

  const pdf = new Uint8Array(await readInputFile(file));
  const signatureImage = new Uint8Array(await readInputFile(imageFile));
  const sealImage = sealFile === undefined ? undefined : new Uint8Array(await readInputFile(sealFile));
  // The checks the app's unit profile makes; pdf-lib would also hang on a PNG cut short.
  for (const [name, bytes] of [[imageFile, signatureImage], [sealFile, sealImage]] as const) {
    const check = name !== undefined && bytes !== undefined ? checkSigningImage(name, bytes) : undefined;
    if (check && !check.ok) throw new CliFailure(check.message, EXIT.unusable);
  }
  const certificate = new Uint8Array(await readInputFile(p12));
  try {
    const signer = p12Signer(certificate, password);
    const signed = await signPdf(pdf, signer, { signatureImage, sealImage, signingTime: now });
    await writeOutputFile(output, signed);
    io.stdout.write(`${t('signing.signed', { file: output, name: signer.name })}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    const about = error.code.startsWith('p12-') ? p12 : file;
    throw new CliFailure(t(SIGNING_ERROR_MESSAGES[error.code], { file: about }), error.code === 'no-empty-field' ? EXIT.invalid : EXIT.unusable);
  }
}
