import { beforeAll, describe, expect, it } from 'vitest';
import type { PageImage } from '../../../core/batch-print/read-page-code';
import { MM } from '../../../core/layout/page-geometry';
import type { Letter, LetterItem } from '../../../core/letter/letter-schema';
import type { DocumentFonts } from '../../../core/pdf/document-fonts';
import { renderServiceCardsPdf, serviceCardsFromInput } from '../../../core/service-cards/service-cards-pdf';
import { ownLetter } from '../../support/letter-fixtures';
import { grayPages } from '../batch-print/gray-pages';
import { decodeQrIn } from '../pdf/decode-qr';
import { documentFonts } from '../pdf/fonts-fixture';
import { pdfjsPageBoxes, pdftotext, qpdfCheck, squeeze } from '../pdf/pdf-tools';
import { wordBoxes, type WordBox } from '../pdf/word-boxes';
import { darkPixelsIn, darkRunCentres } from './sheet-pixels';

const URL = 'https://credit.qingshan.example.gov.cn/public/2026/122399214012771583';
const A4 = { width: 210, height: 297 };
/** Where the pixels are read across the marks: 9 mm from the head and foot, 10.5 mm from the sides (the margins are 13.5 and 15 mm). */
const HEAD_MARKS = 9;
const SIDE_MARKS = 10.5;

let fonts: DocumentFonts;
beforeAll(async () => {
  fonts = await documentFonts();
});

/** The service template with `count` service items, each its own (numbered so every card differs), then two of other kinds: the key task is printed first. */
function letterWithServices(count: number): Letter {
  const base = ownLetter('service');
  const services: LetterItem[] = Array.from({ length: count }, (_, i) => ({
    category: 'service',
    content: `第${i + 1}号服务：${(base.items[i % base.items.length] as LetterItem).content}`,
    deadline: `受理后${i + 2}个工作日`,
    owner: `${i + 1}号综合受理窗口`,
  }));
  const others: LetterItem[] = [
    { category: 'duty', content: '严格落实首问负责制和限时办结制。' },
    { category: 'key-task', content: '年底前完成政务服务中心改造。' },
  ];
  return { ...base, items: [...services, ...others] };
}

interface Cut {
  /** Vertical cut lines, in mm from the left; horizontal ones, in mm from the top. */
  readonly xs: number[];
  readonly ys: number[];
}

/** The cut lines of a sheet, from its crop marks' pixels in the head margin and the left margin. */
function cutLines(image: PageImage, dpi: number): Cut {
  return { xs: darkRunCentres(image, dpi, 'row', HEAD_MARKS), ys: darkRunCentres(image, dpi, 'column', SIDE_MARKS) };
}

/** The card boxes the cut lines make, in points from the bottom left, in reading order. */
function cardBoxesOf(cut: Cut) {
  const boxes: { x: number; y: number; width: number; height: number }[] = [];
  for (let row = 0; row + 1 < cut.ys.length; row += 1) {
    for (let column = 0; column + 1 < cut.xs.length; column += 1) {
      const left = cut.xs[column] as number;
      const top = cut.ys[row] as number;
      boxes.push({ x: left * MM, y: (A4.height - (cut.ys[row + 1] as number)) * MM, width: ((cut.xs[column + 1] as number) - left) * MM, height: ((cut.ys[row + 1] as number) - top) * MM });
    }
  }
  return boxes;
}

function wordsIn(words: readonly WordBox[], page: number, box: { x: number; y: number; width: number; height: number }): WordBox[] {
  return words.filter((w) => w.page === page && w.xMin >= box.x && w.xMax <= box.x + box.width && w.yMin >= box.y && w.yMax <= box.y + box.height);
}

