import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import type { PageImage } from '../../../core/batch-print/read-page-code';

/** A box in points from the page's bottom left, as on the PDF page. */
export interface PointBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The text of the one QR symbol inside `box` of a page rasterised at `dpi`, read by ZXing (not by
 * our page-code reader, which only accepts page codes); undefined when none is read.
 */
export function decodeQrIn(image: PageImage, dpi: number, box: PointBox): string | undefined {
  const scale = dpi / 72;
  const left = Math.max(0, Math.floor(box.x * scale));
  const right = Math.min(image.width, Math.ceil((box.x + box.width) * scale));
  const top = Math.max(0, Math.floor(image.height - (box.y + box.height) * scale));
  const bottom = Math.min(image.height, Math.ceil(image.height - box.y * scale));
  const width = right - left;
  const rows = bottom - top;
  const region = new Uint8ClampedArray(width * rows);
  for (let row = 0; row < rows; row += 1) region.set(image.luminance.subarray((top + row) * image.width + left, (top + row) * image.width + right), row * width);
  try {
    const source = new RGBLuminanceSource(region, width, rows);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), new Map([[DecodeHintType.TRY_HARDER, true]])).getText();
  } catch {
    return undefined;
  }
}
