import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { TYPE_AREA } from '../../../core/layout/page-geometry';
import { documentFonts, fixtureLetters } from './fonts-fixture';
import { LONG_UNIT_NAME, longLetters } from './long-letters';
import { pdfjsPageTexts, squeeze } from './pdf-tools';
import { wordBoxes, type WordBox } from './word-boxes';

/** poppler rounds its boxes and adds the glyphs' side bearings; a tenth of a character is far below anything visible. */
const TOLERANCE = 1.6;

const letters = Object.entries({ ...longLetters(), ...fixtureLetters() });

async function boxesOf(letter: unknown): Promise<WordBox[]> {
  const result = await renderLetterPdf(letter, await documentFonts());
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const words = await wordBoxes(result.bytes);
  // poppler leaves out what lies off the page, pdf.js does not: both must see the same characters.
  const characters = (text: string) => [...squeeze(text)].sort().join('');
  expect(characters(words.map((w) => w.text).join(''))).toBe(characters((await pdfjsPageTexts(result.bytes)).join('')));
  return words;
}

describe('nothing outside the type area (poppler word boxes)', () => {
  it.each(letters)('%s: every word of every page lies between the left and right margins', async (_name, letter) => {
    const words = await boxesOf(letter);
    expect(words.length).toBeGreaterThan(10);
    const outside = words.filter((w) => w.xMin < TYPE_AREA.left - TOLERANCE || w.xMax > TYPE_AREA.right + TOLERANCE);
    expect(outside.map((w) => `p${w.page + 1} ${w.text} [${w.xMin.toFixed(1)}, ${w.xMax.toFixed(1)}]`)).toEqual([]);
  });

  it.each(letters)('%s: every word but the page numbers lies between the top and bottom margins', async (_name, letter) => {
    const words = (await boxesOf(letter)).filter((w) => !/^[—\d]+$/.test(w.text));
    const outside = words.filter((w) => w.yMax > TYPE_AREA.top + TOLERANCE || w.yMin < TYPE_AREA.bottom - TOLERANCE);
    expect(outside.map((w) => `p${w.page + 1} ${w.text}`)).toEqual([]);
  });

  it('keeps the whole 40-character unit name, in the header and in the signature block', async () => {
    expect([...LONG_UNIT_NAME]).toHaveLength(40);
    const letter = longLetters()['long unit name and principal title'];
    const text = squeeze((await boxesOf(letter)).map((w) => w.text).join(''));
    expect(text).toContain(`承诺单位：${LONG_UNIT_NAME}`);
    expect(text).toContain(`单位（盖章）：${LONG_UNIT_NAME}`);
  });
});
