import { describe, expect, it } from 'vitest';
import type { Letter } from '../../../core/letter/letter-schema';
import type { DocumentFonts } from '../../../core/pdf/document-fonts';
import { planLetter, renderLetterPdf } from '../../../core/pdf/render-letter';
import { renderLetterPdfs } from '../../../core/pdf/render-letters';
import { planRuns } from '../../../core/pdf/render-plan';
import { shareGlyphs } from '../../../core/pdf/shared-glyphs';
import { codePointsByFace } from '../../../core/pdf/text-document';
import { staffLetter, type StaffLetterBase } from '../../../core/staff/staff-letter';
import { documentFonts, fixtureLetters } from './fonts-fixture';
import { pdffonts, pdftotext, qpdfCheck, rasterise } from './pdf-tools';

/**
 * Several letters rendered in one run share the glyphs they all draw (core/pdf/shared-glyphs.ts).
 * Each PDF must still be the letter on its own: the same text and the same pixels as the letter
 * rendered alone, and a run of one letter exactly its bytes.
 */
const NAMES = ['赵一鸣', '钱雨桐', '孙嘉懿'];

const BASE: StaffLetterBase = {
  year: 2026,
  date: '2026-04-20',
  unit: { name: '青山县临江镇人民政府', creditCode: '11239921003582149J' },
  supervision: { phone: '0458-6123400', email: 'xinyong@linjiang.gov.cn' },
};

function staffLetters(): Letter[] {
  const person = fixtureLetters()['person'] as Extract<Letter, { kind: 'person' }>;
  return NAMES.map((name) => ({ ...person, person: { ...person.person, name }, principal: { ...person.principal, name } }));
}

async function renderRun(letters: readonly unknown[], fonts: DocumentFonts): Promise<Uint8Array[]> {
  const pdfs: Uint8Array[] = [];
  for await (const result of renderLetterPdfs(letters, fonts)) {
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
    pdfs.push(result.bytes);
  }
  return pdfs;
}

/** Counts the glyphs each subset asks HarfBuzz for. */
function countingSubsets(fonts: DocumentFonts): { fonts: DocumentFonts; glyphs: () => number } {
  let glyphs = 0;
  return {
    fonts: { ...fonts, subset: (face, codePoints) => { const points = [...codePoints]; glyphs += points.length; return fonts.subset(face, points); } },
    glyphs: () => glyphs,
  };
}

