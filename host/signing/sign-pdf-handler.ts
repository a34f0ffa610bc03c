import { checkSigningImage } from '../../core/attachments/check-signing-image';
import type { DesktopCallResult, SignPdfRequest } from '../../core/bridge/desktop-api';
import { t } from '../../core/i18n/translate';
import { p12Signer } from '../../node/signing/p12-signer';
import { signPdf } from '../../node/signing/sign-pdf';
import { SigningError } from '../../node/signing/signer';
import { SIGNING_ERROR_MESSAGES } from '../../node/signing/signing-error-message';

const bytesOf = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

/** `signing.signPdf`: the password lives only for this call and is never logged; a refusal names the file or the password. */
export async function signPdfHandler(request: SignPdfRequest, now: Date): Promise<DesktopCallResult<'signing.signPdf'>> {
  const signatureImage = bytesOf(request.signatureImage.base64);
  const sealImage = request.sealImage && bytesOf(request.sealImage.base64);
  // The renderer checked them when they were chosen; a caller of the bridge is trusted no further.
  for (const [kind, bytes] of [['ui.profile.image.signature', signatureImage], ['ui.profile.image.seal', sealImage]] as const) {
    const check = bytes && checkSigningImage(t(kind), bytes);
    if (check && !check.ok) return { ok: false, message: check.message };
  }
  try {
    const signer = p12Signer(bytesOf(request.p12Base64), request.password);
    const signed = await signPdf(bytesOf(request.pdfBase64), signer, { signatureImage, ...(sealImage ? { sealImage } : {}), signingTime: now });
    return { ok: true, base64: Buffer.from(signed).toString('base64'), signerName: signer.name };
  } catch (error) {
    if (!(error instanceof SigningError)) throw error;
    const file = error.code.startsWith('p12-') ? request.p12Name : request.pdfName;
    return { ok: false, message: t(SIGNING_ERROR_MESSAGES[error.code], { file }) };
  }
}
