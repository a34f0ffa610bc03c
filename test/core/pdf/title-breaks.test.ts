import { describe, expect, it } from 'vitest';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate } from '../../../core/letter/templates';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { documentFonts } from './fonts-fixture';
import { LONG_UNIT_NAME, longLetters } from './long-letters';
import { wordBoxes } from './word-boxes';

/** The title's lines as poppler reads them: the 22 pt words at the top of page 1, line by line. */
async function printedTitle(letter: Letter): Promise<string[]> {
  const result = await renderLetterPdf(letter, await documentFonts());
  if (!result.ok) throw new Error('invalid fixture');
  const words = (await wordBoxes(result.bytes)).filter((w) => w.page === 0 && w.yMax - w.yMin > 28);
  const lines = new Map<number, string>();
  for (const word of [...words].sort((a, b) => b.yMin - a.yMin || a.xMin - b.xMin)) {
    const y = Math.round(word.yMin);
    lines.set(y, (lines.get(y) ?? '') + word.text);
  }
  return [...lines.values()];
}

describe('titles break where the meaning does (poppler word boxes)', () => {
  it('puts the unit’s name on a line of its own when name and the rest need two lines', async () => {
    const base = letterFromTemplate('service', { year: 2026 });
    const name = '青山县临江镇人民政府社会事务办公室';
    expect(await printedTitle({ ...base, unit: { ...base.unit, name } })).toEqual([name, '2026年度政务诚信承诺书']);
  });

  it('sets a 40-character name on two even lines, the year and the rest on the third', async () => {
    const lines = await printedTitle(longLetters()['long unit name and principal title'] as Letter);
    expect(lines).toEqual([LONG_UNIT_NAME.slice(0, 20), LONG_UNIT_NAME.slice(20), '2026年度政务诚信承诺书']);
  });

  it('does the same with the person’s name on a personal letter', async () => {
    const base = letterFromTemplate('person', { year: 2026 });
    if (base.kind !== 'person') throw new Error('the person template makes a personal letter');
    const name = '阿卜杜热合曼·买买提明·艾合买提江';
    expect(await printedTitle({ ...base, person: { ...base.person, name } })).toEqual([name, '2026年度政务诚信承诺书']);
  });
});
