import { t } from '../i18n/translate';
import type { PagePlan } from '../layout/page-plan';

/**
 * Whether the text an independent reader found in `letter.pdf` is the text the layout puts on
 * the pages of `letter.json`. Readers split, order and space text runs as they please, so white
 * space is ignored and each page's own number (`— N —`, drawn last) is taken off its end; the
 * rest must match character for character, across pages, so a letter set in other fonts (and so
 * broken into other lines and pages) still matches while a PDF of another letter never does.
 * Returns the reason in Chinese, or `null` when the texts agree.
 *
 * @example comparePdfText((await readPdfPages(pdf)).texts, layoutLetter(letter, metrics)) // null
 */
export function comparePdfText(pageTexts: readonly string[], plan: PagePlan): string | null {
  const found = pageTexts.map((text, i) => withoutPageNumber(squeeze(text), i + 1)).join('');
  const expected = plan.pages.map((page) => squeeze(page.lines.map((line) => line.text).join(''))).join('');
  if (found === expected) return null;
  let at = 0;
  while (at < found.length && at < expected.length && found[at] === expected[at]) at++;
  const excerpt = (text: string) => [...text.slice(at)].slice(0, 12).join('') || t('package.pdf.nothing');
  return t('package.error.pdfTextMismatch', { found: excerpt(found), expected: excerpt(expected) });
}

function squeeze(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, '');
}

function withoutPageNumber(text: string, n: number): string {
  const number = squeeze(t('pdf.page-number', { n }));
  return text.endsWith(number) ? text.slice(0, -number.length) : text;
}
