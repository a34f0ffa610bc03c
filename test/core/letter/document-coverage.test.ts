import fontkit from '@pdf-lib/fontkit';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { documentFontsCover } from '../../../core/letter/document-coverage';
import { DOCUMENT_COVERAGE_RANGES } from '../../../core/letter/document-coverage-ranges';
import { documentFonts } from '../pdf/fonts-fixture';

const TABLE_FILE = new URL('../../../core/letter/document-coverage-ranges.ts', import.meta.url);

/** The ranges the fonts themselves cover, by the same test the renderer uses (`DocumentFonts.covers`). */
async function rangesFromFonts(): Promise<number[]> {
  const fonts = await documentFonts();
  // Anything covered is in the bundled body face's cmap (the body chain holds only that face here):
  // its character set is the only candidate list needed.
  const body = fonts.faces.get(fonts.metrics.body.faceOf(0x653f));
  const candidates = [...new Set(fontkit.create(body?.bytes ?? new Uint8Array()).characterSet)].sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const cp of candidates.filter((c) => fonts.covers(c))) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === cp - 1) ranges[ranges.length - 1] = cp;
    else ranges.push(cp, cp);
  }
  return ranges;
}

function tableSource(ranges: readonly number[]): string {
  const pairs: string[] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push(`0x${ranges[i]!.toString(16)}, 0x${ranges[i + 1]!.toString(16)}`);
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 6) lines.push(`  ${pairs.slice(i, i + 6).join(', ')},`);
  return [
    '// Generated from the document fonts by test/core/letter/document-coverage.test.ts',
    '// (UPDATE_COVERAGE=1 npx vitest run test/core/letter/document-coverage.test.ts); do not edit.',
    '/** Code points the document fonts can draw, as ascending pairs of first and last. */',
    'export const DOCUMENT_COVERAGE_RANGES: readonly number[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

describe('documentFontsCover', () => {
  it('is the fonts’ own coverage, range for range', async () => {
    const ranges = await rangesFromFonts();
    if (process.env['UPDATE_COVERAGE']) await writeFile(TABLE_FILE, tableSource(ranges));
    expect(DOCUMENT_COVERAGE_RANGES).toEqual(ranges);
  }, 60_000);

  it('answers for common, missing and edge characters as the fonts do', async () => {
    const fonts = await documentFonts();
    for (const char of ['政', '务', '诚', '信', 'A', '1', '。', '“', '𠀀', '😀', '\u200d', '\u{10ffff}']) {
      const cp = char.codePointAt(0)!;
      expect(documentFontsCover(cp), `${char} U+${cp.toString(16)}`).toBe(fonts.covers(cp));
    }
    // Both ends of every range, and the code points just outside them.
    for (let i = 0; i < DOCUMENT_COVERAGE_RANGES.length; i += 2) {
      const [first, last] = [DOCUMENT_COVERAGE_RANGES[i]!, DOCUMENT_COVERAGE_RANGES[i + 1]!];
      expect(documentFontsCover(first) && documentFontsCover(last)).toBe(true);
      expect(documentFontsCover(first - 1)).toBe(fonts.covers(first - 1));
      expect(documentFontsCover(last + 1)).toBe(fonts.covers(last + 1));
    }
  }, 60_000);
});
