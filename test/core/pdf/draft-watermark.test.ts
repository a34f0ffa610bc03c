import { describe, expect, it } from 'vitest';
import { letterFromTemplate } from '../../../core/letter/templates';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { documentFonts, fixtureLetters } from './fonts-fixture';
import { pdfjsPageTexts, pdftotext, qpdfCheck, rasterise, squeeze } from './pdf-tools';

async function render(letter: unknown, draft?: boolean) {
  const result = await renderLetterPdf(letter, await documentFonts(), draft === undefined ? {} : { draft });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
}

/** Pixels a light grey mark leaves: clearly not paper, clearly not black type. */
function greyPixels(png: { data: Uint8Array }): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const v = png.data[i] ?? 0;
    if (v > 150 && v < 235) count += 1;
  }
  return count;
}

describe('the 草稿 watermark', () => {
  it('is on every page of a draft render, as text poppler and pdf.js read', async () => {
    const { bytes, plan } = await render(fixtureLetters()['long'], true);
    expect(plan.pages.length).toBeGreaterThan(1);
    const pages = await pdfjsPageTexts(bytes);
    for (const page of pages) expect(squeeze(page)).toContain('草稿');
    // poppler reads the diagonal mark letter by letter, and the margin line whole.
    const poppler = await pdftotext(bytes);
    expect(poppler.match(/草稿：未经审核批准，不能作为正式承诺书使用/g)).toHaveLength(plan.pages.length);
    expect(poppler.match(/^草$/gm)).toHaveLength(plan.pages.length);
    const check = await qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
  });

  it('is visible: a draft page has a large grey area that the approved page has not', async () => {
    const letter = letterFromTemplate('service', { year: 2026 });
    const [draft] = await rasterise((await render(letter, true)).bytes, 40);
    const [plain] = await rasterise((await render(letter, false)).bytes, 40);
    // Anti-aliased type leaves some grey too; the mark adds thousands of pixels at 40 dpi.
    expect(greyPixels(draft!) - greyPixels(plain!)).toBeGreaterThan(3000);
  });

  it('never touches the PDF review binds: without it the bytes are those of the default render', async () => {
    const letter = letterFromTemplate('duty', { year: 2026 });
    const plain = (await render(letter, false)).bytes;
    expect(Buffer.from(plain).equals(Buffer.from((await render(letter)).bytes))).toBe(true);
    expect(squeeze((await pdfjsPageTexts(plain)).join(''))).not.toContain('草稿');
  });
});
