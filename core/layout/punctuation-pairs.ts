import { CLOSING, OPENING } from './break-lines';

/**
 * Two full-width punctuation marks side by side, such as `。（`, `）。` or `”，`, leave a blank
 * half cell between their glyphs: typesetters close it up to half a cell when a line is too long
 * (标点挤压). Only marks on the grid qualify; `isGrid` says which characters are.
 */
export function isCompressiblePair(before: string, after: string, isGrid: (char: string) => boolean): boolean {
  if (!isGrid(before) || !isGrid(after)) return false;
  const closingBefore = CLOSING.has(before);
  const openingBefore = OPENING.has(before);
  if (closingBefore) return CLOSING.has(after) || OPENING.has(after);
  return openingBefore && OPENING.has(after);
}
