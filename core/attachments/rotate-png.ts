import { unzlibSync, zlibSync } from 'fflate';
import type { Rotation } from '../drafts/draft-record';
import { crc32 } from '../zip/crc32';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Samples per pixel of each PNG colour type. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Chunks about colour, still true of the turned image; text, times and an eXIf orientation are dropped. */
const KEPT = new Set(['PLTE', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD']);
/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The PNG cannot be read well enough to turn it; the message is for developers, the caller words it for the user. */
export class UnreadablePngError extends Error {
  override name = 'UnreadablePngError';
}

export interface Chunk {
  readonly type: string;
  readonly data: Uint8Array;
}

interface Raster {
  readonly width: number;
  readonly height: number;
  readonly bitsPerPixel: number;
  /** Rows without filter bytes, each `stride` bytes. */
  readonly rows: Uint8Array;
}

/**
 * Turns a PNG clockwise by whole quarter turns, pixel for pixel and losslessly, so any viewer
 * shows the scan upright (a PNG has no orientation flag every viewer honours). The result is
 * deterministic: the same input always gives the same bytes.
 *
 * @throws UnreadablePngError for bytes that are not a PNG this reads (all standard colour types,
 * bit depths and interlacing are read).
 * @example rotatePng(scan, 90) // a PNG as wide as `scan` was high
 */
export function rotatePng(bytes: Uint8Array, rotation: Rotation): Uint8Array {
  if (rotation === 0) return bytes;
  const chunks = readChunks(bytes);
  const header = chunks[0];
  if (header?.type !== 'IHDR' || header.data.length !== 13) throw new UnreadablePngError('The PNG does not start with an IHDR chunk.');
  const view = new DataView(header.data.buffer, header.data.byteOffset, 13);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const bitDepth = header.data[8]!;
  const colorType = header.data[9]!;
  const interlaced = header.data[12] === 1;
  const channels = CHANNELS[colorType];
  if (!channels || width === 0 || height === 0) throw new UnreadablePngError(`Unsupported PNG colour type ${colorType} or empty image.`);
  const bitsPerPixel = channels * bitDepth;

  let compressed: Uint8Array;
  let inflated: Uint8Array;
  try {
    compressed = concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
    inflated = unzlibSync(compressed);
  } catch (error) {
    throw new UnreadablePngError(`The PNG image data does not inflate: ${String(error)}`);
  }
  const source = interlaced ? deinterlace(inflated, width, height, bitsPerPixel) : unfilter(inflated, 0, width, height, bitsPerPixel).raster;
  const turned = turn(source, rotation);

  const outHeader = new Uint8Array(header.data); // a copy with its own buffer, even when given a Node Buffer
  const outView = new DataView(outHeader.buffer);
  outView.setUint32(0, turned.width);
  outView.setUint32(4, turned.height);
  outHeader[12] = 0;
  const kept = chunks.filter((c) => KEPT.has(c.type) || c.type === 'pHYs').map((c) => (c.type === 'pHYs' && rotation !== 180 ? { type: c.type, data: swappedDensity(c.data) } : c));
  return concat([
    Uint8Array.from(SIGNATURE),
    writeChunk('IHDR', outHeader),
    ...kept.map((c) => writeChunk(c.type, c.data)),
    writeChunk('IDAT', zlibSync(withFilterBytes(turned), { level: 6 })),
    writeChunk('IEND', new Uint8Array(0)),
  ]);
}

/** The chunks up to IEND. @throws UnreadablePngError for a wrong signature or a chunk running past the end. */
export function readChunks(bytes: Uint8Array): Chunk[] {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new UnreadablePngError('Not a PNG signature.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  let at = SIGNATURE.length;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) throw new UnreadablePngError(`Chunk ${type} runs past the end of the file.`);
    chunks.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

function writeChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  const crc = crc32();
  crc.update(out.subarray(4, 8 + data.length));
  view.setUint32(8 + data.length, crc.value());
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const strideOf = (width: number, bitsPerPixel: number) => Math.ceil((width * bitsPerPixel) / 8);

/** Undoes the per-row filters of one image (or one Adam7 pass) starting at `offset`. */
function unfilter(data: Uint8Array, offset: number, width: number, height: number, bitsPerPixel: number): { raster: Raster; end: number } {
  const stride = strideOf(width, bitsPerPixel);
  const step = Math.max(1, bitsPerPixel >> 3);
  if (offset + height * (stride + 1) > data.length) throw new UnreadablePngError('The PNG image data is shorter than its size says.');
  const rows = new Uint8Array(height * stride);
  let at = offset;
  for (let y = 0; y < height; y++) {
    const filter = data[at++]!;
    const row = y * stride;
    const above = row - stride;
    for (let i = 0; i < stride; i++) {
      const value = data[at++]!;
      const left = i >= step ? rows[row + i - step]! : 0;
      const up = y > 0 ? rows[above + i]! : 0;
      const upLeft = y > 0 && i >= step ? rows[above + i - step]! : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      else throw new UnreadablePngError(`Unknown PNG filter ${filter}.`);
      rows[row + i] = (value + predicted) & 0xff;
    }
  }
  return { raster: { width, height, bitsPerPixel, rows }, end: at };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function deinterlace(data: Uint8Array, width: number, height: number, bitsPerPixel: number): Raster {
  const full: Raster = { width, height, bitsPerPixel, rows: new Uint8Array(height * strideOf(width, bitsPerPixel)) };
  let at = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const passWidth = Math.ceil((width - x0) / dx);
    const passHeight = Math.ceil((height - y0) / dy);
    if (passWidth <= 0 || passHeight <= 0) continue;
    const { raster: pass, end } = unfilter(data, at, passWidth, passHeight, bitsPerPixel);
    at = end;
    for (let y = 0; y < passHeight; y++) {
      for (let x = 0; x < passWidth; x++) copyPixel(pass, x, y, full, x0 + x * dx, y0 + y * dy);
    }
  }
  return full;
}

/** Copies one pixel; pixels narrower than a byte (1, 2 or 4 bits, grey or palette) are shifted into place. */
function copyPixel(from: Raster, x: number, y: number, to: Raster, toX: number, toY: number): void {
  const bits = from.bitsPerPixel;
  const fromRow = y * strideOf(from.width, bits);
  const toRow = toY * strideOf(to.width, bits);
  if (bits >= 8) {
    const size = bits >> 3;
    to.rows.set(from.rows.subarray(fromRow + x * size, fromRow + (x + 1) * size), toRow + toX * size);
    return;
  }
  const mask = (1 << bits) - 1;
  const value = (from.rows[fromRow + ((x * bits) >> 3)]! >> (8 - bits - ((x * bits) & 7))) & mask;
  const index = toRow + ((toX * bits) >> 3);
  const shift = 8 - bits - ((toX * bits) & 7);
  to.rows[index] = (to.rows[index]! & ~(mask << shift)) | (value << shift);
}

function turn(source: Raster, rotation: Exclude<Rotation, 0>): Raster {
  const { width: w, height: h, bitsPerPixel } = source;
  const [width, height] = rotation === 180 ? [w, h] : [h, w];
  const out: Raster = { width, height, bitsPerPixel, rows: new Uint8Array(height * strideOf(width, bitsPerPixel)) };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Clockwise: the source's bottom-left corner becomes the top-left after a quarter turn.
      if (rotation === 90) copyPixel(source, y, h - 1 - x, out, x, y);
      else if (rotation === 180) copyPixel(source, w - 1 - x, h - 1 - y, out, x, y);
      else copyPixel(source, w - 1 - y, x, out, x, y);
    }
  }
  return out;
}

function withFilterBytes(raster: Raster): Uint8Array {
  const stride = strideOf(raster.width, raster.bitsPerPixel);
  const out = new Uint8Array(raster.height * (stride + 1));
  for (let y = 0; y < raster.height; y++) out.set(raster.rows.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return out;
}

/** pHYs holds pixels per unit along x, then y: a quarter turn swaps them. */
function swappedDensity(data: Uint8Array): Uint8Array {
  if (data.length !== 9) return data;
  const out = new Uint8Array(9);
  out.set(data.subarray(4, 8), 0);
  out.set(data.subarray(0, 4), 4);
  out[8] = data[8]!;
  return out;
}
