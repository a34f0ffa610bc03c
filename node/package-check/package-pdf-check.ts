import { t } from '../../core/i18n/translate';
import { layoutLetter } from '../../core/layout/layout-letter';
import type { Letter } from '../../core/letter/letter-schema';
import { findForeignDrawing } from '../../core/package/pdf-drawing-check';
import { comparePdfText } from '../../core/package/pdf-text-check';
import { loadNodeDocumentFonts } from '../fonts/node-document-fonts';
import { readPdfPages, type PdfPages } from './pdf-page-texts';
import { errorText } from '../../core/errors/error-text';

/**
 * Whether `letter.pdf` says what `letter.json` says: it draws only text and rules, and its text
 * as pdf.js reads it is the text the layout puts on the pages. The reason in Chinese, or `null` when they agree.
 */
export async function checkLetterPdf(letter: Letter, pdf: Uint8Array): Promise<string | null> {
  let pages: PdfPages;
  try {
    pages = await readPdfPages(pdf);
  } catch (error) {
    return t('package.error.pdfUnreadable', { detail: errorText(error) });
  }
  // The drawing first: text that matches proves nothing about a page that can show something else.
  const drawing = findForeignDrawing(pages.operations, pages.type3Fonts);
  if (drawing) return drawing;
  const { metrics } = await loadNodeDocumentFonts();
  return comparePdfText(pages.texts, layoutLetter(letter, metrics));
}
