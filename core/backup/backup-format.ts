import { z } from 'zod';
import {
  AttachmentRecordSchema,
  DocumentRecordSchema,
  DraftRecordSchema,
  LetterRecordSchema,
  SnapshotRecordSchema,
  type AttachmentRecord,
  type DocumentRecord,
  type DraftRecord,
  type LetterRecord,
  type QuarantineRecord,
  type SnapshotRecord,
} from '../drafts/draft-record';
import type { BatchRecord } from '../batch/batch-record';
import type { ProfileImage } from '../profile/profile-image';
import type { UnitProfile } from '../profile/unit-profile';
import type { EvidenceRecord, ItemProgressRecord } from '../progress/item-progress';
import type { ProgressReportRecord } from '../progress-report/progress-report-record';

/**
 * The backup file `pledge-backup/1`: one ZIP holding
 *
 * - `manifest.json` — {@link BackupManifest}: format, when and by which version it was written, the
 *   record count of each table, and the name, size and SHA-256 of every other entry;
 * - `tables/<table>.json` — a JSON array per table, where each `bytes` field is replaced by
 *   `{ "entry": "<zip entry name>" }`;
 * - `documents/<n>.pdf`, `attachments/<n>.<ext>` — the binaries as they are, stored uncompressed;
 * - `profile.json` — the unit profile, when one was entered (backups made before it have none);
 * - `profile-images.json` — the profile's signature and seal images, as a table file is written,
 *   with their bytes in `profile/<kind>.<png|jpg>`; absent when there are none, and from older backups;
 * - `batches.json` — the staff batches (core/batch), a JSON array; absent when there are none, and from older backups;
 * - `item-progress.json` — the progress recorded for each item of a delivered letter (core/progress/item-progress.ts),
 *   a JSON array; absent when there is none, and from older backups;
 * - `evidence.json` — the evidence files of that progress, as a table file is written, with their
 *   bytes in `evidence/<n>.<ext>`; absent when there are none, and from older backups;
 * - `progress-reports.json` — the progress reports of delivered letters (core/progress-report), as a
 *   table file is written, the frozen PDF of each report submitted for review (`review.pdf`) in
 *   `progress-reports/<n>.pdf`; absent when there are none, and from older backups.
 *
 * @example
 * const zip = await writeBackup(contents, { exportedAt: new Date(), appVersion: '0.1.0' });
 * const read = await readBackup(zip);
 * if (read.ok) planImport(localDrafts, read.contents, new Date());
 */
export const BACKUP_FORMAT = 'pledge-backup/1';

export const MANIFEST_ENTRY = 'manifest.json';

/** Everything the local database holds, as plain records. */
export interface BackupContents {
  drafts: DraftRecord[];
  letters: LetterRecord[];
  snapshots: SnapshotRecord[];
  documents: DocumentRecord[];
  attachments: AttachmentRecord[];
  quarantine: QuarantineRecord[];
  /** The unit profile; absent from backups of an installation without one, and from older backups. */
  profile?: UnitProfile;
  /** The profile's signature and seal images; absent when there are none, and from older backups. */
  profileImages?: ProfileImage[];
  /** The staff batches; absent when there are none, and from older backups. */
  batches?: BatchRecord[];
  /** The progress of the items of delivered letters; absent when there is none, and from older backups. */
  itemProgress?: ItemProgressRecord[];
  /** The evidence files of that progress; absent when there are none, and from older backups. */
  evidence?: EvidenceRecord[];
  /** The progress reports, each with its frozen PDF once submitted; absent when there are none, and from older backups. */
  progressReports?: ProgressReportRecord[];
}

/** Its own entry rather than a table, so a backup without it (any older one) reads as before. */
export const PROFILE_ENTRY = 'profile.json';

/** Like {@link PROFILE_ENTRY}, optional: readers before it list the entries and ignore them. */
export const PROFILE_IMAGES_ENTRY = 'profile-images.json';

