import { degrees, PDFDocument } from 'pdf-lib';
import type { MatchedPage } from './split-scan';

/**
 * A letter's signed copy cut out of the whole stack's scan PDF: a new PDF of just its matched
 * pages, in the letter's page order, those scanned upside down turned upright. What it is checked
 * against when attached (type, size: core/attachments/check-attachment.ts) is the attaching's business.
 *
 * @example const copy = await extractLetterPdf(scanBytes, split.letters[0].matched);
 */
export async function extractLetterPdf(scanPdf: Uint8Array, pages: readonly Pick<MatchedPage, 'scanIndex' | 'upsideDown'>[]): Promise<Uint8Array> {
  const scan = await PDFDocument.load(scanPdf, { updateMetadata: false });
  // updateMetadata: false keeps the clock out: the same scan gives the same copy.
  const copy = await PDFDocument.create({ updateMetadata: false });
  const copied = await copy.copyPages(scan, pages.map((page) => page.scanIndex));
  copied.forEach((page, i) => {
    copy.addPage(page);
    if (pages[i]?.upsideDown) page.setRotation(degrees((page.getRotation().angle + 180) % 360));
  });
  return copy.save({ useObjectStreams: true });
}

/** A letter's signed copy from a folder of scanned images: its images in page order, each with the turn that makes it upright. */
export function letterImages<Image>(images: readonly Image[], pages: readonly Pick<MatchedPage, 'scanIndex' | 'upsideDown'>[]): { readonly image: Image; readonly rotation: 0 | 180 }[] {
  return pages.map((page) => {
    const image = images[page.scanIndex];
    if (image === undefined) throw new Error(`letterImages: the scan has no page ${page.scanIndex + 1}`);
    return { image, rotation: page.upsideDown ? 180 : 0 };
  });
}
