import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { batchKeyOf, encodePageCode } from '../../../core/batch-print/page-code';
import { buildPrintFile } from '../../../core/batch-print/print-file';
import { documentFonts } from '../pdf/fonts-fixture';
import { pdfinfoPages, pdfjsPageTexts, qpdfCheck, squeeze } from '../pdf/pdf-tools';
import { BATCH_ID, printFile, printLetters, TITLE, UNIT } from './print-fixtures';

// Rendering the fixture letters and reading the file back with three tools takes a while on a shared machine.
describe('buildPrintFile', { timeout: 60_000 }, () => {
  it('is a valid PDF of the cover, every letter in full and the blank pages between, as pdf.js and poppler count it', async () => {
    const letters = await printLetters();
    const file = await printFile();
    const check = await qpdfCheck(file.bytes);
    expect(check.ok, check.output).toBe(true);
    const counts = await Promise.all(letters.map(async (letter) => (await PDFDocument.load(letter.pdf)).getPageCount()));
    expect(counts[1]).toBe(1);
    // Cover, a blank after it, the letters, and a blank after each odd letter but the last.
    const expected = 1 + 1 + counts.reduce((a, b) => a + b, 0) + counts.slice(0, -1).filter((n) => n % 2 === 1).length;
    expect(file.pages).toHaveLength(expected);
    expect(await pdfinfoPages(file.bytes)).toBe(expected);
    expect(await pdfjsPageTexts(file.bytes)).toHaveLength(expected);
  });

  it('lists every letter on the cover with its pages, and starts each letter on an odd page', async () => {
    const letters = await printLetters();
    const file = await printFile();
    const texts = (await pdfjsPageTexts(file.bytes)).map(squeeze);
    const cover = texts[0] ?? '';
    expect(cover).toContain(`${TITLE}签字清单`);
    expect(cover).toContain(UNIT);
    for (const column of ['序号', '姓名', '职务', '科室', '页码', '签字确认']) expect(cover).toContain(column);
    expect(file.letters.map((letter) => letter.key)).toEqual(letters.map((letter) => letter.key));
    for (const [i, printed] of file.letters.entries()) {
      const letter = letters[i]!;
      expect(cover).toContain(letter.name);
      expect(printed.firstPage % 2, letter.name).toBe(1);
      const range = printed.pages === 1 ? `${printed.firstPage}` : `${printed.firstPage}-${printed.firstPage + printed.pages - 1}`;
      expect(cover).toContain(`${letter.name}`);
      expect(cover).toContain(range);
      // The letter's own first page is the one there: its text, as the approved PDF has it.
      const own = (await pdfjsPageTexts(letter.pdf)).map(squeeze);
      own.forEach((text, page) => expect(texts[printed.firstPage - 1 + page]).toContain(text));
    }
  });

  it('prints each page its own code, readable as text, and 此页无正文 on the inserted blank pages', async () => {
    const file = await printFile();
    const counts = await Promise.all((await printLetters()).map(async (letter) => (await PDFDocument.load(letter.pdf)).getPageCount()));
    const texts = (await pdfjsPageTexts(file.bytes)).map(squeeze);
    expect(file.batchKey).toBe(batchKeyOf(BATCH_ID));
    file.pages.forEach((code, i) => {
      expect(texts[i]).toContain(encodePageCode(code));
      // No page carries another page's code.
      expect(texts[i]?.match(/PD1-[0-9A-Z-]+/g)).toEqual([encodePageCode(code)]);
      if (code.kind === 'blank') expect(texts[i]).toBe(`此页无正文${encodePageCode(code)}`);
    });
    expect(file.pages.filter((code) => code.kind === 'blank').map((code) => (code.kind === 'blank' ? code.after : -1))).toEqual([
      0,
      ...counts.flatMap((n, i) => (n % 2 === 1 && i < counts.length - 1 ? [i + 1] : [])),
    ]);
  });

  it('gives the same bytes for the same letters and leaves the approved PDFs as they were', async () => {
    const letters = await printLetters();
    const before = letters.map((letter) => letter.pdf.slice());
    const again = await buildPrintFile({ batchId: BATCH_ID, title: TITLE, unitName: UNIT, letters }, await documentFonts());
    expect(Buffer.from(again.bytes).equals(Buffer.from((await printFile()).bytes))).toBe(true);
    letters.forEach((letter, i) => expect(Buffer.from(letter.pdf).equals(Buffer.from(before[i]!))).toBe(true));
  });

  it('runs the cover over as many pages as it needs, keeping the first letter on an odd page', async () => {
    const [one] = await printLetters();
    const letters = Array.from({ length: 23 }, (_, i) => ({ ...one!, key: `draft-${i}`, name: `职员${String.fromCodePoint(0x4e00 + i)}` }));
    const file = await buildPrintFile({ batchId: 'batch-23', title: TITLE, unitName: UNIT, letters }, await documentFonts());
    const texts = (await pdfjsPageTexts(file.bytes)).map(squeeze);
    expect(file.pages.slice(0, 2).map(encodePageCode)).toEqual([`PD1-${file.batchKey}-C-1-2`, `PD1-${file.batchKey}-C-2-2`]);
    expect(file.letters[0]?.firstPage).toBe(3);
    for (const letter of letters.slice(0, 20)) expect(texts[0]).toContain(letter.name);
    for (const letter of letters.slice(20)) expect(texts[1]).toContain(letter.name);
  });

  it('refuses a batch without letters', async () => {
    await expect(buildPrintFile({ batchId: BATCH_ID, title: TITLE, unitName: UNIT, letters: [] }, await documentFonts())).rejects.toThrow();
  });
});
