import { t } from '../../core/i18n/translate';
import { layoutLetter } from '../../core/layout/layout-letter';
import type { Letter } from '../../core/letter/letter-schema';
import { comparePdfText } from '../../core/package/pdf-text-check';
import { loadNodeDocumentFonts } from './node-document-fonts';
import { readPdfPageTexts } from './pdf-page-texts';

/**
 * Whether `letter.pdf` says what `letter.json` says: its text as pdf.js reads it against the text
 * the layout puts on the pages. The reason in Chinese, or `null` when they agree.
 */
export async function checkLetterPdf(letter: Letter, pdf: Uint8Array): Promise<string | null> {
  let pageTexts: string[];
  try {
    pageTexts = await readPdfPageTexts(pdf);
  } catch (error) {
    return t('package.error.pdfUnreadable', { detail: error instanceof Error ? error.message : String(error) });
  }
  const { metrics } = await loadNodeDocumentFonts();
  return comparePdfText(pageTexts, layoutLetter(letter, metrics));
}
