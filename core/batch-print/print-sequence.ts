import type { PageCode } from './page-code';

/** Letters listed on one cover page (封面/签字清单): twenty rows of 9 mm under the title. */
export const COVER_ROWS_PER_PAGE = 20;

export function coverPageCount(letters: number): number {
  return Math.max(1, Math.ceil(letters / COVER_ROWS_PER_PAGE));
}

/**
 * Every page of a batch's print file in print order, by its code: the cover, then each letter
 * starting on an odd page, a blank page inserted after the cover and after each letter that ends
 * on an odd page, so a duplex printer starts every letter on a sheet of its own. The print file
 * is drawn from this, and the split of a scan reads its order from it.
 *
 * @example printSequence('7K2QMX', [1, 2]).map(encodePageCode) // ['PD1-7K2QMX-C-1-1', 'PD1-7K2QMX-B-0', 'PD1-7K2QMX-1-1-1', 'PD1-7K2QMX-B-1', 'PD1-7K2QMX-2-1-2', 'PD1-7K2QMX-2-2-2']
 */
export function printSequence(batchKey: string, letterPages: readonly number[]): PageCode[] {
  const sequence: PageCode[] = [];
  const coverPages = coverPageCount(letterPages.length);
  for (let page = 1; page <= coverPages; page += 1) sequence.push({ kind: 'cover', batchKey, page, pages: coverPages });
  if (coverPages % 2 === 1) sequence.push({ kind: 'blank', batchKey, after: 0 });
  letterPages.forEach((pages, i) => {
    for (let page = 1; page <= pages; page += 1) sequence.push({ kind: 'letter', batchKey, letterNo: i + 1, page, pages });
    // No blank after the last letter: nothing follows it on the sheet.
    if (pages % 2 === 1 && i < letterPages.length - 1) sequence.push({ kind: 'blank', batchKey, after: i + 1 });
  });
  return sequence;
}
