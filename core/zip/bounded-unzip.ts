import { Inflate, inflateSync } from 'fflate';
import { crc32 } from './crc32';
import { formatSize } from '../i18n/format-size';
import { readZipDirectory, type ZipDirectoryEntry } from './zip-directory';
import { ZipRejected } from './zip-rejected';

// The reader's public face; the definitions live in their own files.
export { ZipRejected, type ZipProblemCode } from './zip-rejected';

export interface ZipLimits {
  /** Total inflated bytes the caller accepts, judged on declared sizes and enforced while inflating. */
  readonly maxBytes: number;
  /** More central-directory records than this means the file is not one of ours. */
  readonly maxEntries: number;
}

/** An entry as the central directory declares it (`size` compressed, `originalSize` inflated). */
export type ZipEntryInfo = ZipDirectoryEntry;

const STORED = 0;
const DEFLATED = 8;
const MAX_DEFLATE_RATIO = 1032;

/**
 * Lists a ZIP's central directory without inflating anything, and refuses what none of our files
 * may contain: a structure other readers could read differently (see {@link readZipDirectory}),
 * unsafe paths, duplicates, unknown compression, implausible sizes, more than the limits.
 *
 * @throws ZipRejected
 * @example const files = inflateEntries(zip, listZipEntries(zip, { maxBytes: 1 << 20, maxEntries: 10 }));
 */
export function listZipEntries(zip: Uint8Array, limits: ZipLimits): ZipEntryInfo[] {
  const entries = readZipDirectory(zip, limits.maxEntries);
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (!isSafeEntryName(entry.name)) throw new ZipRejected('unsafe-path', { name: entry.name });
    if (seen.has(entry.name)) throw new ZipRejected('duplicate-entry', { name: entry.name });
    seen.add(entry.name);
    if (entry.compression !== STORED && entry.compression !== DEFLATED) {
      throw new ZipRejected('unsupported-compression', { name: entry.name, method: entry.compression });
    }
    // A stored entry is its own inflated form, so the two sizes must agree; deflate cannot expand
    // more than about 1032:1, so a larger claim is a lie too (and must not size a buffer).
    const plausible = entry.compression === STORED ? entry.size === entry.originalSize : entry.originalSize <= entry.size * MAX_DEFLATE_RATIO + 1024;
    if (!plausible) throw new ZipRejected('size-lie', { name: entry.name, size: entry.originalSize });
    total += entry.originalSize;
  }
  if (total > limits.maxBytes) throw new ZipRejected('too-large', { size: formatSize(total), limit: formatSize(limits.maxBytes) });
  return entries;
}

/**
 * Relative, forward-slash paths without `.` or `..` segments: nothing that could name a place
 * outside the archive if someone unpacked it, and nothing two spellings could make ambiguous.
 *
 * @example isSafeEntryName('documents/0.pdf') // true
 * @example isSafeEntryName('../evil.json') // false
 */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f]/.test(name)) return false;
  return name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}


/** Input slice fed to the inflater at a time: deflate expands at most ~1032:1, so one push stays bounded. */
const SLICE = 16 * 1024;

/**
 * Inflates every listed entry, never holding more than each entry's declared size: the input is
 * fed in small slices and an entry that inflates past what it declared (a "zip bomb" lying about
 * its size) is refused at once, as is one that comes out shorter. Each entry's CRC-32 must match,
 * and a deflate stream must end exactly where its entry does: bytes after it would be data no
 * reader extracts, the place a hidden header would sit.
 *
 * `onEntry` is called as each entry is complete.
 *
 * @throws ZipRejected
 * @example const files = inflateEntries(zip, listZipEntries(zip, limits), (name) => console.log(name));
 */
export function inflateEntries(zip: Uint8Array, listed: readonly ZipEntryInfo[], onEntry?: (name: string) => void): Map<string, Uint8Array> {
  const result = new Map<string, Uint8Array>();
  for (const entry of listed) {
    const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.size);
    const bytes = entry.compression === STORED ? data.slice() : inflateBounded(entry, data);
    const crc = crc32();
    crc.update(bytes);
    if (crc.value() !== entry.crc32) throw new ZipRejected('crc-mismatch', { name: entry.name });
    result.set(entry.name, bytes);
    onEntry?.(entry.name);
  }
  return result;
}

function inflateBounded(entry: ZipEntryInfo, data: Uint8Array): Uint8Array {
  const sizeLie = () => new ZipRejected('size-lie', { name: entry.name, size: entry.originalSize });
  const corrupt = () => new ZipRejected('corrupt-entry', { name: entry.name });
  // An empty deflate stream is not one: fflate would give nothing back without complaint.
  if (data.length < 2) throw corrupt();
  const output = new Uint8Array(entry.originalSize);
  let length = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    if (overflow || length + chunk.length > output.length) {
      overflow = true;
      return;
    }
    output.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let offset = 0; offset < data.length && !overflow; offset += SLICE) {
      const end = Math.min(offset + SLICE, data.length);
      inflate.push(data.subarray(offset, end), end === data.length);
    }
  } catch {
    throw corrupt();
  }
  if (overflow || length !== output.length) throw sizeLie();
  if (!needsEveryByte(data, output.length)) throw new ZipRejected('stray-data');
  return output;
}

/**
 * Whether the deflate stream needs its last byte. fflate stops at the end of the final block and
 * ignores what follows, but it fails on a stream cut short; so a stream that still inflates
 * without its last byte ended early, leaving bytes only a walk of local headers would read.
 */
function needsEveryByte(data: Uint8Array, size: number): boolean {
  try {
    inflateSync(data.subarray(0, data.length - 1), { out: new Uint8Array(size) });
    return false;
  } catch {
    return true;
  }
}
