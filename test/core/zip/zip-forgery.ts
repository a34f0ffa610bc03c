import { crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8 } from 'fflate';

/*
 * Tools to forge ZIPs the way an attacker or a damaged disk would: what the headers declare is
 * rewritten without touching the data. Shared by the backup and package tests.
 */

/** Where an entry's local header and central-directory record sit in a ZIP. */
export function headersOf(zip: Uint8Array, name: string): { local: number; central: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const find = (signature: number, nameAt: number, lengthAt: number) => {
    for (let i = 0; i + nameAt < zip.length; i++) {
      if (view.getUint32(i, true) !== signature) continue;
      const length = view.getUint16(i + lengthAt, true);
      if (strFromU8(zip.subarray(i + nameAt, i + nameAt + length)) === name) return i;
    }
    throw new Error(`no header for ${name}`);
  };
  return { local: find(0x04034b50, 30, 26), central: find(0x02014b50, 46, 28) };
}

/** Writes what the ZIP declares about an entry, in both headers, as a forger would. */
export function declare(zip: Uint8Array, name: string, fields: { originalSize?: number; compression?: number; name?: string }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { local, central } = headersOf(out, name);
  if (fields.originalSize !== undefined) {
    view.setUint32(local + 22, fields.originalSize, true);
    view.setUint32(central + 24, fields.originalSize, true);
  }
  if (fields.compression !== undefined) {
    view.setUint16(local + 8, fields.compression, true);
    view.setUint16(central + 10, fields.compression, true);
  }
  if (fields.name !== undefined) {
    out.set(strToU8(fields.name), local + 30);
    out.set(strToU8(fields.name), central + 46);
  }
  return out;
}

/** An entry as a forger writes it: `data` as it goes into the file, `method` 0 (stored) or 8 (deflated). */
export interface RawEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly data: Uint8Array;
  readonly crc: number;
  readonly size: number;
  readonly flags?: number;
  /** Extra fields, written into both headers. */
  readonly extra?: Uint8Array;
  /** The central record's "version made by" (high byte: the system) and external attributes. */
  readonly madeBy?: number;
  readonly externalAttributes?: number;
}

/** A raw entry for `bytes`, deflated with Node's zlib (not fflate, not our reader) unless `stored`. */
export function rawEntry(name: string, bytes: Uint8Array, { stored = false } = {}): RawEntry {
  return { name, method: stored ? 0 : 8, data: stored ? bytes : new Uint8Array(deflateRawSync(bytes)), crc: crc32(bytes), size: bytes.length };
}

/** A local header declaring `compressedSize` (the data's own length unless given). */
export function localHeader(entry: RawEntry, compressedSize = entry.data.length): Uint8Array {
  const name = strToU8(entry.name);
  const extra = entry.extra ?? new Uint8Array(0);
  const out = new Uint8Array(30 + name.length + extra.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, entry.flags ?? 0x0800, true);
  view.setUint16(8, entry.method, true);
  view.setUint16(12, 0x21, true); // 1980-01-01
  view.setUint32(14, entry.crc, true);
  view.setUint32(18, compressedSize, true);
  view.setUint32(22, entry.size, true);
  view.setUint16(26, name.length, true);
  view.setUint16(28, extra.length, true);
  out.set(name, 30);
  out.set(extra, 30 + name.length);
  return out;
}

function centralRecord(entry: RawEntry, offset: number, compressedSize: number): Uint8Array {
  const name = strToU8(entry.name);
  const extra = entry.extra ?? new Uint8Array(0);
  const out = new Uint8Array(46 + name.length + extra.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, entry.madeBy ?? 20, true);
  view.setUint16(6, 20, true);
  view.setUint16(8, entry.flags ?? 0x0800, true);
  view.setUint16(10, entry.method, true);
  view.setUint16(14, 0x21, true);
  view.setUint32(16, entry.crc, true);
  view.setUint32(20, compressedSize, true);
  view.setUint32(24, entry.size, true);
  view.setUint16(28, name.length, true);
  view.setUint16(30, extra.length, true);
  view.setUint32(38, entry.externalAttributes ?? 0, true);
  view.setUint32(42, offset, true);
  out.set(name, 46);
  out.set(extra, 46 + name.length);
  return out;
}

/** What the central directory says about one entry: where its local header is and its compressed size. */
export interface CentralEntry {
  readonly entry: RawEntry;
  readonly offset: number;
  readonly compressedSize: number;
}

/** `body` (local headers and data, as forged) followed by a central directory of `central` and the end record. */
export function assembleZip(body: readonly Uint8Array[], central: readonly CentralEntry[]): Uint8Array {
  const records = central.map((c) => centralRecord(c.entry, c.offset, c.compressedSize));
  const bodyLength = body.reduce((sum, part) => sum + part.length, 0);
  const directoryLength = records.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, central.length, true);
  view.setUint16(10, central.length, true);
  view.setUint32(12, directoryLength, true);
  view.setUint32(16, bodyLength, true);
  return concat([...body, ...records, end]);
}

/** A plain, honest ZIP of raw entries, in order. */
export function writeZip(entries: readonly RawEntry[]): Uint8Array {
  const body: Uint8Array[] = [];
  const central: CentralEntry[] = [];
  let offset = 0;
  for (const entry of entries) {
    const header = localHeader(entry);
    body.push(header, entry.data);
    central.push({ entry, offset, compressedSize: entry.data.length });
    offset += header.length + entry.data.length;
  }
  return assembleZip(body, central);
}

/**
 * The attack of issue 11 §2: `carrier` (deflated) claims a compressed size that runs past its own
 * deflate stream and covers a second local header with `hidden`; `shown`, of the same name and
 * inflated size, follows in the walk of local headers. The central directory points at the hidden
 * one, as every reader of the directory (unzip, Python, fflate) will read it; a reader walking local
 * headers reads `shown`.
 */
export function hideEntryInCarrier(entries: readonly RawEntry[], carrier: string, hidden: RawEntry): Uint8Array {
  const body: Uint8Array[] = [];
  const central: CentralEntry[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.name === carrier) {
      const hiddenHeader = localHeader(hidden);
      const claimed = entry.data.length + hiddenHeader.length + hidden.data.length;
      const header = localHeader(entry, claimed);
      body.push(header, entry.data, hiddenHeader, hidden.data);
      central.push({ entry, offset, compressedSize: claimed });
      central.push({ entry: hidden, offset: offset + header.length + entry.data.length, compressedSize: hidden.data.length });
      offset += header.length + claimed;
    } else {
      const header = localHeader(entry);
      body.push(header, entry.data);
      if (entry.name !== hidden.name) central.push({ entry, offset, compressedSize: entry.data.length });
      offset += header.length + entry.data.length;
    }
  }
  return assembleZip(body, central);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * An Info-ZIP Unicode Path extra field (0x7075): `unzip` extracts the entry under `path` instead
 * of its header name when the CRC-32 of that header name matches.
 */
export function unicodePathField(headerName: string, path: string): Uint8Array {
  const utf8 = strToU8(path);
  const out = new Uint8Array(4 + 5 + utf8.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0x7075, true);
  view.setUint16(2, 5 + utf8.length, true);
  out[4] = 1;
  view.setUint32(5, crc32(strToU8(headerName)), true);
  out.set(utf8, 9);
  return out;
}
