import { DOCUMENT_COVERAGE_RANGES } from './document-coverage-ranges';

/**
 * Whether the document fonts can draw a character, known without their 40 MB: the form, its
 * summary and the draft list count a character no font has as the problem the PDF worker would
 * find, before any PDF is made. The table is the fonts' own coverage (the body serif and the bold
 * title face both have the glyph); a unit test rebuilds it from the fonts and compares.
 *
 * @example
 * documentFontsCover(0x653f) // 政: true
 * documentFontsCover(0x20000) // 𠀀: false
 */
export function documentFontsCover(codePoint: number): boolean {
  // Pairs of first and last code point, ascending: a binary search over the pairs.
  let low = 0;
  let high = DOCUMENT_COVERAGE_RANGES.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codePoint < DOCUMENT_COVERAGE_RANGES[middle * 2]!) high = middle - 1;
    else if (codePoint > DOCUMENT_COVERAGE_RANGES[middle * 2 + 1]!) low = middle + 1;
    else return true;
  }
  return false;
}
