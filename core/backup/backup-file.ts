import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AttachmentType } from '../drafts/draft-record';
import { sha256Hex } from '../hash/sha256-hex';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BackupManifestSchema,
  BATCHES_ENTRY,
  EVIDENCE_ENTRY,
  ITEM_PROGRESS_ENTRY,
  MANIFEST_ENTRY,
  MAX_BACKUP_BYTES,
  MAX_BACKUP_ENTRIES,
  PROFILE_ENTRY,
  PROFILE_IMAGES_ENTRY,
  PROGRESS_REPORTS_ENTRY,
  tableEntryName,
  type BackupContents,
  type BackupManifest,
  type BytesRef,
  type ManifestEntry,
} from './backup-format';
import { t } from '../i18n/translate';
import { inflateEntries, listZipEntries, ZipRejected } from '../zip/bounded-unzip';
import { zipRejectionMessage } from '../zip/zip-rejection-message';
import { BACKUP_ZIP_MESSAGES, BackupRejected } from './backup-rejected';
import { parseBatches, parseEvidence, parseItemProgress, parseProfile, parseProfileImages, parseProgressReports, parseTable } from './check-backup';
import { parseManifest } from '../zip/parse-manifest';
import { checkListedEntries } from '../zip/listed-entries';
import { checkBinaries } from './check-binaries';
import { errorText } from '../errors/error-text';

// The format's names belong to this module's public face; their definitions live with the schemas.
export { BACKUP_FORMAT, type BackupContents, type BackupManifest } from './backup-format';

export interface WriteBackupOptions {
  readonly exportedAt: Date;
  readonly appVersion: string;
  /** Called once per entry, then once more when the ZIP is assembled (`done === total`). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Thrown when the data is larger than a backup may be: {@link readBackup} would refuse the file. */
export class BackupTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`The data to back up is ${size} bytes, more than the ${MAX_BACKUP_BYTES} a backup may hold; purge drafts from the bin and try again.`);
    this.name = 'BackupTooLargeError';
  }
}

const EXTENSIONS: Record<AttachmentType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'application/pdf': 'pdf' };

interface PendingEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** PDFs and images are compressed already: storing them saves time and keeps them byte-for-byte. */
  readonly level: 0 | 6;
}

/**
 * Writes every table into one `pledge-backup/1` ZIP (see {@link BACKUP_FORMAT}). The output
 * depends only on the contents and options, so the same data gives the same bytes.
 *
 * @throws BackupTooLargeError when the entries add up to more than {@link MAX_BACKUP_BYTES}.
 * @example
 * const zip = await writeBackup(contents, { exportedAt: new Date('2026-04-20T09:00:00Z'), appVersion: '0.1.0' });
 */
export async function writeBackup(contents: BackupContents, options: WriteBackupOptions): Promise<Uint8Array> {
  const binaries: PendingEntry[] = [];
  const ref = (name: string, data: Uint8Array): BytesRef => {
    binaries.push({ name, data, level: 0 });
    return { entry: name };
  };
  const tables: Record<(typeof BACKUP_TABLES)[number], unknown[]> = {
    drafts: contents.drafts,
    letters: contents.letters,
    snapshots: contents.snapshots,
    documents: contents.documents.map((document, i) => ({ ...document, bytes: ref(`documents/${i}.pdf`, document.bytes) })),
    attachments: contents.attachments.map((attachment, i) => ({ ...attachment, bytes: ref(`attachments/${i}.${EXTENSIONS[attachment.type] ?? 'bin'}`, attachment.bytes) })),
    quarantine: contents.quarantine,
  };
  const profileImages = (contents.profileImages ?? []).map((image) => ({ ...image, bytes: ref(`profile/${image.kind}.${EXTENSIONS[image.type]}`, image.bytes) }));
  const evidence = (contents.evidence ?? []).map((file, i) => ({ ...file, bytes: ref(`evidence/${i}.${EXTENSIONS[file.type] ?? 'bin'}`, file.bytes) }));
  // A draft report has no PDF yet; one returned to 草稿 has dropped its review, and its PDF with it.
  const progressReports = (contents.progressReports ?? []).map((record, i) => (record.review ? { ...record, review: { ...record.review, pdf: ref(`progress-reports/${i}.pdf`, record.review.pdf) } } : record));
  const entries: PendingEntry[] = [
    ...BACKUP_TABLES.map((table): PendingEntry => ({ name: tableEntryName(table), data: strToU8(JSON.stringify(tables[table])), level: 6 })),
    ...(contents.profile ? [{ name: PROFILE_ENTRY, data: strToU8(JSON.stringify(contents.profile)), level: 6 } satisfies PendingEntry] : []),
    ...(profileImages.length > 0 ? [{ name: PROFILE_IMAGES_ENTRY, data: strToU8(JSON.stringify(profileImages)), level: 6 } satisfies PendingEntry] : []),
    ...(contents.batches?.length ? [{ name: BATCHES_ENTRY, data: strToU8(JSON.stringify(contents.batches)), level: 6 } satisfies PendingEntry] : []),
    ...(contents.itemProgress?.length ? [{ name: ITEM_PROGRESS_ENTRY, data: strToU8(JSON.stringify(contents.itemProgress)), level: 6 } satisfies PendingEntry] : []),
    ...(evidence.length > 0 ? [{ name: EVIDENCE_ENTRY, data: strToU8(JSON.stringify(evidence)), level: 6 } satisfies PendingEntry] : []),
    ...(progressReports.length > 0 ? [{ name: PROGRESS_REPORTS_ENTRY, data: strToU8(JSON.stringify(progressReports)), level: 6 } satisfies PendingEntry] : []),
    ...binaries,
  ];

  const size = entries.reduce((sum, entry) => sum + entry.data.byteLength, 0);
  if (size > MAX_BACKUP_BYTES) throw new BackupTooLargeError(size);

  // The manifest and the assembly of the ZIP count as the last step.
  const total = entries.length + 1;
  const listed: ManifestEntry[] = [];
  for (const [i, entry] of entries.entries()) {
    listed.push({ name: entry.name, size: entry.data.byteLength, sha256: sha256Hex(entry.data) });
    options.onProgress?.(i + 1, total);
  }

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    exportedAt: options.exportedAt.toISOString(),
    appVersion: options.appVersion,
    counts: {
      drafts: contents.drafts.length,
      letters: contents.letters.length,
      snapshots: contents.snapshots.length,
      documents: contents.documents.length,
      attachments: contents.attachments.length,
      quarantine: contents.quarantine.length,
    },
    entries: listed,
  };
  const files: Zippable = { [MANIFEST_ENTRY]: [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }] };
  for (const entry of entries) files[entry.name] = [entry.data, { level: entry.level }];
  const zip = zipSync(files, { mtime: dosRange(options.exportedAt) });
  options.onProgress?.(total, total);
  return zip;
}

