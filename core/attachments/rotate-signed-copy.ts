import { degrees, PDFDocument } from 'pdf-lib';
import type { AttachmentType, Rotation } from '../drafts/draft-record';
import { t } from '../i18n/translate';
import { pdfCopyContent } from './pdf-copy-content';
import { rotateJpeg } from './rotate-jpeg';
import { rotatePng } from './rotate-png';

export type RotatedCopy = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

/**
 * A signed copy as it goes into the package: turned clockwise by `rotation`, so the platform sees
 * the page upright. PNGs are turned pixel for pixel, JPEGs by their EXIF orientation (losslessly),
 * PDFs by each page's `/Rotate`. A digitally signed PDF is never rewritten: that would break its
 * signature. The same input always gives the same bytes, so packing again gives the same package.
 *
 * @example await rotateSignedCopy('scan.png', 'image/png', bytes, 90) // { ok: true, bytes: <the turned PNG> }
 */
export async function rotateSignedCopy(name: string, type: AttachmentType, bytes: Uint8Array, rotation: Rotation | undefined): Promise<RotatedCopy> {
  if (!rotation) return { ok: true, bytes };
  try {
    if (type === 'image/png') return { ok: true, bytes: rotatePng(bytes, rotation) };
    if (type === 'image/jpeg') return { ok: true, bytes: rotateJpeg(bytes, rotation) };
    if ((await pdfCopyContent(bytes)).signature) return { ok: false, message: t('attachment.rotate-signed-pdf', { name }) };
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false });
    for (const page of doc.getPages()) page.setRotation(degrees((page.getRotation().angle + rotation) % 360));
    return { ok: true, bytes: await doc.save({ updateFieldAppearances: false }) };
  } catch {
    return { ok: false, message: t('attachment.rotate-failed', { name }) };
  }
}
