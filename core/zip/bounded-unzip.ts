import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { formatSize } from './format-size';

/**
 * Why a ZIP was refused, as a code and its parameters. Callers word it for their own file kind
 * (a backup, a submission package) through {@link zipRejectionMessage}.
 */
export type ZipProblemCode =
  | 'not-zip'
  | 'trailing-data'
  | 'too-many-entries'
  | 'unsafe-path'
  | 'duplicate-entry'
  | 'unsupported-compression'
  | 'size-lie'
  | 'too-large'
  | 'structure-mismatch'
  | 'corrupt-entry'
  | 'missing-entry'
  | 'unlisted-entry'
  | 'entry-size-mismatch'
  | 'entry-hash-mismatch'
  | 'manifest-not-json'
  | 'missing-format'
  | 'unknown-format'
  | 'manifest-invalid';

/** Thrown by the bounded reader; `params` fill the caller's message (`name`, `size`, `max` …). */
export class ZipRejected extends Error {
  constructor(
    readonly code: ZipProblemCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`ZIP refused: ${code}`);
    this.name = 'ZipRejected';
  }
}

export interface ZipLimits {
  /** Total inflated bytes the caller accepts, judged on declared sizes and enforced while inflating. */
  readonly maxBytes: number;
  /** More central-directory records than this means the file is not one of ours. */
  readonly maxEntries: number;
}

export interface ZipEntryInfo {
  readonly name: string;
  /** Compressed size. */
  readonly size: number;
  /** Inflated size as the central directory declares it; not trusted until inflated. */
  readonly originalSize: number;
  readonly compression: number;
}

const STORED = 0;
const DEFLATED = 8;
const MAX_DEFLATE_RATIO = 1032;

/**
 * Lists a ZIP's central directory without inflating anything, and refuses what none of our files
 * may contain: unsafe paths, duplicates, unknown compression, implausible sizes, more than the limits.
 *
 * @throws ZipRejected
 * @example const files = inflateEntries(zip, listZipEntries(zip, { maxBytes: 1 << 20, maxEntries: 10 }));
 */
export function listZipEntries(zip: Uint8Array, limits: ZipLimits): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    // The filter sees each central-directory record; returning false means nothing is inflated.
    unzipSync(zip, {
      filter: (info) => {
        if (entries.length >= limits.maxEntries) throw new ZipRejected('too-many-entries', { max: limits.maxEntries });
        entries.push({ name: info.name, size: info.size, originalSize: info.originalSize, compression: info.compression });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ZipRejected) throw error;
    throw new ZipRejected('not-zip');
  }

  // Readers tolerate bytes after the end record, but then the file is not the one that was
  // written: its hash differs while every entry still checks out.
  if (!endsAtEndRecord(zip)) throw new ZipRejected('trailing-data');

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

const END_RECORD_SIGNATURE = 0x06054b50;
const END_RECORD_SIZE = 22;

/** Whether the last end-of-central-directory record, with its comment, ends exactly at the last byte. */
function endsAtEndRecord(zip: Uint8Array): boolean {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const earliest = Math.max(0, zip.byteLength - END_RECORD_SIZE - 0xffff);
  for (let at = zip.byteLength - END_RECORD_SIZE; at >= earliest; at -= 1) {
    if (view.getUint32(at, true) === END_RECORD_SIGNATURE) return at + END_RECORD_SIZE + view.getUint16(at + 20, true) === zip.byteLength;
  }
  return false;
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

/**
 * Inflates every listed entry, never holding more than each entry's declared size: the input is
 * fed in small slices and an entry that inflates past what it declared (a "zip bomb" lying about
 * its size) is refused at once, as is one that comes out shorter. Local headers are checked
 * against the central directory, so no entry can hide from {@link listZipEntries}.
 *
 * `onEntry` is called as each entry is complete.
 *
 * @throws ZipRejected
 * @example const files = inflateEntries(zip, listZipEntries(zip, limits), (name) => console.log(name));
 */
export function inflateEntries(zip: Uint8Array, listed: readonly ZipEntryInfo[], onEntry?: (name: string) => void): Map<string, Uint8Array> {
  const declared = new Map(listed.map((entry) => [entry.name, entry]));
  const outputs = new Map<string, { bytes: Uint8Array; length: number; done: boolean }>();
  let failure: ZipRejected | undefined;
  const fail = (rejection: ZipRejected) => (failure ??= rejection);

  const unzip = new Unzip((file: UnzipFile) => {
    const info = declared.get(file.name);
    // Sizes are missing from a local header only when a data descriptor follows the data.
    const headerDisagrees = file.compression !== info?.compression || (file.originalSize !== undefined && file.originalSize !== info.originalSize);
    if (!info || outputs.has(file.name) || headerDisagrees) {
      fail(new ZipRejected('structure-mismatch', { name: file.name }));
      return;
    }
    const sizeLie = () => new ZipRejected('size-lie', { name: file.name, size: info.originalSize });
    const output = { bytes: new Uint8Array(info.originalSize), length: 0, done: false };
    outputs.set(file.name, output);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return void fail(new ZipRejected('corrupt-entry', { name: file.name }));
      if (output.length + chunk.length > output.bytes.length) return void fail(sizeLie());
      output.bytes.set(chunk, output.length);
      output.length += chunk.length;
      if (final) {
        if (output.length !== output.bytes.length) return void fail(sizeLie());
        output.done = true;
        onEntry?.(file.name);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  // Small slices bound what one push can inflate (deflate expands at most ~1032:1).
  const SLICE = 16 * 1024;
  try {
    for (let offset = 0; offset < zip.length && !failure; offset += SLICE) {
      const end = Math.min(offset + SLICE, zip.length);
      unzip.push(zip.subarray(offset, end), end === zip.length);
    }
  } catch {
    fail(new ZipRejected('not-zip'));
  }
  if (failure) throw failure;

  const result = new Map<string, Uint8Array>();
  for (const entry of listed) {
    const output = outputs.get(entry.name);
    if (!output) throw new ZipRejected('structure-mismatch', { name: entry.name });
    if (!output.done) throw new ZipRejected('corrupt-entry', { name: entry.name });
    result.set(entry.name, output.bytes);
  }
  return result;
}
