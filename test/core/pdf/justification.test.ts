import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { GRID, TYPE_AREA } from '../../../core/layout/page-geometry';
import { documentFonts, fixtureLetters } from './fonts-fixture';
import { longLetters } from './long-letters';
import { pdfjsPageTexts, squeeze } from './pdf-tools';
import { wordBoxes, type WordBox } from './word-boxes';

interface PrintedLine {
  readonly page: number;
  readonly text: string;
  readonly left: number;
  readonly right: number;
}

/** Words on one baseline of one page, left to right, as poppler placed them. */
function printedLines(words: readonly WordBox[]): PrintedLine[] {
  const lines = new Map<string, WordBox[]>();
  for (const word of words) {
    if (/^[—\d]+$/.test(word.text) && word.yMax < TYPE_AREA.bottom) continue; // the page number
    const key = `${word.page}:${Math.round(word.yMin)}`;
    lines.set(key, [...(lines.get(key) ?? []), word]);
  }
  return [...lines.values()]
    .map((ws) => [...ws].sort((a, b) => a.xMin - b.xMin))
    .sort((a, b) => (a[0]?.page ?? 0) - (b[0]?.page ?? 0) || (b[0]?.yMin ?? 0) - (a[0]?.yMin ?? 0))
    .map((ws) => ({ page: ws[0]?.page ?? 0, text: ws.map((w) => w.text).join(''), left: Math.min(...ws.map((w) => w.xMin)), right: Math.max(...ws.map((w) => w.xMax)) }));
}

/**
 * The lines that continue a paragraph: the next line starts at the left margin, where only a
 * paragraph's own continuation starts once the body has begun (paragraphs are indented two
 * characters, the signature block stands at the right, the particulars before the body are left out).
 */
function continuedLines(lines: readonly PrintedLine[]): PrintedLine[] {
  const body = lines.findIndex((l) => Math.abs(l.left - (TYPE_AREA.left + 2 * GRID.cell)) < 1);
  return lines.slice(body, -1).filter((_, i) => Math.abs((lines[body + i + 1]?.left ?? 0) - TYPE_AREA.left) < 1);
}

const letters = Object.entries({ ...fixtureLetters(), ...longLetters() });

describe('justified lines (poppler word boxes)', () => {
  it.each(letters)('%s: every line that continues a paragraph ends within half a character of the right edge', async (_name, letter) => {
    const result = await renderLetterPdf(letter, await documentFonts());
    if (!result.ok) throw new Error('invalid fixture');
    const continued = continuedLines(printedLines(await wordBoxes(result.bytes)));
    expect(continued.length).toBeGreaterThan(0);
    const short = continued.filter((l) => Math.abs(l.right - TYPE_AREA.right) > GRID.cell / 2);
    expect(short.map((l) => `p${l.page + 1} ${(TYPE_AREA.right - l.right).toFixed(1)} pt short: ${l.text}`)).toEqual([]);
  });

  it('spreads the slack between characters and closes up punctuation pairs, the text unchanged', async () => {
    // Lines that were short before a closing mark, a long number and a long e-mail address.
    const letter = {
      ...fixtureLetters()['minimal'],
      statement: `${'为'.repeat(27)}，${'政'.repeat(20)}。（承诺）${'务'.repeat(19)}12345678901234567890，联系邮箱 commitment-office.linjiang@example.com。`,
    };
    const result = await renderLetterPdf(letter, await documentFonts());
    if (!result.ok) throw new Error('invalid fixture');
    const continued = continuedLines(printedLines(await wordBoxes(result.bytes)));
    expect(continued.length).toBeGreaterThanOrEqual(3);
    for (const line of continued) expect(Math.abs(line.right - TYPE_AREA.right), line.text).toBeLessThanOrEqual(GRID.cell / 2);
    const planned = squeeze(result.plan.pages.map((p) => p.lines.map((l) => l.text).join('') + p.pageNumber.text).join(''));
    expect(squeeze((await pdfjsPageTexts(result.bytes)).join(''))).toBe(planned);
  });
});
