import { zlibSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { rotatePng, UnreadablePngError } from '../../../core/attachments/rotate-png';
import { crc32 } from '../../../core/zip/crc32';

/** A 3×2 RGBA image whose every pixel differs, so any misplaced pixel shows. */
function sample(): { bytes: Uint8Array; pixel: (x: number, y: number) => number[] } {
  const png = new PNG({ width: 3, height: 2 });
  const pixel = (x: number, y: number) => [x * 80, y * 120, 10 + x + 3 * y, 255];
  for (let y = 0; y < 2; y++) for (let x = 0; x < 3; x++) png.data.set(pixel(x, y), (y * 3 + x) * 4);
  return { bytes: new Uint8Array(PNG.sync.write(png)), pixel };
}

/** pngjs, an independent decoder, reads what we wrote. */
function read(bytes: Uint8Array): { width: number; height: number; at: (x: number, y: number) => number[] } {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, at: (x, y) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)] };
}

describe('rotatePng', () => {
  it('turns a quarter turn clockwise: the bottom-left pixel becomes the top-left', () => {
    const { bytes, pixel } = sample();
    const turned = read(rotatePng(bytes, 90));
    expect([turned.width, turned.height]).toEqual([2, 3]);
    expect(turned.at(0, 0)).toEqual(pixel(0, 1));
    expect(turned.at(1, 0)).toEqual(pixel(0, 0));
    expect(turned.at(0, 2)).toEqual(pixel(2, 1));
  });

  it('turns half and three quarters, and four quarter turns give the same pixels back', () => {
    const { bytes, pixel } = sample();
    const half = read(rotatePng(bytes, 180));
    expect([half.width, half.height]).toEqual([3, 2]);
    expect(half.at(0, 0)).toEqual(pixel(2, 1));
    const three = read(rotatePng(bytes, 270));
    expect([three.width, three.height]).toEqual([2, 3]);
    expect(three.at(0, 0)).toEqual(pixel(2, 0));
    let round: Uint8Array = bytes;
    for (let i = 0; i < 4; i++) round = rotatePng(round, 90);
    const back = read(round);
    for (let y = 0; y < 2; y++) for (let x = 0; x < 3; x++) expect(back.at(x, y)).toEqual(pixel(x, y));
  });

  it('leaves an upright copy untouched and gives the same bytes every time', () => {
    const { bytes } = sample();
    expect(rotatePng(bytes, 0)).toBe(bytes);
    expect(rotatePng(bytes, 90)).toEqual(rotatePng(bytes, 90));
  });

  it('turns 1-bit scans (a black-and-white scanner’s output) bit for bit', () => {
    // 10×3 grey, 1 bit per pixel (two bytes a row, the second half used): only (0,0) and (9,2) are white.
    const white = new Set(['0,0', '9,2']);
    const oneBit = oneBitPng(10, 3, (x, y) => white.has(`${x},${y}`));
    const turned = read(rotatePng(oneBit, 90));
    expect([turned.width, turned.height]).toEqual([3, 10]);
    // (0,0) goes to (2,0); (9,2) to (0,9).
    const whites: string[] = [];
    for (let y = 0; y < 10; y++) for (let x = 0; x < 3; x++) if (turned.at(x, y)[0] === 255) whites.push(`${x},${y}`);
    expect(whites).toEqual(['2,0', '0,9']);
  });

  it('reads interlaced PNGs (pngjs writes none, so the file is made here) and writes them plain', () => {
    const { pixel } = sample();
    const interlaced = adam7Png(3, 2, pixel);
    expect(read(interlaced).at(2, 1)).toEqual(pixel(2, 1)); // pngjs agrees the fixture is right
    const turned = read(rotatePng(interlaced, 90));
    expect(turned.at(0, 0)).toEqual(pixel(0, 1));
    expect(turned.at(1, 2)).toEqual(pixel(2, 0));
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => rotatePng(Uint8Array.from([1, 2, 3]), 90)).toThrow(UnreadablePngError);
  });
});

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  const crc = crc32();
  crc.update(out.subarray(4, 8 + data.length));
  out.writeUInt32BE(crc.value(), 8 + data.length);
  return out;
}

function pngFile(width: number, height: number, bitDepth: number, colorType: number, interlace: number, raw: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([bitDepth, colorType, 0, 0, interlace], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

function oneBitPng(width: number, height: number, white: (x: number, y: number) => boolean): Uint8Array {
  const stride = Math.ceil(width / 8);
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (white(x, y)) raw[y * (stride + 1) + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
  return pngFile(width, height, 1, 0, 0, raw);
}

/** An Adam7-interlaced RGBA PNG, filter "Sub" on every row so unfiltering is exercised too. */
function adam7Png(width: number, height: number, pixel: (x: number, y: number) => number[]): Uint8Array {
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];
  const parts: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    for (let y = y0!; y < height; y += dy!) {
      const row: number[] = [];
      for (let x = x0!; x < width; x += dx!) row.push(...pixel(x, y));
      if (row.length === 0) continue;
      parts.push(1, ...row.map((v, i) => (v - (i >= 4 ? row[i - 4]! : 0)) & 0xff));
    }
  }
  return pngFile(width, height, 8, 6, 1, Uint8Array.from(parts));
}
