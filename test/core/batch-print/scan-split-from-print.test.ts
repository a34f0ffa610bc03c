import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractLetterPdf, letterImages } from '../../../core/batch-print/extract-letter-scan';
import { encodePageCode } from '../../../core/batch-print/page-code';
import { markBox } from '../../../core/batch-print/page-code-mark';
import { buildPrintFile } from '../../../core/batch-print/print-file';
import { readPageCode, readScanPage, type PageImage } from '../../../core/batch-print/read-page-code';
import { splitScan } from '../../../core/batch-print/split-scan';
import { documentFonts } from '../pdf/fonts-fixture';
import { pdfjsPageTexts, squeeze } from '../pdf/pdf-tools';
import { emptyPage, grayPages, upsideDown, whiteOut } from './gray-pages';
import { printFile, printLetters, TITLE, UNIT } from './print-fixtures';

/** A scan at 100 dpi, below the 150 dpi the app renders a scan PDF at: the codes must hold up there. */
const DPI = 100;

// Rasterising the print file and decoding every page takes a few seconds on a shared machine.
describe('splitting a scan of the printed batch', { timeout: 120_000 }, () => {
  it('reads every page code of the print file off its pages, and tells a sheet with no ink from them', async () => {
    const file = await printFile();
    const images = await grayPages(file.bytes, DPI);
    expect(images.map((image) => readScanPage(image))).toEqual(file.pages.map((code) => ({ kind: 'code', code, upsideDown: false })));
    expect(readPageCode(upsideDown(images[2]!))).toEqual({ code: file.pages[2], upsideDown: true });
    expect(readScanPage(emptyPage(images[0]!.width, images[0]!.height))).toEqual({ kind: 'empty' });
  });

  it('gives each letter its pages from a shuffled stack with a page upside down, an empty page, another batch and a covered code', async () => {
    const file = await printFile();
    const letters = await printLetters();
    const images = await grayPages(file.bytes, DPI);
    const other = await buildPrintFile({ batchId: 'another-batch', title: TITLE, unitName: UNIT, letters: letters.slice(1, 2) }, await documentFonts());
    const otherImages = await grayPages(other.bytes, DPI);
    const [one, two, three, four] = file.letters.map((letter) => Array.from({ length: letter.pages }, (_, p) => letter.firstPage - 1 + p));
    expect(three!.length).toBeGreaterThanOrEqual(3);

    const pageOf = (fileIndex: number): PageImage => images[fileIndex]!;
    const covered = (fileIndex: number) => whiteOut(pageOf(fileIndex), DPI, markBox(encodePageCode(file.pages[fileIndex]!)));
    // Letters out of order, the cover in the middle, blank pages left out as a clerk might; letter 3's page 2 has its code covered
    // (its neighbours agree: presumed), and so has letter 1's first page, scanned after another letter's last (not guessed).
    const scan: { image: PageImage; is: string }[] = [
      ...four!.map((i) => ({ image: pageOf(i), is: `4/${i}` })),
      { image: covered(one![0]!), is: 'covered 1/1' },
      ...one!.slice(1).map((i) => ({ image: pageOf(i), is: `1/${i}` })),
      { image: pageOf(0), is: 'cover' },
      { image: pageOf(three![0]!), is: '3/1' },
      { image: covered(three![1]!), is: 'covered 3/2' },
      ...three!.slice(2).map((i, n) => ({ image: n === 0 ? upsideDown(pageOf(i)) : pageOf(i), is: `3/${i}` })),
      { image: emptyPage(images[0]!.width, images[0]!.height), is: 'empty' },
      { image: otherImages[2]!, is: 'other batch' },
      ...two!.map((i) => ({ image: pageOf(i), is: `2/${i}` })),
      { image: pageOf(four![0]!), is: 'again 4/1' },
    ];
    const readings = scan.map((page) => readScanPage(page.image));
    expect(readings.filter((reading) => reading.kind === 'unreadable')).toHaveLength(2);

    const split = splitScan({ batchKey: file.batchKey, letters: file.letters.map(({ key, pages }) => ({ key, pages })) }, readings);
    const at = (is: string) => scan.findIndex((page) => page.is === is);
    const expectMatched = (n: number, indices: readonly number[], presumed: readonly boolean[] = indices.map(() => false)) =>
      expect(split.letters[n]?.matched.map((m) => [m.scanIndex, m.presumed])).toEqual(indices.map((scanIndex, i) => [scanIndex, presumed[i]]));

    expect(split.letters.map((letter) => letter.key)).toEqual(letters.map((letter) => letter.key));
    expectMatched(0, one!.slice(1).map((i) => at(`1/${i}`)));
    expect(split.letters[0]?.missing).toEqual([1]);
    expectMatched(1, two!.map((i) => at(`2/${i}`)));
    expectMatched(2, [at('3/1'), at('covered 3/2'), ...three!.slice(2).map((i) => at(`3/${i}`))], three!.map((_, p) => p === 1));
    expect(split.letters[2]?.matched.map((m) => m.upsideDown)).toEqual(three!.map((_, p) => p === 2));
    expectMatched(3, four!.map((i) => at(`4/${i}`)));
    expect(split.letters.map((letter) => letter.missing.length)).toEqual([1, 0, 0, 0]);
    expect(split.setAside).toEqual(
      [
        { scanIndex: at('covered 1/1'), reason: 'unreadable' },
        { scanIndex: at('cover'), reason: 'cover' },
        { scanIndex: at('empty'), reason: 'empty' },
        { scanIndex: at('other batch'), reason: 'other-batch' },
        { scanIndex: at('again 4/1'), reason: 'duplicate' },
      ].sort((a, b) => a.scanIndex - b.scanIndex),
    );
  });

  it("cuts a letter's signed copy out of the scan PDF in its page order, turning an upside-down page upright", async () => {
    const file = await printFile();
    const letters = await printLetters();
    const printed = file.letters[0]!;
    // The print file stands in for the scan PDF: its pages are the letter's, in print order.
    const pages = Array.from({ length: printed.pages }, (_, p) => ({ scanIndex: printed.firstPage - 1 + p, upsideDown: p === 1 }));
    const copy = await extractLetterPdf(file.bytes, pages);
    const texts = (await pdfjsPageTexts(copy)).map(squeeze);
    const own = (await pdfjsPageTexts(letters[0]!.pdf)).map(squeeze);
    expect(texts).toHaveLength(own.length);
    own.forEach((text, p) => expect(texts[p]).toContain(text));
    expect((await PDFDocument.load(copy)).getPages().map((page) => page.getRotation().angle)).toEqual(pages.map((page) => (page.upsideDown ? 180 : 0)));
    expect(Buffer.from(await extractLetterPdf(file.bytes, pages)).equals(Buffer.from(copy))).toBe(true);
    expect(letterImages(['a.png', 'b.png', 'c.png'], [{ scanIndex: 2, upsideDown: false }, { scanIndex: 0, upsideDown: true }])).toEqual([
      { image: 'c.png', rotation: 0 },
      { image: 'a.png', rotation: 180 },
    ]);
  });
});
