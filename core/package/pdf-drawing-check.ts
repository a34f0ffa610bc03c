import { t } from '../i18n/translate';

/** One drawing operation of a page as an independent reader lists it (pdf.js operator names). */
export interface PdfOperation {
  readonly name: string;
  readonly args: readonly unknown[];
}

/**
 * What a letter page may draw: text, and stroked rules (the signature box). The letter PDF is
 * what the office approved and signed on paper, and its text is what the platform compares with
 * `letter.json`; anything else that can put a picture on the page over or instead of that text
 * (images, form XObjects, clipping, filled shapes, shadings, transparency, invisible or
 * stroke-only text) is refused, so the page cannot show one letter while its text says another.
 */
const ALLOWED = new Set([
  'dependency',
  'save',
  'restore',
  'transform',
  'beginText',
  'endText',
  'setFont',
  'setTextMatrix',
  'setCharSpacing',
  'setWordSpacing',
  'setHScale',
  'setLeading',
  'setTextRise',
  'moveText',
  'setLeadingMoveText',
  'nextLine',
  'showText',
  'showSpacedText',
  'nextLineShowText',
  'nextLineSetSpacingShowText',
  'setTextRenderingMode',
  'setFillRGBColor',
  'setStrokeRGBColor',
  'setLineWidth',
  'setLineCap',
  'setLineJoin',
  'setMiterLimit',
  'setDash',
  'constructPath',
  'stroke',
  'closeStroke',
  'endPath',
]);

/** Text lighter than this (0–255, the mean of the channels) cannot be read on white paper. */
const LIGHTEST_TEXT = 160;

/**
 * Whether `letter.pdf`'s pages draw only what a letter is made of (see {@link ALLOWED}): text in
 * a readable colour with fonts that are not Type 3 (whose glyphs are arbitrary drawings), and
 * stroked lines. Returns the reason in Chinese, or `null`.
 *
 * @example findForeignDrawing([[{ name: 'paintImageXObject', args: [] }]], []) // '…图片…'
 */
export function findForeignDrawing(pages: readonly (readonly PdfOperation[])[], type3Fonts: readonly string[]): string | null {
  for (const [index, operations] of pages.entries()) {
    const page = index + 1;
    for (const { name, args } of operations) {
      if (!ALLOWED.has(name)) return t('package.error.pdfForeignDrawing', { page, what: name });
      if (name === 'setTextRenderingMode' && args[0] !== 0) return t('package.error.pdfHiddenText', { page });
      if (name === 'setFillRGBColor' && lightness(args) > LIGHTEST_TEXT) return t('package.error.pdfHiddenText', { page });
      if (name === 'setFont' && type3Fonts.includes(String(args[0]))) return t('package.error.pdfForeignDrawing', { page, what: 'Type3' });
    }
  }
  return null;
}

function lightness(args: readonly unknown[]): number {
  const channels = args.slice(0, 3).map(Number);
  return channels.length === 3 && channels.every(Number.isFinite) ? (channels[0]! + channels[1]! + channels[2]!) / 3 : 255;
}
