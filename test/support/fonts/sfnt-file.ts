/**
 * Just enough of the OpenType file format to take a font apart into its tables and put it back
 * together as a valid file: table directory sorted by tag, every table 4-byte aligned with its
 * checksum, and head.checkSumAdjustment set, as the spec (and font tools' checks) require.
 */

export interface SfntTable {
  readonly tag: string;
  readonly data: Uint8Array;
}

export interface Sfnt {
  readonly version: number;
  readonly tables: readonly SfntTable[];
}

const HEAD_ADJUSTMENT = 8;

/** The tables of a single font (not a collection). */
export function readSfnt(font: Uint8Array): Sfnt {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables: SfntTable[] = [];
  for (let index = 0; index < view.getUint16(4); index += 1) {
    const record = 12 + index * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    tables.push({ tag, data: font.slice(offset, offset + view.getUint32(record + 12)) });
  }
  return { version: view.getUint32(0), tables };
}

/** A single font of these tables. */
export function writeSfnt(sfnt: Sfnt): Uint8Array {
  return writeCollection([sfnt], false);
}

/** A TrueType collection (.ttc) of these fonts, each with its own tables. */
export function writeTtc(fonts: readonly Sfnt[]): Uint8Array {
  return writeCollection(fonts, true);
}

function writeCollection(fonts: readonly Sfnt[], collection: boolean): Uint8Array {
  const header = collection ? 12 + fonts.length * 4 : 0;
  const directories = fonts.map((font) => 12 + font.tables.length * 16);
  const dataSize = fonts.reduce((sum, font) => sum + font.tables.reduce((tables, table) => tables + padded(table.data.byteLength), 0), 0);
  const bytes = new Uint8Array(header + directories.reduce((a, b) => a + b, 0) + dataSize);
  const view = new DataView(bytes.buffer);
  if (collection) {
    bytes.set([0x74, 0x74, 0x63, 0x66]); // ttcf
    view.setUint32(4, 0x00010000);
    view.setUint32(8, fonts.length);
  }
  let directoryAt = header;
  let dataAt = header + directories.reduce((a, b) => a + b, 0);
  fonts.forEach((font, fontIndex) => {
    if (collection) view.setUint32(12 + fontIndex * 4, directoryAt);
    const tables = [...font.tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
    const count = tables.length;
    const power = 2 ** Math.floor(Math.log2(count));
    view.setUint32(directoryAt, font.version);
    view.setUint16(directoryAt + 4, count);
    view.setUint16(directoryAt + 6, power * 16);
    view.setUint16(directoryAt + 8, Math.log2(power));
    view.setUint16(directoryAt + 10, count * 16 - power * 16);
    const fontStart = directoryAt;
    let headAt = -1;
    tables.forEach((table, index) => {
      const data = table.tag === 'head' ? withAdjustment(table.data, 0) : table.data;
      const record = directoryAt + 12 + index * 16;
      bytes.set([...table.tag].map((char) => char.charCodeAt(0)), record);
      view.setUint32(record + 4, checksum(data));
      view.setUint32(record + 8, dataAt);
      view.setUint32(record + 12, data.byteLength);
      bytes.set(data, dataAt);
      if (table.tag === 'head') headAt = dataAt;
      dataAt += padded(data.byteLength);
    });
    directoryAt += directories[fontIndex]!;
    if (headAt < 0) return;
    // The whole font's checksum, for a collection this font's directory and its own tables.
    const ownTables = tables.map((table, index) => view.getUint32(fontStart + 12 + index * 16 + 8));
    let sum = checksum(bytes.subarray(fontStart, fontStart + 12 + count * 16));
    for (const [index, offset] of ownTables.entries()) sum = (sum + checksum(bytes.subarray(offset, offset + padded(tables[index]!.data.byteLength)))) >>> 0;
    view.setUint32(headAt + HEAD_ADJUSTMENT, (0xb1b0afba - sum) >>> 0);
  });
  return bytes;
}

function withAdjustment(head: Uint8Array, adjustment: number): Uint8Array {
  const copy = head.slice();
  new DataView(copy.buffer).setUint32(HEAD_ADJUSTMENT, adjustment);
  return copy;
}

const padded = (length: number) => (length + 3) & ~3;

/** The OpenType table checksum: the sum of big-endian 32-bit words, the last one zero-padded. */
export function checksum(data: Uint8Array): number {
  const words = new Uint8Array(padded(data.byteLength));
  words.set(data);
  const view = new DataView(words.buffer);
  let sum = 0;
  for (let at = 0; at < words.byteLength; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}
