import { megabytes } from '../i18n/format-size';
import { t } from '../i18n/translate';
import { checkAttachmentSize, sniffAttachmentType } from './check-attachment';
import { imageSize } from './image-size';
import { readChunks, UnreadablePngError } from './rotate-png';

/** A signature or seal narrower than this prints as a smudge in a 4 cm signing place. */
export const MIN_SIGNING_IMAGE_SIDE = 16;
/** pdf-lib decodes the whole image to embed it: this keeps that to tens of megabytes. */
export const MAX_SIGNING_IMAGE_SIDE = 6000;
/** Under a signed copy's limit: the bridge carries each image as base64 of at most 14 MB (SigningImageSchema). */
export const MAX_SIGNING_IMAGE_BYTES = 10 * 1024 * 1024;

export type SigningImageType = 'image/png' | 'image/jpeg';

export type SigningImageCheck =
  | { readonly ok: true; readonly type: SigningImageType; readonly width: number; readonly height: number }
  | { readonly ok: false; readonly message: string };

/**
 * Whether a file can be the signature or seal image drawn into the signed PDF: a signed copy's
 * size rules (and no more than the bridge carries), PNG or JPEG by its content (not its name),
 * whole, and a size in pixels that reads in the signing place. One check for the unit profile, the 审核 tab and the signing handler.
 *
 * @example checkSigningImage('签名.png', bytes) // { ok: true, type: 'image/png', width: 120, height: 40 }
 */
export function checkSigningImage(name: string, bytes: Uint8Array): SigningImageCheck {
  const sizeProblem = checkAttachmentSize(name, bytes.byteLength, 0);
  if (sizeProblem) return { ok: false, message: sizeProblem };
  if (bytes.byteLength > MAX_SIGNING_IMAGE_BYTES) return { ok: false, message: t('attachment.too-large', { name, size: megabytes(bytes.byteLength), max: megabytes(MAX_SIGNING_IMAGE_BYTES) }) };
  const type = sniffAttachmentType(bytes);
  if (type !== 'image/png' && type !== 'image/jpeg') return { ok: false, message: t('ui.signing.not-image', { name }) };
  const size = imageSize(bytes);
  if (!size || (type === 'image/png' && !isWholePng(bytes))) return { ok: false, message: t('signing.image.damaged', { name }) };
  const { width, height } = size;
  if (Math.min(width, height) < MIN_SIGNING_IMAGE_SIDE) return { ok: false, message: t('signing.image.too-small', { name, actual: `${width}×${height}`, min: MIN_SIGNING_IMAGE_SIDE }) };
  if (Math.max(width, height) > MAX_SIGNING_IMAGE_SIDE) return { ok: false, message: t('signing.image.too-large', { name, actual: `${width}×${height}`, max: MAX_SIGNING_IMAGE_SIDE }) };
  return { ok: true, type, width, height };
}

/** Every chunk inside the file and IEND reached: pdf-lib loops for ever on a PNG cut short. */
function isWholePng(bytes: Uint8Array): boolean {
  try {
    return readChunks(bytes).at(-1)?.type === 'IEND';
  } catch (error) {
    if (error instanceof UnreadablePngError) return false;
    throw error;
  }
}