/** Like {@link PROFILE_IMAGES_ENTRY}: a batch's drafts are in the tables, the batch naming them here. */
export const BATCHES_ENTRY = 'batches.json';

/** Like {@link BATCHES_ENTRY}: optional, so older readers ignore it and older backups lack it. */
export const ITEM_PROGRESS_ENTRY = 'item-progress.json';

/** Like {@link PROFILE_IMAGES_ENTRY}: the records here, each file's bytes an entry of its own. */
export const EVIDENCE_ENTRY = 'evidence.json';

/** Like {@link EVIDENCE_ENTRY}, the bytes being each report's frozen PDF, nested at `review.pdf`. */
export const PROGRESS_REPORTS_ENTRY = 'progress-reports.json';

export const BACKUP_TABLES = ['drafts', 'letters', 'snapshots', 'documents', 'attachments', 'quarantine'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const tableEntryName = (table: BackupTable): string => `tables/${table}.json`;

/**
 * Reading refuses a backup that would inflate to more than this, checked on the sizes the ZIP
 * declares before anything is inflated, and again while inflating in case a declared size lies.
 */
export const MAX_BACKUP_BYTES = 2 * 1024 ** 3;

/** Far more entries than any real backup has; a central directory claiming more is not ours. */
export const MAX_BACKUP_ENTRIES = 200_000;

/** `QuarantineRecord` is a plain interface in draft-record.ts; the backup needs it checked too. */
export const QuarantineRecordSchema = z.object({
  seq: z.number().int().nonnegative().optional(),
  source: z.string(),
  key: z.string(),
  raw: z.string(),
  reason: z.string(),
  at: z.number().int().nonnegative(),
}) satisfies z.ZodType<QuarantineRecord>;

const count = z.number().int().nonnegative();

export const ManifestEntrySchema = z.object({
  name: z.string().min(1),
  size: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const BackupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  exportedAt: z.iso.datetime(),
  appVersion: z.string(),
  counts: z.object({ drafts: count, letters: count, snapshots: count, documents: count, attachments: count, quarantine: count }),
  entries: z.array(ManifestEntrySchema),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

/** How a table file points at a binary kept as its own entry. */
export const BytesRefSchema = z.object({ entry: z.string().min(1) });
export type BytesRef = z.infer<typeof BytesRefSchema>;

/** The full schema of each table's records, once binaries are resolved. */
export const RECORD_SCHEMAS: { readonly [T in BackupTable]: z.ZodType<BackupContents[T][number]> } = {
  drafts: DraftRecordSchema,
  letters: LetterRecordSchema,
  snapshots: SnapshotRecordSchema,
  documents: DocumentRecordSchema,
  attachments: AttachmentRecordSchema,
  quarantine: QuarantineRecordSchema,
};

/**
 * The fields forming each table's primary key, as the database declares it (documents belong to
 * a draft, so two drafts can each keep a byte-identical PDF); quarantine rows have none of their own.
 */
export const TABLE_KEY_FIELDS = {
  drafts: ['id'],
  letters: ['draftId'],
  snapshots: ['id'],
  documents: ['draftId', 'sha256'],
  attachments: ['id'],
  quarantine: [],
} as const satisfies { readonly [T in BackupTable]: readonly (keyof BackupContents[T][number])[] };

/**
 * A record's primary key as one string, to compare keys of any table; `undefined` for quarantine.
 *
 * @example recordKey('documents', { draftId: 'd1', sha256: 'ab…' }) // 'd1+ab…'
 */
export function recordKey(table: BackupTable, record: unknown): string | undefined {
  const fields: readonly string[] = TABLE_KEY_FIELDS[table];
  if (fields.length === 0) return undefined;
  const values = fields.map((field) => (typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[field] : undefined));
  return values.map(String).join('+');
}

/** Tables whose records carry a `bytes` field written as a separate entry. */
export const BINARY_TABLES = ['documents', 'attachments'] as const satisfies readonly BackupTable[];
