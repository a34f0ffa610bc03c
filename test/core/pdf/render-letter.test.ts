import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { readNodeDocumentFonts } from '../../../node/fonts/node-document-fonts';
import { letterFromTemplate } from '../../../core/letter/templates';
import { MM } from '../../../core/layout/page-geometry';
import { documentFonts, fixtureLetters } from './fonts-fixture';
import { pdffonts, pdfjsInfo, pdfjsPageBoxes, pdfjsPageTexts, qpdfCheck, squeeze } from './pdf-tools';

const fixtures = Object.entries(fixtureLetters());

async function render(letter: unknown) {
  const result = await renderLetterPdf(letter, await documentFonts());
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result;
}

describe('renderLetterPdf', () => {
  it.each(fixtures)('%s passes qpdf --check with no warnings', async (_name, letter) => {
    const check = await qpdfCheck((await render(letter)).bytes);
    expect(check.ok, check.output).toBe(true);
  });

  it.each(fixtures)('%s has A4 pages and embedded subset fonts', async (_name, letter) => {
    const { bytes, plan } = await render(letter);
    const boxes = await pdfjsPageBoxes(bytes);
    expect(boxes).toHaveLength(plan.pages.length);
    for (const [x0, y0, x1, y1] of boxes) {
      expect([x0, y0]).toEqual([0, 0]);
      expect((x1 ?? 0) / MM).toBeCloseTo(210, 1);
      expect((y1 ?? 0) / MM).toBeCloseTo(297, 1);
    }
    const fontLines = (await pdffonts(bytes)).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fontLines.length).toBeGreaterThan(0);
    for (const line of fontLines) expect(line).toMatch(/^PLEDGE\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it.each(fixtures)('%s: pdf.js extracts the letter’s text, page by page, in reading order', async (_name, letter) => {
    const { bytes, plan } = await render(letter);
    const pages = await pdfjsPageTexts(bytes);
    const expected = plan.pages.map((page) => squeeze(page.lines.map((l) => l.text).join('') + page.pageNumber.text));
    expect(pages.map(squeeze)).toEqual(expected);
  });

  it('pdf.js finds every field of the letter in document order', async () => {
    const letter = letterFromTemplate('policy', { year: 2026 });
    // Page numbers fall wherever a page ends, so they are taken out before searching.
    const text = squeeze((await pdfjsPageTexts((await render(letter)).bytes)).join('')).replace(/—\d+—/g, '');
    const fields = [letter.unit.name, letter.unit.creditCode, ...(letter.statement ? [letter.statement] : []), ...letter.items.map((i) => i.content), letter.closing ?? '', letter.supervision.phone, letter.supervision.email ?? '', letter.supervision.hotline, '2026年4月20日'];
    let from = 0;
    for (const field of fields.map(squeeze)) {
      const at = text.indexOf(field, from);
      expect(at, `${field} after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + field.length;
    }
  });

  it('gives byte-identical output for the same letter, across font loads', async () => {
    const letter = fixtureLetters()['long'];
    const first = (await render(letter)).bytes;
    const again = (await render(letter)).bytes;
    const fresh = await readNodeDocumentFonts();
    const third = await renderLetterPdf(letter, fresh);
    const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(hash(again)).toBe(hash(first));
    expect(third.ok && hash(third.bytes)).toBe(hash(first));
  });

  it('takes the PDF dates from the letter, not the clock', async () => {
    const bytes = (await render({ ...letterFromTemplate('duty', { year: 2026 }), date: '2026-03-15' })).bytes;
    const info = await pdfjsInfo(bytes);
    expect(info['CreationDate']).toBe('D:20260315000000Z');
    expect(info['ModDate']).toBe('D:20260315000000Z');
    expect(info['Title']).toBe('青山县市场监督管理局2026年度政务诚信承诺书');
    expect(info['Author']).toBe('青山县市场监督管理局');
  });

  it('stops with a message naming the character and its field when no font has it', async () => {
    const letter = letterFromTemplate('service', { year: 2026 });
    const result = await renderLetterPdf({ ...letter, items: [...letter.items, { category: 'service', content: '为𠀀村办理户籍迁移😀' }] }, await documentFonts());
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['items[4].content', 'coverage.missing'],
      ['items[4].content', 'coverage.missing'],
    ]);
    expect(problems[0]?.message).toContain('𠀀');
    expect(problems[1]?.message).toContain('U+1F600');
  });

  it('refuses an invalid letter with the validation problems', async () => {
    const result = await renderLetterPdf({ ...letterFromTemplate('service', { year: 2026 }), date: '2026-02-30' }, await documentFonts());
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['date']);
  });
});
