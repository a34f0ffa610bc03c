import { strFromU8, strToU8 } from 'fflate';
import { ZipRejected } from './zip-rejected';

/** One entry as the central directory records it, with where its data lies in the file. */
export interface ZipDirectoryEntry {
  readonly name: string;
  /** Compressed size. */
  readonly size: number;
  /** Inflated size as declared; not trusted until inflated. */
  readonly originalSize: number;
  readonly compression: number;
  readonly crc32: number;
  /** Offset of the entry's (compressed) data in the file, just past its local header. */
  readonly dataOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;
const END_RECORD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

interface CentralRecord extends ZipDirectoryEntry {
  readonly flags: number;
  readonly rawName: Uint8Array;
  readonly localOffset: number;
}

/**
 * Reads a ZIP the way other readers do, from its central directory, and refuses a file they could
 * read differently from us: each entry's local header must agree with its directory record (name,
 * flags, method, CRC-32, both sizes, or a data descriptor saying the same), the entries must tile
 * the file from byte 0 to the directory with nothing between them, and the end record must be the
 * file's last 22 bytes. So no entry can hide inside another, no prefix (an HTML page, a second
 * archive) can ride along, and what we check is what `unzip`, Python or fflate would extract.
 *
 * @throws ZipRejected
 * @example const entries = readZipDirectory(zip, 256); entries[0].name // 'manifest.json'
 */
export function readZipDirectory(zip: Uint8Array, maxEntries: number): ZipDirectoryEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  const end = zip.byteLength - END_RECORD_SIZE;
  // Comments are refused with trailing data: none of our files has one, and a comment is where a
  // second end record would hide.
  if (end < 0 || u32(end) !== END_RECORD || u16(end + 20) !== 0) throw new ZipRejected(hasEndRecordBefore(view, end) ? 'trailing-data' : 'not-zip');
  const count = u16(end + 10);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count) throw new ZipRejected('not-zip');
  if (count > maxEntries) throw new ZipRejected('too-many-entries', { max: maxEntries });
  const directorySize = u32(end + 12);
  const directoryOffset = u32(end + 16);
  if (directoryOffset + directorySize > end) throw new ZipRejected('not-zip');
  if (directoryOffset + directorySize < end) throw new ZipRejected('stray-data');

  const records: CentralRecord[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER_SIZE > end || u32(at) !== CENTRAL_HEADER) throw new ZipRejected('not-zip');
    const nameLength = u16(at + 28);
    const next = at + CENTRAL_HEADER_SIZE + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) throw new ZipRejected('not-zip');
    const rawName = zip.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
    const flags = u16(at + 8);
    const name = entryName(rawName, flags);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) throw new ZipRejected('encrypted', { name });
    // A symbolic link unpacked by `unzip` would point anywhere on the disk. Info-ZIP reads Unix
    // modes from the attributes of several "made by" systems (Unix, Atari, BeOS, AtheOS …), so the
    // link bits are refused whatever system the entry claims.
    if (((u32(at + 38) >>> 16) & S_IFMT) === S_IFLNK) throw new ZipRejected('unsafe-path', { name });
    checkExtraFields(zip.subarray(at + CENTRAL_HEADER_SIZE + nameLength, at + CENTRAL_HEADER_SIZE + nameLength + u16(at + 30)), name);
    records.push({
      name,
      rawName,
      flags,
      compression: u16(at + 10),
      crc32: u32(at + 16),
      size: u32(at + 20),
      originalSize: u32(at + 24),
      localOffset: u32(at + 42),
      dataOffset: 0,
    });
    at = next;
  }
  if (at !== end) throw new ZipRejected('stray-data');

  const placed = new Map<CentralRecord, number>();
  let cursor = 0;
  for (const record of [...records].sort((a, b) => a.localOffset - b.localOffset)) {
    if (record.localOffset > cursor) throw new ZipRejected('stray-data');
    if (record.localOffset < cursor) throw new ZipRejected('structure-mismatch', { name: record.name });
    const { dataOffset, entryEnd } = checkLocalHeader(zip, view, record, directoryOffset);
    placed.set(record, dataOffset);
    cursor = entryEnd;
  }
  if (cursor !== directoryOffset) throw new ZipRejected('stray-data');

  return records.map((record) => ({
    name: record.name,
    size: record.size,
    originalSize: record.originalSize,
    compression: record.compression,
    crc32: record.crc32,
    dataOffset: placed.get(record)!,
  }));
}

