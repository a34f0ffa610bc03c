import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MM } from '../../../core/layout/page-geometry';
import { QR_QUIET_MODULES, qrModuleCount, qrSymbolOps } from '../../../core/pdf/qr-symbol';
import { grayPages } from '../batch-print/gray-pages';
import { decodeQrIn } from './decode-qr';

const URL = 'https://credit.qingshan.example.gov.cn/public/2026/11239921003582149J';

describe('qrSymbolOps', () => {
  it('draws a symbol that decodes to its text, inside its side, with the quiet zone reported', async () => {
    const module = 0.5 * MM;
    const at = { x: 100, y: 200, module };
    const symbol = qrSymbolOps(URL, at);
    expect(symbol.side).toBeCloseTo(qrModuleCount(URL) * module, 6);
    expect(symbol.quiet).toBeCloseTo(QR_QUIET_MODULES * module, 6);
    expect(symbol.ops.at(-1)).toBe('f');
    for (const op of symbol.ops.slice(0, -1)) {
      const [x, y, w, h] = op.split(' ').slice(0, 4).map(Number) as [number, number, number, number];
      expect(op.endsWith(' re')).toBe(true);
      expect(x).toBeGreaterThanOrEqual(at.x - 0.001);
      expect(y).toBeGreaterThanOrEqual(at.y - 0.001);
      expect(x + w).toBeLessThanOrEqual(at.x + symbol.side + 0.001);
      expect(y + h).toBeLessThanOrEqual(at.y + symbol.side + 0.001);
    }

    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 400]);
    const { context } = doc;
    page.node.addContentStream(context.register(context.stream(['q', '0 g', ...symbol.ops, 'Q'].join('\n'))));
    const [image] = await grayPages(await doc.save(), 100);
    const box = { x: at.x - symbol.quiet, y: at.y - symbol.quiet, width: symbol.side + 2 * symbol.quiet, height: symbol.side + 2 * symbol.quiet };
    expect(decodeQrIn(image!, 100, box)).toBe(URL);
    // Nothing is drawn outside the symbol: the quiet zone is the caller's to keep, and ours is empty.
    const scale = 100 / 72;
    const dark = (px: number, py: number) => (image!.luminance[py * image!.width + px] ?? 255) < 128;
    let outside = 0;
    for (let py = 0; py < image!.height; py += 1) {
      for (let px = 0; px < image!.width; px += 1) {
        const x = px / scale;
        const y = (image!.height - py) / scale;
        const inside = x >= at.x - 1 && x <= at.x + symbol.side + 1 && y >= at.y - 1 && y <= at.y + symbol.side + 1;
        if (!inside && dark(px, py)) outside += 1;
      }
    }
    expect(outside).toBe(0);
  });
});
