import type { PageImage } from '../../../core/batch-print/read-page-code';
import { MM } from '../../../core/layout/page-geometry';

/**
 * Reading a rasterised card sheet back as a cutter would: where the crop marks stand, measured
 * from the pixels alone (nothing of core/service-cards is consulted).
 */

/** Darkness of a pixel, 0 (white) to 255 (black). */
function ink(image: PageImage, x: number, y: number): number {
  return 255 - (image.luminance[y * image.width + x] ?? 255);
}

/**
 * The centres, in mm from the left (`row`) or from the top (`column`), of the dark runs met along
 * one pixel row or column at `at` mm from the page's top or left; each centre weighted by darkness,
 * so a hairline drawn between pixels is still placed to a small part of a pixel.
 */
export function darkRunCentres(image: PageImage, dpi: number, along: 'row' | 'column', at: number): number[] {
  const pxPerMm = dpi / 25.4;
  const fixed = Math.round(at * pxPerMm);
  const length = along === 'row' ? image.width : image.height;
  const value = (i: number) => (along === 'row' ? ink(image, i, fixed) : ink(image, fixed, i));
  const centres: number[] = [];
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i <= length; i += 1) {
    const v = i < length ? value(i) : 0;
    if (v > 40) {
      sum += v;
      weighted += v * (i + 0.5);
    } else if (sum > 0) {
      centres.push(weighted / sum / pxPerMm);
      sum = 0;
      weighted = 0;
    }
  }
  return centres;
}

/** How many pixels darker than mid-grey lie in a box given in points from the page's bottom left. */
export function darkPixelsIn(image: PageImage, dpi: number, box: { x: number; y: number; width: number; height: number }): number {
  const scale = dpi / 72;
  const x0 = Math.max(0, Math.floor(box.x * scale));
  const x1 = Math.min(image.width, Math.ceil((box.x + box.width) * scale));
  const y0 = Math.max(0, Math.floor(image.height - (box.y + box.height) * scale));
  const y1 = Math.min(image.height, Math.ceil(image.height - box.y * scale));
  let count = 0;
  for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) if (ink(image, x, y) > 128) count += 1;
  return count;
}

export const mm = (points: number) => points / MM;