describe('letters rendered in one run', () => {
  it('draw each letter as it is drawn alone: the same text and the same pixels', async () => {
    const fonts = await documentFonts();
    const letters = staffLetters();
    const run = await renderRun(letters, fonts);
    const alone = await renderLetterPdf(letters[1], fonts);
    if (!alone.ok) throw new Error('the fixture renders');
    const middle = run[1] as Uint8Array;
    expect((await qpdfCheck(middle)).ok).toBe(true);
    const text = await pdftotext(middle);
    expect(text).toContain('钱雨桐');
    for (const other of [NAMES[0], NAMES[2]]) expect(text).not.toContain(other);
    expect(text).toBe(await pdftotext(alone.bytes));
    // Two fonts of the body face: the glyphs the three letters share, and this letter's own.
    expect(await pdffonts(middle)).toMatch(/PLEDGP\+NotoSerifSC-Regular/);
    const [ours, theirs] = await Promise.all([rasterise(middle, 100), rasterise(alone.bytes, 100)]);
    expect(ours).toHaveLength(alone.plan.pages.length);
    ours.forEach((page, i) => expect(Buffer.compare(page.data, (theirs[i] as typeof page).data), `page ${i + 1}`).toBe(0));
  }, 120_000);

  it('subset the shared glyphs once, not once per letter', async () => {
    const fonts = await documentFonts();
    const letters = staffLetters();
    const alone = countingSubsets(fonts);
    for (const letter of letters) await renderLetterPdf(letter, alone.fonts);
    const shared = countingSubsets(fonts);
    await renderRun(letters, shared.fonts);
    // Three letters alone subset the common text three times; the run subsets it once and the names apart.
    expect(shared.glyphs()).toBeLessThan(alone.glyphs() / 2);
  }, 60_000);

  it('group letters of different templates, so a window clerk shares with window clerks and an enforcement officer with officers', async () => {
    const fonts = await documentFonts();
    const members = (['window', 'enforcement', 'window', 'enforcement'] as const).map((postType, i) => ({ row: i + 2, name: ['赵一鸣', '钱雨桐', '孙嘉懿', '李思远'][i] ?? '', position: '科员', department: '', postType }));
    const letters = members.map((member) => staffLetter(BASE, member));
    const alone = countingSubsets(fonts);
    for (const letter of letters) await renderLetterPdf(letter, alone.fonts);
    const shared = countingSubsets(fonts);
    const pdfs = await renderRun(letters, shared.fonts);
    expect(shared.glyphs()).toBeLessThan(alone.glyphs() * 0.7);
    for (const pdf of pdfs) expect(await pdffonts(pdf)).toMatch(/PLEDGE\+NotoSerifSC-Regular/);
  }, 60_000);

  it('take a letter’s own glyphs from a subset of the run’s glyphs, to the same bytes as from the whole font', async () => {
    const fonts = await documentFonts();
    const face = fonts.metrics.body.faceOf(0x627f);
    const run = [...new Set([...'赵一鸣钱雨桐孙嘉懿承诺书监督电话，。（）0123456789'].map((c) => c.codePointAt(0) ?? 0))].sort((a, b) => a - b);
    const narrowed = fonts.narrowed?.(face, run);
    for (const own of ['赵一鸣', '钱雨桐，0', '懿']) {
      const points = [...own].map((c) => c.codePointAt(0) ?? 0).sort((a, b) => a - b);
      expect(Buffer.from(narrowed?.subset(face, points) ?? []).equals(Buffer.from(fonts.subset(face, points))), own).toBe(true);
    }
  }, 60_000);

  it('take each letter’s own glyphs from a font narrowed to its block of the run, to the same bytes as from the whole font', async () => {
    const fonts = await documentFonts();
    const given = [...'一鸣雨桐嘉懿思远晓峰丽华建国秀英志强海燕春梅德胜'];
    const letters = given.map((char, i) => staffLetter(BASE, { row: i + 2, name: `${'赵钱孙李周吴郑王'[i % 8] ?? ''}${char}${given[(i * 7) % given.length] ?? ''}`, position: '科员', department: '', postType: 'other' }));
    const documents = letters.map((letter) => {
      const planned = planLetter(letter, fonts);
      if (!planned.ok) throw new Error('the fixture renders');
      return codePointsByFace(planRuns(planned.plan, fonts));
    });
    const narrowings: boolean[] = [];
    const shared = shareGlyphs(documents, { ...fonts, narrowed: (face, codePoints, from) => (narrowings.push(from !== undefined), fonts.narrowed?.(face, codePoints, from) ?? fonts) });
    let compared = 0;
    for (const document of documents) {
      for (const [face, used] of document) {
        const part = shared.part(face, used);
        const own = [...used].filter((cp) => !part?.codePoints.has(cp)).sort((a, b) => a - b);
        if (own.length === 0) continue;
        expect(Buffer.from(shared.subset(face, own)).equals(Buffer.from(fonts.subset(face, own)))).toBe(true);
        compared += 1;
      }
    }
    shared.release();
    expect(compared).toBeGreaterThanOrEqual(letters.length);
    // More letters than one block holds: at least two blocks of the body face, each narrowed from the run's font.
    expect(narrowings.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    // What the run released was its own: the document fonts subset as before.
    expect(fonts.subset(fonts.metrics.body.faceOf(0x627f), [0x627f]).length).toBeGreaterThan(0);
  }, 60_000);

  it('give a run of one letter exactly the bytes of the letter rendered alone', async () => {
    const fonts = await documentFonts();
    const [letter] = staffLetters();
    const [inRun] = await renderRun([letter], fonts);
    const alone = await renderLetterPdf(letter, fonts);
    expect(alone.ok && Buffer.from(alone.bytes).equals(Buffer.from(inRun as Uint8Array))).toBe(true);
  }, 60_000);

  it('refuse an invalid letter in its place and draw the others', async () => {
    const fonts = await documentFonts();
    const [first, second] = staffLetters();
    const results = [];
    for await (const result of renderLetterPdfs([first, { format: 'pledge-letter/1' }, second], fonts)) results.push(result.ok);
    expect(results).toEqual([true, false, true]);
  }, 60_000);
});
