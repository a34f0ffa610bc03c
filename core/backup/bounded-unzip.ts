import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
import { MAX_BACKUP_BYTES, MAX_BACKUP_ENTRIES } from './backup-format';
import { t } from '../i18n/translate';

/** A reason to refuse a backup, already in words for the user. */
export class BackupRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BackupRejected';
  }
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
 * Lists a ZIP's central directory without inflating anything, and refuses what a backup must
 * never contain: unsafe paths, duplicates, unknown compression, more than the size limit.
 *
 * @throws BackupRejected with the reason for the user.
 * @example const files = inflateEntries(zip, listZipEntries(zip));
 */
export function listZipEntries(zip: Uint8Array, maxBytes = MAX_BACKUP_BYTES): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    // The filter sees each central-directory record; returning false means nothing is inflated.
    unzipSync(zip, {
      filter: (info) => {
        if (entries.length >= MAX_BACKUP_ENTRIES) throw new BackupRejected(t('backup.error.tooManyEntries', { max: MAX_BACKUP_ENTRIES }));
        entries.push({ name: info.name, size: info.size, originalSize: info.originalSize, compression: info.compression });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof BackupRejected) throw error;
    throw new BackupRejected(t('backup.error.notZip'));
  }
  if (entries.length === 0) throw new BackupRejected(t('backup.error.missingManifest'));

  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (!isSafeEntryName(entry.name)) throw new BackupRejected(t('backup.error.unsafePath', { name: entry.name }));
    if (seen.has(entry.name)) throw new BackupRejected(t('backup.error.duplicateEntry', { name: entry.name }));
    seen.add(entry.name);
    if (entry.compression !== STORED && entry.compression !== DEFLATED) {
      throw new BackupRejected(t('backup.error.unsupportedCompression', { name: entry.name, method: entry.compression }));
    }
    // A stored entry is its own inflated form, so the two sizes must agree; deflate cannot expand
    // more than about 1032:1, so a larger claim is a lie too (and must not size a buffer).
    const plausible = entry.compression === STORED ? entry.size === entry.originalSize : entry.originalSize <= entry.size * MAX_DEFLATE_RATIO + 1024;
    if (!plausible) {
      throw new BackupRejected(t('backup.error.sizeLie', { name: entry.name, size: entry.originalSize }));
    }
    total += entry.originalSize;
  }
  if (total > maxBytes) throw new BackupRejected(t('backup.error.tooLarge', { size: formatSize(total), limit: formatSize(maxBytes) }));
  return entries;
}

/**
 * Relative, forward-slash paths without `.` or `..` segments: nothing that could name a place
 * outside the backup if someone unpacked it, and nothing two spellings could make ambiguous.
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
 * @throws BackupRejected with the reason for the user.
 * @example const files = inflateEntries(zip, listZipEntries(zip), (name) => console.log(name));
 */
export function inflateEntries(zip: Uint8Array, listed: readonly ZipEntryInfo[], onEntry?: (name: string) => void): Map<string, Uint8Array> {
  const declared = new Map(listed.map((entry) => [entry.name, entry]));
  const outputs = new Map<string, { bytes: Uint8Array; length: number; done: boolean }>();
  let failure: BackupRejected | undefined;
  const fail = (rejection: BackupRejected) => (failure ??= rejection);

  const unzip = new Unzip((file: UnzipFile) => {
    const info = declared.get(file.name);
    // Sizes are missing from a local header only when a data descriptor follows the data.
    const headerDisagrees = file.compression !== info?.compression || (file.originalSize !== undefined && file.originalSize !== info.originalSize);
    if (!info || outputs.has(file.name) || headerDisagrees) {
      fail(new BackupRejected(t('backup.error.structureMismatch', { name: file.name })));
      return;
    }
    const output = { bytes: new Uint8Array(info.originalSize), length: 0, done: false };
    outputs.set(file.name, output);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return void fail(new BackupRejected(t('backup.error.corruptEntry', { name: file.name })));
      if (output.length + chunk.length > output.bytes.length) return void fail(new BackupRejected(t('backup.error.sizeLie', { name: file.name, size: info.originalSize })));
      output.bytes.set(chunk, output.length);
      output.length += chunk.length;
      if (final) {
        if (output.length !== output.bytes.length) return void fail(new BackupRejected(t('backup.error.sizeLie', { name: file.name, size: info.originalSize })));
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
    fail(new BackupRejected(t('backup.error.notZip')));
  }
  if (failure) throw failure;

  const result = new Map<string, Uint8Array>();
  for (const entry of listed) {
    const output = outputs.get(entry.name);
    if (!output) throw new BackupRejected(t('backup.error.structureMismatch', { name: entry.name }));
    if (!output.done) throw new BackupRejected(t('backup.error.corruptEntry', { name: entry.name }));
    result.set(entry.name, output.bytes);
  }
  return result;
}

/**
 * Sizes for people.
 *
 * @example formatSize(2 * 1024 ** 3) // '2 GB'
 */
export function formatSize(bytes: number): string {
  const units = ['字节', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${units[unit]}`;
}