export type ReadBackupResult =
  | {
      readonly ok: true;
      readonly contents: BackupContents;
      readonly manifest: BackupManifest;
      /** Documents, attachments, evidence files, progress reports and profile images their own bytes contradict, moved to `contents.quarantine` (see {@link checkBinaries}). */
      readonly setAside: number;
    }
  | { readonly ok: false; /** In Chinese, for the user: what is wrong with the file. */ readonly reason: string };

/**
 * Reads and checks a `pledge-backup/1` file. Nothing in it is trusted: the ZIP's declared sizes
 * are checked before inflating and enforced while inflating, every entry against the manifest's
 * size and SHA-256, every record against its table's schema. Never throws; a file that fails any
 * check gives `{ ok: false, reason }` naming the problem. A document or attachment that its own
 * bytes contradict does not fail the file: it is moved to the quarantine, stamped `now`.
 *
 * `onProgress` counts the entries inflated, then one last step for checking the records.
 *
 * @example
 * const read = await readBackup(bytes, (done, total) => setProgress(done / total));
 * if (!read.ok) showError(read.reason);
 */
export async function readBackup(bytes: Uint8Array, onProgress?: (done: number, total: number) => void, now: Date = new Date()): Promise<ReadBackupResult> {
  try {
    return { ok: true, ...parseBackup(bytes, now, onProgress) };
  } catch (error) {
    if (error instanceof BackupRejected) return { ok: false, reason: error.reason };
    if (error instanceof ZipRejected) return { ok: false, reason: zipRejectionMessage(error, BACKUP_ZIP_MESSAGES) };
    return { ok: false, reason: t('backup.error.unreadable', { detail: errorText(error) }) };
  }
}

function parseBackup(bytes: Uint8Array, now: Date, onProgress?: (done: number, total: number) => void): { contents: BackupContents; manifest: BackupManifest; setAside: number } {
  const listed = listZipEntries(bytes, { maxBytes: MAX_BACKUP_BYTES, maxEntries: MAX_BACKUP_ENTRIES });
  if (!listed.some((entry) => entry.name === MANIFEST_ENTRY)) throw new BackupRejected(t('backup.error.missingManifest'));

  const total = listed.length + 1;
  let done = 0;
  const files = inflateEntries(bytes, listed, () => onProgress?.(++done, total));

  const manifest = parseManifest(files.get(MANIFEST_ENTRY)!, { name: MANIFEST_ENTRY, format: BACKUP_FORMAT, schema: BackupManifestSchema, entries: (m) => m.entries, entriesKey: 'entries' });
  checkListedEntries(manifest.entries, files, MANIFEST_ENTRY);

  const parsed: BackupContents = {
    drafts: parseTable('drafts', manifest, files),
    letters: parseTable('letters', manifest, files),
    snapshots: parseTable('snapshots', manifest, files),
    documents: parseTable('documents', manifest, files),
    attachments: parseTable('attachments', manifest, files),
    quarantine: parseTable('quarantine', manifest, files),
  };
  const profile = parseProfile(files);
  if (profile) parsed.profile = profile;
  const profileImages = parseProfileImages(files);
  if (profileImages) parsed.profileImages = profileImages;
  const batches = parseBatches(files);
  if (batches) parsed.batches = batches;
  const itemProgress = parseItemProgress(files);
  if (itemProgress) parsed.itemProgress = itemProgress;
  const evidence = parseEvidence(files);
  if (evidence) parsed.evidence = evidence;
  const progressReports = parseProgressReports(files);
  if (progressReports) parsed.progressReports = progressReports;
  const { contents, setAside } = checkBinaries(parsed, now.getTime());
  onProgress?.(total, total);
  return { contents, manifest, setAside };
}

/** ZIP timestamps (DOS format) only cover 1980–2107, and fflate refuses anything outside 1980–2099. */
function dosRange(date: Date): Date {
  const year = date.getFullYear();
  return year >= 1980 && year <= 2099 ? date : new Date(1980, 0, 1);
}
