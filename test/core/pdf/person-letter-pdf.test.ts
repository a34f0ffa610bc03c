import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { idNumberCheckCharacter } from '../../../core/staff/id-number';
import { OWN_UNIT, ownLetter } from '../../support/letter-fixtures';
import { documentFonts } from './fonts-fixture';
import { pdftotext, squeeze } from './pdf-tools';

// Invented: digits chosen to share no run of six with the letter's code, phone, year or dates.
const ID_NUMBER = `37082719870614583${idNumberCheckCharacter('37082719870614583')}`;

describe('a personal letter’s PDF', () => {
  it('shows the name, 职务 and 科室 and never the ID number, as poppler reads it', async () => {
    const own = ownLetter('person');
    const letter = { ...own, person: { name: OWN_UNIT.person, position: '综合行政执法队执法队员', department: '综合行政执法队', postType: 'enforcement', idNumber: ID_NUMBER } };
    const result = await renderLetterPdf(letter, await documentFonts());
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const text = squeeze(await pdftotext(result.bytes));
    expect(text).toContain(`承诺人：${OWN_UNIT.person}`);
    expect(text).toContain('职务：综合行政执法队执法队员');
    expect(text).toContain('科室：综合行政执法队');
    // poppler reads digit runs: the unit's code is there, so the absence of the ID number means something.
    expect(text).toContain(OWN_UNIT.creditCode);
    for (let start = 0; start + 6 <= ID_NUMBER.length; start += 1) expect(text).not.toContain(ID_NUMBER.slice(start, start + 6));
    expect(Buffer.from(result.bytes).includes(ID_NUMBER.slice(0, 12))).toBe(false);
  });

  it('has no 科室 line when the letter names none', async () => {
    const result = await renderLetterPdf(ownLetter('person'), await documentFonts());
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(squeeze(await pdftotext(result.bytes))).not.toContain('科室：');
  });
});
