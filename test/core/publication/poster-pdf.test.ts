import { describe, expect, it } from 'vitest';
import { itemText } from '../../../core/layout/letter-blocks';
import { MM } from '../../../core/layout/page-geometry';
import { printOrder } from '../../../core/letter/item-numbers';
import type { Letter, LetterItem } from '../../../core/letter/letter-schema';
import { qrModuleCount } from '../../../core/pdf/qr-symbol';
import { layoutPoster } from '../../../core/publication/poster-layout';
import { renderPosterPdf } from '../../../core/publication/poster-pdf';
import { publicLetter } from '../../../core/publication/public-letter';
import { loadNodeDocumentFonts } from '../../../node/fonts/node-document-fonts';
import { grayPages } from '../batch-print/gray-pages';
import { decodeQrIn } from '../pdf/decode-qr';
import { pdfjsPageBoxes, pdftotext, qpdfCheck, squeeze } from '../pdf/pdf-tools';
import { ownLetter } from '../../support/letter-fixtures';

const fonts = await loadNodeDocumentFonts();
const ADDRESS = 'https://credit.example.gov.cn/pledge/public/2026/122399214012771583';
const DPI = 150;

function withItems(letter: Letter, items: LetterItem[]): Letter {
  return { ...letter, items };
}

/** The QR symbol of a plan with its quiet zone, in points: where the decoder is to look. */
function qrBox(plan: ReturnType<typeof layoutPoster>, address: string) {
  const quiet = 4 * plan.qr.module;
  const side = qrModuleCount(address) * plan.qr.module + 2 * quiet;
  return { x: plan.qr.x - quiet, y: plan.qr.y - quiet, width: side, height: side };
}

describe('the service-hall poster', { timeout: 60_000 }, () => {
  it('is one A3 page by default size that qpdf accepts, with the title, unit, every item, the phone, 12345 and the address as text, and a QR code that decodes to the address', async () => {
    const letter = publicLetter(ownLetter('service'));
    const { bytes, plan } = await renderPosterPdf({ letter, address: ADDRESS, size: 'a3' }, fonts);
    expect((await qpdfCheck(bytes)).ok).toBe(true);
    const [box] = await pdfjsPageBoxes(bytes);
    expect(box?.map(Math.round)).toEqual([0, 0, Math.round(297 * MM), Math.round(420 * MM)]);

    const text = squeeze(await pdftotext(bytes));
    expect(plan.fit.kind).toBe('full');
    expect(text).toContain(squeeze(letter.unit.name));
    expect(text).toContain('监督电话');
    expect(text).toContain(squeeze(letter.supervision.phone));
    expect(text).toContain('12345');
    printOrder(letter.items).forEach((index, position) => expect(text).toContain(squeeze(itemText(letter.items[index]!, position + 1, letter.kind))));
    expect(text).toContain(ADDRESS);

    const [image] = await grayPages(bytes, DPI);
    expect(decodeQrIn(image!, DPI, qrBox(plan, ADDRESS))).toBe(ADDRESS);
  });

  it('is A4 when asked, and its QR code still decodes', async () => {
    const letter = publicLetter(ownLetter('key-task'));
    const address = 'https://credit.example.gov.cn/public/letters/23012120260420000001';
    const { bytes, plan } = await renderPosterPdf({ letter, address, size: 'a4' }, fonts);
    const [box] = await pdfjsPageBoxes(bytes);
    expect(box?.map(Math.round)).toEqual([0, 0, Math.round(210 * MM), Math.round(297 * MM)]);
    const [image] = await grayPages(bytes, DPI);
    expect(decodeQrIn(image!, DPI, qrBox(plan, address))).toBe(address);
  });

  it('sets long items smaller, then summarises each to one line with a note, never dropping one', async () => {
    const base = ownLetter('service');
    const sentence = '受理后五个工作日内办结，材料齐全的当场办结，不让群众跑第二次，办理进度全程可查询，超时未办结的由分管负责人督办。';
    const long = withItems(base, Array.from({ length: 16 }, (_, i) => ({ category: 'service' as const, content: `第${i + 1}项服务：${sentence.repeat(3)}` })));
    const plan = layoutPoster({ letter: publicLetter(long), address: ADDRESS, size: 'a4' }, fonts.metrics);
    expect(plan.fit.kind).toBe('summary');
    const lines = plan.lines.map((line) => line.text);
    for (let n = 1; n <= 16; n += 1) expect(lines.some((line) => line.startsWith(`${n}.第${n}项服务`))).toBe(true);
    expect(lines.join('')).toContain('全文以承诺书为准');

    const short = withItems(base, base.items.slice(0, 2));
    expect(layoutPoster({ letter: publicLetter(short), address: ADDRESS, size: 'a4' }, fonts.metrics).fit).toEqual({ kind: 'full', itemSize: 20 });
  });

  it('names the items it cannot fit at all', () => {
    const base = ownLetter('service');
    const many = withItems(base, Array.from({ length: 200 }, (_, i) => ({ category: 'service' as const, content: `服务事项${i + 1}按时办结` })));
    const plan = layoutPoster({ letter: publicLetter(many), address: ADDRESS, size: 'a4' }, fonts.metrics);
    expect(plan.fit.kind).toBe('partial');
    const shown = plan.fit.kind === 'partial' ? plan.fit.shown : 0;
    const text = plan.lines.map((line) => line.text).join('\n');
    expect(text).toContain(`${shown}.服务事项${shown}按时办结`);
    expect(text).not.toContain(`${shown + 1}.服务事项`);
    expect(text).toContain(`第 ${shown + 1} 至 200 项因篇幅所限未能列入本海报`);
    // Every line stays above the foot and inside the page.
    for (const run of plan.lines.flatMap((line) => line.runs)) expect(run.y).toBeGreaterThan(0);
  });
});