describe('renderServiceCardsPdf', () => {
  const letter = letterWithServices(11);
  let bytes: Uint8Array;
  let pages300: PageImage[];
  let words: WordBox[];

  beforeAll(async () => {
    const result = await renderServiceCardsPdf(letter, fonts, { url: URL });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect([result.cards, result.sheets]).toEqual([11, 2]);
    bytes = result.bytes;
    [pages300, words] = await Promise.all([grayPages(bytes, 300), wordBoxes(bytes)]);
  }, 120_000);

  it('is a well-formed PDF of two A4 portrait sheets for eleven service items', async () => {
    const check = await qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
    const boxes = await pdfjsPageBoxes(bytes);
    expect(boxes).toHaveLength(2);
    for (const box of boxes) {
      expect((box[2] as number) / MM).toBeCloseTo(A4.width, 1);
      expect((box[3] as number) / MM).toBeCloseTo(A4.height, 1);
    }
  });

  it('has crop marks on every cut line in the margins, 90 × 54 mm apart, and none over a card', () => {
    for (const image of pages300) {
      const cut = cutLines(image, 300);
      expect(cut.xs).toHaveLength(3);
      expect(cut.ys).toHaveLength(6);
      for (let i = 1; i < cut.xs.length; i += 1) expect(Math.abs((cut.xs[i] as number) - (cut.xs[i - 1] as number) - 90)).toBeLessThan(0.2);
      for (let i = 1; i < cut.ys.length; i += 1) expect(Math.abs((cut.ys[i] as number) - (cut.ys[i - 1] as number) - 54)).toBeLessThan(0.2);
      // The foot and right margins carry the same marks.
      expect(darkRunCentres(image, 300, 'row', A4.height - HEAD_MARKS).map(Math.round)).toEqual(cut.xs.map(Math.round));
      expect(darkRunCentres(image, 300, 'column', A4.width - SIDE_MARKS).map(Math.round)).toEqual(cut.ys.map(Math.round));
      // Along each cut, just inside the cards (1.5 mm either side of the line, the marks' own 2 mm gap short of them): no ink.
      const band = 1.5 * MM;
      const top = (A4.height - (cut.ys[0] as number)) * MM;
      const bottom = (A4.height - (cut.ys.at(-1) as number)) * MM;
      const left = (cut.xs[0] as number) * MM;
      const right = (cut.xs.at(-1) as number) * MM;
      for (const x of cut.xs) expect(darkPixelsIn(image, 300, { x: x * MM - band, y: bottom, width: 2 * band, height: top - bottom })).toBe(0);
      for (const y of cut.ys) expect(darkPixelsIn(image, 300, { x: left, y: (A4.height - y) * MM - band, width: right - left, height: 2 * band })).toBe(0);
    }
  });

  it('puts ten cards on the first sheet and one on the second, each with all its text inside its box', () => {
    const expected = (item: LetterItem) => [letter.unit.name, '政务承诺服务卡', item.content, `办结时限：${item.deadline}`, `责任窗口/责任人：${item.owner}`, `监督电话：${letter.supervision.phone}`, '政务服务便民热线：12345', '扫码查看承诺书'];
    const services = letter.items.filter((item) => item.category === 'service');
    const placed = new Set<WordBox>();
    pages300.forEach((image, page) => {
      const boxes = cardBoxesOf(cutLines(image, 300));
      expect(boxes).toHaveLength(10);
      boxes.forEach((box, i) => {
        const service = services[page * 10 + i];
        const inside = wordsIn(words, page, box);
        inside.forEach((w) => placed.add(w));
        if (!service) {
          expect(inside).toEqual([]);
          return;
        }
        const text = squeeze(inside.map((w) => w.text).join(''));
        for (const part of expected(service)) expect(text, `sheet ${page + 1} card ${i + 1}`).toContain(squeeze(part));
      });
    });
    // No word stands outside a card or across a cut.
    expect(words.filter((w) => !placed.has(w)).map((w) => w.text)).toEqual([]);
  });

  it('prints on each card a QR code that decodes from the rasterised sheet to exactly the address', async () => {
    const pages150 = await grayPages(bytes, 150);
    const decoded = pages150.flatMap((image, page) => cardBoxesOf(cutLines(pages300[page] as PageImage, 300)).map((box) => decodeQrIn(image, 150, box)));
    expect(decoded.filter((text) => text !== undefined)).toEqual(Array.from({ length: 11 }, () => URL));
  }, 60_000);

  it('gives the same bytes for the same letter and address', async () => {
    const again = await renderServiceCardsPdf(letter, fonts, { url: URL });
    expect(again.ok && Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('renderServiceCardsPdf without an address', () => {
  it('makes the cards with no QR code and no caption', async () => {
    const result = await renderServiceCardsPdf(letterWithServices(3), fonts);
    if (!result.ok) throw new Error('refused');
    const text = squeeze(await pdftotext(result.bytes));
    expect(text).toContain('第3号服务');
    expect(text).not.toContain('扫码查看承诺书');
    const [image] = await grayPages(result.bytes, 150);
    expect(decodeQrIn(image!, 150, { x: 0, y: 0, width: A4.width * MM, height: A4.height * MM })).toBeUndefined();
  });
});

describe('what cannot be made into cards', () => {
  it('refuses a letter without service items, naming the category', async () => {
    const result = await renderServiceCardsPdf(ownLetter('contract'), fonts, { url: URL });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ path: 'items', severity: 'error' });
    expect(result.problems[0]?.message).toContain('政务服务事项承诺');
  });

  it('shrinks a long service to fit, every word kept, and refuses one too long at the legible minimum, naming it by its printed number', async () => {
    const base = letterWithServices(2);
    const long = '申请人通过线上平台或线下窗口提交申请材料，材料齐全、符合法定形式的，当场受理并出具受理通知书；需要现场核查的，自受理之日起3个工作日内完成核查。';
    const fits = await renderServiceCardsPdf({ ...base, items: base.items.map((item, i) => (i === 0 ? { ...item, content: long } : item)) }, fonts, { url: URL });
    expect(fits.ok).toBe(true);
    if (fits.ok) expect(squeeze(await pdftotext(fits.bytes))).toContain(squeeze(long));

    // Stored second, printed third: the key task stored last is printed first.
    const tooLong = long.repeat(4).slice(0, 480);
    const refused = await renderServiceCardsPdf({ ...base, items: base.items.map((item, i) => (i === 1 ? { ...item, content: tooLong } : item)) }, fonts, { url: URL });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map((p) => [p.path, p.message])).toEqual([['items[1].content', expect.stringContaining('第 3 项承诺事项在服务卡上用最小字号（7 磅）也排不下')]]);
  });

  it('refuses a unit name that does not fit two lines of the card head, once', async () => {
    const letter = { ...letterWithServices(2), unit: { ...ownLetter('service').unit, name: '青山县'.repeat(25) } };
    const result = await renderServiceCardsPdf(letter, fonts, { url: URL });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['unit.name']);
  });

  it('refuses an address too long for a QR code a phone can read on a card', async () => {
    const result = await renderServiceCardsPdf(letterWithServices(1), fonts, { url: `${URL}?${'x'.repeat(400)}` });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['url']);
  });
});

describe('serviceCardsFromInput', () => {
  it('checks the letter as pledge render does', async () => {
    const result = await serviceCardsFromInput({ ...letterWithServices(1), date: '2026-13-01' }, fonts);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['date']);
  });

  it('never prints a personal ID number, even on a person letter with a service item', async () => {
    const person = ownLetter('person');
    const id = '11010519491231002X';
    if (person.kind !== 'person') throw new Error('not a person letter');
    const letter = { ...person, person: { ...person.person, idNumber: id }, items: [...person.items, { category: 'service' as const, content: '群众来办事，首问负责、一次讲清。', owner: person.person.name }] };
    const result = await serviceCardsFromInput(letter, fonts, { url: URL });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const text = await pdftotext(result.bytes);
    expect(squeeze(text)).toContain('首问负责、一次讲清');
    expect(text).not.toContain(id);
    expect(text).not.toContain(id.slice(6, 14));
  });
});