/** Where the entry's data starts and where the entry (with its data descriptor) ends. */
function checkLocalHeader(zip: Uint8Array, view: DataView, record: CentralRecord, limit: number): { dataOffset: number; entryEnd: number } {
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const mismatch = () => new ZipRejected('structure-mismatch', { name: record.name });
  const at = record.localOffset;
  if (at + LOCAL_HEADER_SIZE > limit || u32(at) !== LOCAL_HEADER) throw mismatch();
  const nameLength = u16(at + 26);
  const dataOffset = at + LOCAL_HEADER_SIZE + nameLength + u16(at + 28);
  if (dataOffset > limit) throw mismatch();
  checkExtraFields(zip.subarray(at + LOCAL_HEADER_SIZE + nameLength, dataOffset), record.name);
  if (u16(at + 6) !== record.flags || u16(at + 8) !== record.compression || !sameBytes(zip.subarray(at + LOCAL_HEADER_SIZE, at + LOCAL_HEADER_SIZE + nameLength), record.rawName)) throw mismatch();

  const declared = [record.crc32, record.size, record.originalSize];
  const local = [u32(at + 14), u32(at + 18), u32(at + 22)];
  let entryEnd = dataOffset + record.size;
  if (record.flags & FLAG_DATA_DESCRIPTOR) {
    // The local header may leave the values zero; the descriptor after the data must carry them.
    if (local.some((value, i) => value !== 0 && value !== declared[i])) throw mismatch();
    if (entryEnd + 4 <= limit && u32(entryEnd) === DATA_DESCRIPTOR) entryEnd += 4;
    if (entryEnd + 12 > limit || [u32(entryEnd), u32(entryEnd + 4), u32(entryEnd + 8)].some((value, i) => value !== declared[i])) throw mismatch();
    entryEnd += 12;
  } else if (local.some((value, i) => value !== declared[i])) {
    throw mismatch();
  }
  if (entryEnd > limit) throw mismatch();
  return { dataOffset, entryEnd };
}

/**
 * Extra fields that change nothing a reader extracts: timestamps (0x5455 extended, 0x000a NTFS)
 * and Unix owners (0x7875). Every other one may: 0x7075 and 0x6375 give the entry another name
 * (Info-ZIP `unzip` extracts under it), 0x0001 gives it other sizes (ZIP64), and unknown ones are
 * whatever some reader makes of them. Our own writers add none.
 */
const HARMLESS_EXTRA_FIELDS = new Set([0x5455, 0x000a, 0x7875]);

function checkExtraFields(extra: Uint8Array, name: string): void {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  let at = 0;
  while (at < extra.byteLength) {
    if (at + 4 > extra.byteLength) throw new ZipRejected('structure-mismatch', { name });
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (!HARMLESS_EXTRA_FIELDS.has(id)) throw new ZipRejected('foreign-field', { name, field: `0x${id.toString(16).padStart(4, '0')}` });
    at += 4 + size;
  }
  if (at !== extra.byteLength) throw new ZipRejected('structure-mismatch', { name });
}

/**
 * The entry's name as every reader decodes it: UTF-8 when the entry says so, and otherwise ASCII
 * only, because readers decode other bytes differently (CP437, the system code page, Latin-1).
 */
function entryName(raw: Uint8Array, flags: number): string {
  const ascii = raw.every((byte) => byte < 0x80);
  if (ascii) return strFromU8(raw, true);
  if (flags & FLAG_UTF8) {
    const decoded = strFromU8(raw);
    // Invalid UTF-8 decodes to U+FFFD and so encodes back to other bytes.
    if (sameBytes(strToU8(decoded), raw)) return decoded;
  }
  throw new ZipRejected('unsafe-path', { name: strFromU8(raw, true) });
}

function hasEndRecordBefore(view: DataView, end: number): boolean {
  for (let at = Math.min(end - 1, view.byteLength - END_RECORD_SIZE); at >= Math.max(0, end - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === END_RECORD) return true;
  }
  return false;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
