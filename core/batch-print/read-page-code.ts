import { BinaryBitmap, DecodeHintType, GlobalHistogramBinarizer, HybridBinarizer, QRCodeReader, RGBLuminanceSource, type Binarizer, type LuminanceSource } from '@zxing/library';
import jsQR from 'jsqr';
import { parsePageCode, type PageCode } from './page-code';

/** A scanned page as grey levels, one byte a pixel (0 black, 255 white), row by row from the top. */
export interface PageImage {
  readonly width: number;
  readonly height: number;
  readonly luminance: Uint8ClampedArray;
}

/** The code read on a page, and whether it was found at the top: the page was scanned upside down. */
export interface ReadCode {
  readonly code: PageCode;
  readonly upsideDown: boolean;
}

/** What one scanned page shows: its code, no ink at all, or neither (the code unreadable or covered). */
export type PageReading = { readonly kind: 'code'; readonly code: PageCode; readonly upsideDown: boolean } | { readonly kind: 'empty' } | { readonly kind: 'unreadable' };

/** The share of the page's height searched first at the foot, then at the head. */
const STRIP = 0.2;

const HINTS = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);

/**
 * Reads the page code (page-code.ts) off a scanned page with ZXing's QR reader: first the bottom
 * strip, where it is printed; then the top strip, where it is on a page scanned upside down; then
 * the whole page (a page fed in crooked or sideways). A strip is tried before the page because a
 * small symbol is found faster and more surely among less of everything else.
 *
 * @example readPageCode(image)?.code // { kind: 'letter', batchKey: '7K2QMX', letterNo: 12, page: 1, pages: 2 }
 */
export function readPageCode(image: PageImage): ReadCode | undefined {
  const strip = Math.max(1, Math.round(image.height * STRIP));
  const bottom = decode(image, image.height - strip, strip);
  if (bottom) return { code: bottom, upsideDown: false };
  const top = decode(image, 0, strip);
  if (top) return { code: top, upsideDown: true };
  const whole = decode(image, 0, image.height, false);
  return whole ? { code: whole, upsideDown: false } : undefined;
}

/**
 * The ways a region is read, in turn: ZXing's local-threshold binariser; its global one; the
 * global one on the region drawn twice as large; then jsQR, a reader of its own. At 150–200 dpi
 * about one symbol in a hundred is found by the first and not decoded (a module edge falls between
 * pixels and the local thresholds shift it), and a JPEG scan at 150 dpi defeated all three ZXing
 * ways on one page in 400, which jsQR read. ZXing goes first as the faster.
 */
const ZXING_READS: readonly { readonly scale: 1 | 2; readonly binarizer: (source: LuminanceSource) => Binarizer }[] = [
  { scale: 1, binarizer: (source) => new HybridBinarizer(source) },
  { scale: 1, binarizer: (source) => new GlobalHistogramBinarizer(source) },
  { scale: 2, binarizer: (source) => new GlobalHistogramBinarizer(source) },
];

/** Rows `top` to `top + rows` of the image, searched for a page code; `enlarge`: also drawn twice as large (strips only: a whole page would be 4× the pixels). */
function decode(image: PageImage, top: number, rows: number, enlarge = true): PageCode | undefined {
  // Rows are contiguous: no copy.
  const region = image.luminance.subarray(top * image.width, (top + rows) * image.width);
  for (const { scale, binarizer } of ZXING_READS) {
    if (scale === 2 && !enlarge) continue;
    const source = scale === 1 ? new RGBLuminanceSource(region, image.width, rows) : new RGBLuminanceSource(twiceAsLarge(region, image.width, rows), image.width * 2, rows * 2);
    try {
      const code = parsePageCode(new QRCodeReader().decode(new BinaryBitmap(binarizer(source)), HINTS).getText());
      if (code) return code;
    } catch {
      // ZXing throws when it finds no symbol, or one it cannot decode: the next way.
    }
  }
  const read = jsQR(asRgba(region), image.width, rows, { inversionAttempts: 'dontInvert' });
  return read ? parsePageCode(read.data) : undefined;
}

/** Grey levels as the RGBA pixels jsQR takes. */
function asRgba(luminance: Uint8ClampedArray): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(luminance.length * 4);
  for (let i = 0, p = 0; i < luminance.length; i += 1, p += 4) {
    const value = luminance[i] ?? 255;
    rgba[p] = value;
    rgba[p + 1] = value;
    rgba[p + 2] = value;
    rgba[p + 3] = 255;
  }
  return rgba;
}

/** Each pixel as two by two. */
function twiceAsLarge(luminance: Uint8ClampedArray, width: number, rows: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * rows * 4);
  for (let y = 0; y < rows; y += 1) {
    const from = y * width;
    const to = 2 * y * 2 * width;
    for (let x = 0; x < width; x += 1) {
      const value = luminance[from + x] ?? 255;
      out[to + 2 * x] = value;
      out[to + 2 * x + 1] = value;
    }
    out.copyWithin(to + 2 * width, to, to + 2 * width);
  }
  return out;
}

/** Darker than this counts as ink; a scanner's paper white sits far above. */
const INK = 128;
/** A scanner's edge shadow and the punched holes of a file are not content: the outer 4 % is not looked at. */
const BORDER = 0.04;
/** Dust and speckle stay below this share of the page. */
const EMPTY_SHARE = 0.0005;

/**
 * A page with no ink: the back of a sheet printed on one side, fed through a duplex scanner.
 * Our own inserted blank pages carry a code and a line of text, so they are never "empty".
 */
export function isEmptyPage(image: PageImage): boolean {
  const x0 = Math.floor(image.width * BORDER);
  const x1 = image.width - x0;
  const y0 = Math.floor(image.height * BORDER);
  const y1 = image.height - y0;
  let ink = 0;
  for (let y = y0; y < y1; y += 1) {
    const row = y * image.width;
    for (let x = x0; x < x1; x += 1) if ((image.luminance[row + x] ?? 255) < INK) ink += 1;
  }
  return ink <= EMPTY_SHARE * (x1 - x0) * (y1 - y0);
}

/** What the split of a scan needs to know of one page. */
export function readScanPage(image: PageImage): PageReading {
  const read = readPageCode(image);
  if (read) return { kind: 'code', ...read };
  return isEmptyPage(image) ? { kind: 'empty' } : { kind: 'unreadable' };
}

/**
 * A canvas's RGBA pixels as a page image: ITU-R BT.601 luma, each pixel laid on white paper by its
 * alpha (a canvas left transparent is paper, not ink).
 */
export function pageImageFromRgba(rgba: Uint8ClampedArray, width: number, height: number): PageImage {
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < luminance.length; i += 1, p += 4) {
    const alpha = (rgba[p + 3] ?? 255) / 255;
    const luma = 0.299 * (rgba[p] ?? 255) + 0.587 * (rgba[p + 1] ?? 255) + 0.114 * (rgba[p + 2] ?? 255);
    luminance[i] = luma * alpha + 255 * (1 - alpha);
  }
  return { width, height, luminance };
}
