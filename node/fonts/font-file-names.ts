import type { FileHandle } from 'node:fs/promises';

/** The names of one face in a font file, as its `name` table gives them. */
export interface FaceNames {
  /** The face's index in a collection, 0 for a single font. */
  readonly index: number;
  /** Every legacy and typographic family name (nameID 1 and 16) in every language, in table order, without repeats. */
  readonly families: string[];
  readonly postscriptName: string | null;
}

const SFNT_VERSIONS = new Set([0x00010000, 0x4f54544f /* OTTO */, 0x74727565 /* true */]);
const TTC_TAG = 0x74746366; // ttcf
/** A collection of more faces than this, or a name table larger, is not a font but a damaged file. */
const MAX_FACES = 256;
const MAX_NAME_TABLE = 1 << 20;
const FAMILY = 1;
const POSTSCRIPT_NAME = 6;
const TYPOGRAPHIC_FAMILY = 16;

/**
 * Reads the face names of a TrueType/OpenType font or collection, touching only its headers, table
 * directories and name tables: the system's font folders hold gigabytes, and a 20 MB CJK font is
 * read in a few kilobytes. Throws on anything that is not such a font.
 */
export async function readFaceNames(file: FileHandle, size: number): Promise<FaceNames[]> {
  return namesOfFaces(async (offset, length) => {
    if (offset < 0 || length < 0 || offset + length > size) throw new Error('font table outside the file');
    const bytes = new Uint8Array(length);
    const { bytesRead } = await file.read(bytes, 0, length, offset);
    if (bytesRead !== length) throw new Error('font file shorter than it says');
    return new DataView(bytes.buffer);
  });
}

/** {@link readFaceNames} of a font already in memory (one the user picked). */
export function faceNamesOf(bytes: Uint8Array): Promise<FaceNames[]> {
  return namesOfFaces(async (offset, length) => {
    if (offset < 0 || length < 0 || offset + length > bytes.byteLength) throw new Error('font table outside the file');
    return new DataView(bytes.buffer, bytes.byteOffset + offset, length);
  });
}

type Reader = (offset: number, length: number) => Promise<DataView>;

async function namesOfFaces(read: Reader): Promise<FaceNames[]> {
  const head = await read(0, 12);
  if (head.getUint32(0) !== TTC_TAG) return [await readFace(read, 0, 0)];
  const count = head.getUint32(8);
  if (count === 0 || count > MAX_FACES) throw new Error('not a font collection');
  const offsets = await read(12, count * 4);
  const faces: FaceNames[] = [];
  for (let index = 0; index < count; index += 1) faces.push(await readFace(read, offsets.getUint32(index * 4), index));
  return faces;
}

async function readFace(read: Reader, offset: number, index: number): Promise<FaceNames> {
  const directory = await read(offset, 12);
  if (!SFNT_VERSIONS.has(directory.getUint32(0))) throw new Error('not a TrueType or OpenType font');
  const tables = await read(offset + 12, directory.getUint16(4) * 16);
  for (let record = 0; record < tables.byteLength; record += 16) {
    if (tables.getUint32(record) !== 0x6e616d65 /* name */) continue;
    const length = tables.getUint32(record + 12);
    if (length > MAX_NAME_TABLE) throw new Error('name table too large');
    return { index, ...namesOf(await read(tables.getUint32(record + 8), length)) };
  }
  throw new Error('font without a name table');
}

function namesOf(table: DataView): Omit<FaceNames, 'index'> {
  const count = table.getUint16(2);
  const storage = table.getUint16(4);
  const families = new Set<string>();
  let postscriptName: string | null = null;
  for (let record = 6; record + 12 <= table.byteLength && record < 6 + count * 12; record += 12) {
    const nameId = table.getUint16(record + 6);
    if (nameId !== FAMILY && nameId !== TYPOGRAPHIC_FAMILY && nameId !== POSTSCRIPT_NAME) continue;
    const start = storage + table.getUint16(record + 10);
    const length = table.getUint16(record + 8);
    if (start + length > table.byteLength) continue;
    const bytes = new Uint8Array(table.buffer, table.byteOffset + start, length);
    const text = decodeName(table.getUint16(record), table.getUint16(record + 2), bytes)?.trim();
    if (!text) continue;
    if (nameId === POSTSCRIPT_NAME) postscriptName ??= text;
    else families.add(text);
  }
  return { families: [...families], postscriptName };
}

const utf16 = new TextDecoder('utf-16be');
const gb18030 = new TextDecoder('gb18030');
const big5 = new TextDecoder('big5');
/** Mac OS Roman from 0x80 on (Apple's ROMAN.TXT); below that it is ASCII. */
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

/** The text of a name record, or undefined for an encoding no official face uses. */
export function decodeName(platform: number, encoding: number, bytes: Uint8Array): string | undefined {
  if (platform === 0) return utf16.decode(bytes);
  if (platform === 3) {
    if (encoding === 0 || encoding === 1 || encoding === 10) return utf16.decode(bytes);
    // Older Chinese fonts store GB2312 or Big5 names in 16-bit units, a one-byte character padded with a zero byte.
    if (encoding === 3) return gb18030.decode(bytes.filter((byte) => byte !== 0));
    if (encoding === 4) return big5.decode(bytes.filter((byte) => byte !== 0));
    return undefined;
  }
  if (platform === 1) {
    if (encoding === 0) return String.fromCharCode(...bytes).replace(/[\x80-\xff]/g, (char) => MAC_ROMAN_HIGH[char.charCodeAt(0) - 0x80] ?? '');
    if (encoding === 25) return gb18030.decode(bytes);
    if (encoding === 2) return big5.decode(bytes);
  }
  return undefined;
}
