import { describe, expect, it } from 'vitest';
import { rotateJpeg, UnreadableJpegError } from '../../../core/attachments/rotate-jpeg';

const SOI = [0xff, 0xd8];
const JFIF = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
/** A start of scan and some "image data": what follows must come through untouched. */
const SCAN = [0xff, 0xda, 0x00, 0x02, 0x12, 0x34, 0x56, 0xff, 0xd9];

function segment(marker: number, body: number[]): number[] {
  return [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
}

/** An EXIF APP1 with the given IFD0 entries (tag, SHORT value), in either byte order. */
function exif(entries: [number, number][], little: boolean): number[] {
  const tiff = new DataView(new ArrayBuffer(8 + 2 + entries.length * 12 + 4));
  tiff.setUint16(0, little ? 0x4949 : 0x4d4d);
  tiff.setUint16(2, 42, little);
  tiff.setUint32(4, 8, little);
  tiff.setUint16(8, entries.length, little);
  entries.forEach(([tag, value], i) => {
    tiff.setUint16(10 + i * 12, tag, little);
    tiff.setUint16(12 + i * 12, 3, little);
    tiff.setUint32(14 + i * 12, 1, little);
    tiff.setUint16(18 + i * 12, value, little);
  });
  return segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, ...new Uint8Array(tiff.buffer)]);
}

/** IFD0's SHORT tags as an independent reader (written here, following the TIFF 6 layout) sees them. */
function ifd0(jpeg: Uint8Array): Map<number, number> {
  for (let at = 2; jpeg[at] === 0xff && jpeg[at + 1] !== 0xda; at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!)) {
    if (jpeg[at + 1] !== 0xe1) continue;
    const tiff = new DataView(jpeg.buffer, jpeg.byteOffset + at + 10);
    const little = tiff.getUint16(0) === 0x4949;
    const ifd = tiff.getUint32(4, little);
    const tags = new Map<number, number>();
    for (let i = 0; i < tiff.getUint16(ifd, little); i++) tags.set(tiff.getUint16(ifd + 2 + i * 12, little), tiff.getUint16(ifd + 10 + i * 12, little));
    return tags;
  }
  return new Map();
}

const jpeg = (...parts: number[][]) => Uint8Array.from([...SOI, ...parts.flat(), ...SCAN]);
const endsWithScan = (bytes: Uint8Array) => expect([...bytes.subarray(bytes.length - SCAN.length)]).toEqual(SCAN);

describe('rotateJpeg', () => {
  it('adds an EXIF orientation after JFIF’s APP0 when there is none, leaving the image data alone', () => {
    const turned = rotateJpeg(jpeg(JFIF), 90);
    expect([...turned.subarray(2, 2 + JFIF.length)]).toEqual(JFIF);
    expect(ifd0(turned).get(0x0112)).toBe(6);
    endsWithScan(turned);
    expect(ifd0(rotateJpeg(jpeg(JFIF), 180)).get(0x0112)).toBe(3);
    expect(ifd0(rotateJpeg(jpeg(JFIF), 270)).get(0x0112)).toBe(8);
  });

  it('composes with the orientation a phone set, mirrored ones included', () => {
    expect(ifd0(rotateJpeg(jpeg(exif([[0x0112, 6]], false)), 90)).get(0x0112)).toBe(3);
    expect(ifd0(rotateJpeg(jpeg(exif([[0x0112, 8]], true)), 90)).get(0x0112)).toBe(1);
    expect(ifd0(rotateJpeg(jpeg(exif([[0x0112, 2]], true)), 90)).get(0x0112)).toBe(7);
    let round: Uint8Array = jpeg(JFIF);
    for (let i = 0; i < 4; i++) round = rotateJpeg(round, 90);
    expect(ifd0(round).get(0x0112)).toBe(1);
  });

  it('adds the tag to an EXIF block without one, keeping its other tags in tag order', () => {
    const turned = rotateJpeg(jpeg(exif([[0x0100, 640], [0x0131, 7]], true)), 90);
    expect([...ifd0(turned)]).toEqual([
      [0x0100, 640],
      [0x0112, 6],
      [0x0131, 7],
    ]);
    endsWithScan(turned);
  });

  it('leaves an upright copy as it is and gives the same bytes every time', () => {
    const original = jpeg(JFIF);
    expect(rotateJpeg(original, 0)).toBe(original);
    expect(rotateJpeg(original, 90)).toEqual(rotateJpeg(original, 90));
  });

  it('refuses bytes that are not a JPEG', () => {
    expect(() => rotateJpeg(Uint8Array.from([0x89, 0x50]), 90)).toThrow(UnreadableJpegError);
  });
});
