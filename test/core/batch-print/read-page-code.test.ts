import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedMarkFont, stampPageCode } from '../../../core/batch-print/page-code-mark';
import { pageImageFromRgba, readPageCode } from '../../../core/batch-print/read-page-code';
import { grayPages } from './gray-pages';

describe('pageImageFromRgba', () => {
  it('takes the luma of each pixel, laid on white by its alpha', () => {
    const rgba = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128, 0, 255, 0, 255]);
    const image = pageImageFromRgba(rgba, 3, 2);
    expect([image.width, image.height]).toEqual([3, 2]);
    expect([...image.luminance]).toEqual([0, 255, 76, 255, 127, 150]);
  });
});

describe('readPageCode', () => {
  // Alone on an A4 page rasterised by poppler, the first is read by no strip at 150 dpi with ZXing's
  // local-threshold binariser alone, the second at 150 and 200 dpi with neither binariser at the scan's own size.
  it.each([
    ['PD1-AB9X88-146-1-2', { batchKey: 'AB9X88', letterNo: 146, page: 1 }],
    ['PD1-ZZ34PQ-68-1-2', { batchKey: 'ZZ34PQ', letterNo: 68, page: 1 }],
  ] as const)('reads %s at 100, 150 and 200 dpi (about one symbol in a hundred is as hard)', async (text, code) => {
    const doc = await PDFDocument.create();
    stampPageCode(doc.addPage([595.28, 841.89]), text, await embedMarkFont(doc));
    const bytes = await doc.save();
    for (const dpi of [100, 150, 200]) {
      const [image] = await grayPages(bytes, dpi);
      expect(readPageCode(image!), `${dpi} dpi`).toEqual({ code: { kind: 'letter', ...code, pages: 2 }, upsideDown: false });
    }
  });
});
