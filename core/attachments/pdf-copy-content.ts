import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';

/** What a PDF offered as the signed copy holds that a signed or scanned copy would have. */
export interface PdfCopyContent {
  /** A digital signature: a signature dictionary with the signed `/ByteRange`. */
  readonly signature: boolean;
  /** Any image XObject: a scanner's PDF is made of page images. */
  readonly images: boolean;
}

const BYTE_RANGE = PDFName.of('ByteRange');
const CONTENTS = PDFName.of('Contents');
const SUBTYPE = PDFName.of('Subtype');
const IMAGE = PDFName.of('Image');

/**
 * Looks through every object of a PDF (object streams included) for a filled signature and for
 * images. The letter's own PDF has an empty signature field, which has no `/ByteRange`, and no
 * images, so it counts as neither. A PDF pdf-lib cannot read counts as neither too: nothing in it
 * shows it was signed or scanned.
 *
 * @example await pdfCopyContent(approvedPdfBytes) // { signature: false, images: false }
 */
export async function pdfCopyContent(bytes: Uint8Array): Promise<PdfCopyContent> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: false, updateMetadata: false });
  } catch {
    return { signature: false, images: false };
  }
  let signature = false;
  let images = false;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (!dict) continue;
    if (dict.get(BYTE_RANGE) instanceof PDFArray && dict.has(CONTENTS)) signature = true;
    if (object instanceof PDFStream && dict.get(SUBTYPE) === IMAGE) images = true;
    if (signature && images) break;
  }
  return { signature, images };
}
