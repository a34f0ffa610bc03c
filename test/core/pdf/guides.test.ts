import type { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { SignaturePlan } from '../../../core/layout/page-plan';
import { letterFromTemplate } from '../../../core/letter/templates';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import { documentFonts } from './fonts-fixture';
import { rasterise } from './pdf-tools';

const DPI = 100;
const SCALE = DPI / 72;

/**
 * The signing box and the seal circle are for the screen: poppler drawing the page content alone
 * (what a printer gets apart from printable annotations) finds no guide pixel in the signing
 * area, and drawing with annotations finds them, which shows that the counting sees the guides.
 */
describe('signing guides stay on the screen', () => {
  it('are not page content but are shown as annotations', async () => {
    const result = await renderLetterPdf(letterFromTemplate('key-task', { year: 2026 }), await documentFonts());
    if (!result.ok) throw new Error('render failed');
    const { signature, height } = result.plan;
    expect(signature.seal).toBeDefined();
    const [printed, shown] = await Promise.all([rasterise(result.bytes, DPI, { hideAnnotations: true }), rasterise(result.bytes, DPI)]);
    const pagePrinted = printed[signature.page] as PNG;
    const pageShown = shown[signature.page] as PNG;

    expect(boxInk(pagePrinted, signature, height)).toBe(0);
    expect(sealInk(pagePrinted, signature, height)).toBe(0);
    expect(boxInk(pageShown, signature, height)).toBeGreaterThan(100);
    expect(sealInk(pageShown, signature, height)).toBeGreaterThan(200);
  }, 60_000);
});

/** Pixels that are not white inside the signing space (its border included). */
function boxInk(png: PNG, signature: SignaturePlan, pageHeight: number): number {
  const { x, y, width, height } = signature.field;
  let ink = 0;
  forPixels(png, x - 1, pageHeight - y - height - 1, x + width + 1, pageHeight - y + 1, (r, g, b) => {
    if (r + g + b < 3 * 245) ink += 1;
  });
  return ink;
}

/** Reddish pixels around the seal's place: the guide's colour, which no text has. */
function sealInk(png: PNG, signature: SignaturePlan, pageHeight: number): number {
  const seal = signature.seal;
  if (!seal) return 0;
  let ink = 0;
  forPixels(png, seal.cx - seal.r - 2, pageHeight - seal.cy - seal.r - 2, seal.cx + seal.r + 2, pageHeight - seal.cy + seal.r + 2, (r, g, b) => {
    if (r - (g + b) / 2 > 40) ink += 1;
  });
  return ink;
}

/** Calls `visit` for every pixel in a box given in points from the page's top left. */
function forPixels(png: PNG, left: number, top: number, right: number, bottom: number, visit: (r: number, g: number, b: number) => void): void {
  for (let py = Math.max(0, Math.floor(top * SCALE)); py < Math.min(png.height, Math.ceil(bottom * SCALE)); py += 1) {
    for (let px = Math.max(0, Math.floor(left * SCALE)); px < Math.min(png.width, Math.ceil(right * SCALE)); px += 1) {
      const i = (py * png.width + px) * 4;
      visit(png.data[i] as number, png.data[i + 1] as number, png.data[i + 2] as number);
    }
  }
}
