import type { Rotation } from '../drafts/draft-record';

/** The EXIF orientation tag (TIFF tag 274). */
const ORIENTATION_TAG = 0x0112;
const SHORT = 3;
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

/**
 * EXIF orientations as (mirrored, quarter turns clockwise to show it upright): 1 is upright,
 * 6 a quarter turn, 3 a half, 8 three quarters; 2, 7, 4, 5 the same after a mirror.
 */
const ORIENTATIONS = [
  [1, 6, 3, 8],
  [2, 7, 4, 5],
] as const;

/** The JPEG's structure is not one this can mark; the message is for developers. */
export class UnreadableJpegError extends Error {
  override name = 'UnreadableJpegError';
}

/**
 * Turns a JPEG clockwise by setting its EXIF orientation, which viewers and browsers honour.
 * Decoding and re-encoding would lose quality every time and give bytes that depend on the
 * encoder's version, and a package made again must come out byte for byte the same. An existing
 * orientation (a phone's) is composed with the turn; the image data is not touched.
 *
 * @throws UnreadableJpegError when the file's segments cannot be walked.
 * @example rotateJpeg(scan, 90) // the same pixels, shown a quarter turn clockwise
 */
export function rotateJpeg(bytes: Uint8Array, rotation: Rotation): Uint8Array {
  if (rotation === 0) return bytes;
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new UnreadableJpegError('Not a JPEG start of image.');
  const turns = rotation / 90;
  let insertAt = 2;
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) throw new UnreadableJpegError(`No segment marker at ${at}.`);
    const marker = bytes[at + 1]!;
    // Image data follows the start of scan: no metadata after it.
    if (marker === 0xda) break;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const body = bytes.subarray(at + 4, at + 2 + length);
    if (marker === 0xe1 && EXIF_HEADER.every((b, i) => body[i] === b)) {
      const tiff = body.subarray(EXIF_HEADER.length);
      return splice(bytes, at, at + 2 + length, app1(withOrientation(tiff, (current) => compose(current, turns))));
    }
    if (marker === 0xe0) insertAt = at + 2 + length; // after JFIF's APP0, which must come first
    at += 2 + length;
  }
  return splice(bytes, insertAt, insertAt, app1(minimalTiff(compose(1, turns))));
}

function compose(orientation: number, turns: number): number {
  const mirrored = ORIENTATIONS[1].includes(orientation as 2) ? 1 : 0;
  const current = Math.max(0, (ORIENTATIONS[mirrored] as readonly number[]).indexOf(orientation));
  return ORIENTATIONS[mirrored][(current + turns) % 4]!;
}

/**
 * The TIFF block with its first IFD's orientation set. When the tag is missing, a copy of the
 * IFD with the tag added is appended and the header pointed at it: every other offset in the
 * block stays valid because nothing before it moves.
 */
function withOrientation(tiff: Uint8Array, next: (current: number) => number): Uint8Array {
  if (tiff.length < 8) throw new UnreadableJpegError('EXIF block too short.');
  const little = tiff[0] === 0x49;
  const out = new Uint8Array(tiff); // a copy with its own buffer, even when given a Node Buffer
  const view = new DataView(out.buffer);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > out.length) throw new UnreadableJpegError('EXIF IFD0 outside its block.');
  const count = view.getUint16(ifd, little);
  if (ifd + 2 + count * 12 + 4 > out.length) throw new UnreadableJpegError('EXIF IFD0 runs past its block.');
  const entries: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (view.getUint16(entry, little) === ORIENTATION_TAG) {
      const current = view.getUint16(entry + 8, little) || 1;
      view.setUint16(entry + 2, SHORT, little);
      view.setUint32(entry + 4, 1, little);
      view.setUint32(entry + 8, 0, little);
      view.setUint16(entry + 8, next(current), little);
      return out;
    }
    entries.push(out.slice(entry, entry + 12));
  }
  const added = new Uint8Array(12);
  const addedView = new DataView(added.buffer);
  addedView.setUint16(0, ORIENTATION_TAG, little);
  addedView.setUint16(2, SHORT, little);
  addedView.setUint32(4, 1, little);
  addedView.setUint16(8, next(1), little);
  // Entries stay sorted by tag, as TIFF requires.
  const tagOf = (e: Uint8Array) => new DataView(e.buffer, e.byteOffset, 2).getUint16(0, little);
  const place = entries.findIndex((e) => tagOf(e) > ORIENTATION_TAG);
  entries.splice(place === -1 ? entries.length : place, 0, added);
  const start = out.length + (out.length % 2); // IFDs begin on a word boundary
  const grown = new Uint8Array(start + 2 + entries.length * 12 + 4);
  grown.set(out);
  const grownView = new DataView(grown.buffer);
  grownView.setUint32(4, start, little);
  grownView.setUint16(start, entries.length, little);
  entries.forEach((e, i) => grown.set(e, start + 2 + i * 12));
  grownView.setUint32(start + 2 + entries.length * 12, view.getUint32(ifd + 2 + count * 12, little), little);
  return grown;
}

function minimalTiff(orientation: number): Uint8Array {
  const tiff = new Uint8Array(8 + 2 + 12 + 4);
  const view = new DataView(tiff.buffer);
  tiff.set([0x4d, 0x4d, 0x00, 0x2a]); // big-endian TIFF
  view.setUint32(4, 8);
  view.setUint16(8, 1);
  view.setUint16(10, ORIENTATION_TAG);
  view.setUint16(12, SHORT);
  view.setUint32(14, 1);
  view.setUint16(18, orientation);
  return tiff;
}

function app1(tiff: Uint8Array): Uint8Array {
  const length = 2 + EXIF_HEADER.length + tiff.length;
  if (length > 0xffff) throw new UnreadableJpegError('EXIF block too large for one segment.');
  const out = new Uint8Array(2 + length);
  out.set([0xff, 0xe1, length >> 8, length & 0xff, ...EXIF_HEADER]);
  out.set(tiff, 4 + EXIF_HEADER.length);
  return out;
}

function splice(bytes: Uint8Array, from: number, to: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (to - from) + insert.length);
  out.set(bytes.subarray(0, from));
  out.set(insert, from);
  out.set(bytes.subarray(to), from + insert.length);
  return out;
}
