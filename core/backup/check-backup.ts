import type { z } from 'zod';
import { isRecord } from '../json/is-record';
import { parseJsonBytes } from '../json/parse-json-bytes';
import {
  BINARY_TABLES,
  BytesRefSchema,
  MANIFEST_ENTRY,
  BATCHES_ENTRY,
  EVIDENCE_ENTRY,
  ITEM_PROGRESS_ENTRY,
  PROFILE_ENTRY,
  PROFILE_IMAGES_ENTRY,
  PROGRESS_REPORTS_ENTRY,
  RECORD_SCHEMAS,
  recordKey,
  tableEntryName,
  type BackupContents,
  type BackupManifest,
  type BackupTable,
} from './backup-format';
import { BatchRecordSchema, type BatchRecord } from '../batch/batch-record';
import { t } from '../i18n/translate';
import { BackupRejected } from './backup-rejected';
import { ProfileImageSchema, type ProfileImage } from '../profile/profile-image';
import { UnitProfileSchema, type UnitProfile } from '../profile/unit-profile';
import { EvidenceRecordSchema, ItemProgressRecordSchema, type EvidenceRecord, type ItemProgressRecord } from '../progress/item-progress';
import { ProgressReportRecordSchema, type ProgressReportRecord } from '../progress-report/progress-report-record';

/*
 * The table checks readBackup runs once every entry is inflated and the manifest is read. Each
 * throws BackupRejected with the reason for the user.
 */

const BINARY_FIELD_TABLES: ReadonlySet<BackupTable> = new Set(BINARY_TABLES);

/** Where a record kept with its bytes has them, field by field. */
type BytesPath = readonly string[];
const BYTES_FIELD: BytesPath = ['bytes'];

export function parseTable<T extends BackupTable>(table: T, manifest: BackupManifest, files: ReadonlyMap<string, Uint8Array>): BackupContents[T][number][] {
  const name = tableEntryName(table);
  const bytes = files.get(name);
  if (!bytes) throw new BackupRejected(t('backup.error.missingEntry', { name }));
  const label = t(`backup.table.${table}`);
  const rows = parseJsonBytes(bytes);
  if (!Array.isArray(rows)) throw new BackupRejected(t('backup.error.tableNotJson', { table: label, name }));
  if (rows.length !== manifest.counts[table]) throw new BackupRejected(t('backup.error.countMismatch', { table: label, actual: rows.length, expected: manifest.counts[table] }));

  const schema: z.ZodType<BackupContents[T][number]> = RECORD_SCHEMAS[table];
  const keys = new Set<string>();
  return rows.map((row: unknown, index) => {
    const where = { table: label, n: index + 1, record: `${table}[${index}]` };
    const resolved = BINARY_FIELD_TABLES.has(table) ? resolveBytes(row, BYTES_FIELD, files, where) : row;
    const record = parseRecord(schema, resolved, where);
    const key = recordKey(table, record);
    if (key !== undefined) {
      if (keys.has(key)) throw new BackupRejected(t('backup.error.duplicateKey', { ...where, key }));
      keys.add(key);
    }
    return record;
  });
}

/**
 * The profile's images, if the backup has them: written like a table file (bytes as entries),
 * checked like one, one image per kind.
 */
export function parseProfileImages(files: ReadonlyMap<string, Uint8Array>): ProfileImage[] | undefined {
  return parseRecordList(files, { entry: PROFILE_IMAGES_ENTRY, table: 'profileImages', schema: ProfileImageSchema, keyOf: (image) => image.kind, bytesAt: BYTES_FIELD });
}

/** The staff batches, if the backup has them (older ones do not): one record per batch id. */
export function parseBatches(files: ReadonlyMap<string, Uint8Array>): BatchRecord[] | undefined {
  return parseRecordList(files, { entry: BATCHES_ENTRY, table: 'batches', schema: BatchRecordSchema, keyOf: (batch) => batch.id });
}

/** The progress of delivered letters' items, if the backup has it (older ones do not): one record per letter and item. */
export function parseItemProgress(files: ReadonlyMap<string, Uint8Array>): ItemProgressRecord[] | undefined {
  return parseRecordList(files, { entry: ITEM_PROGRESS_ENTRY, table: 'itemProgress', schema: ItemProgressRecordSchema, keyOf: (record) => `${record.submissionId}+${record.number}` });
}

/** The evidence files, if the backup has them: written like a table file (bytes as entries), one record per id. */
export function parseEvidence(files: ReadonlyMap<string, Uint8Array>): EvidenceRecord[] | undefined {
  return parseRecordList(files, { entry: EVIDENCE_ENTRY, table: 'evidence', schema: EvidenceRecordSchema, keyOf: (record) => record.id, bytesAt: BYTES_FIELD });
}

/** The progress reports, if the backup has them: each frozen PDF an entry of its own, one record per id. */
export function parseProgressReports(files: ReadonlyMap<string, Uint8Array>): ProgressReportRecord[] | undefined {
  return parseRecordList(files, { entry: PROGRESS_REPORTS_ENTRY, table: 'progressReports', schema: ProgressReportRecordSchema, keyOf: (record) => record.id, bytesAt: ['review', 'pdf'] });
}

/** An optional entry holding a list of records, checked like a table file: each record by its schema, no key twice. */
function parseRecordList<T>(
  files: ReadonlyMap<string, Uint8Array>,
  list: { entry: string; table: 'profileImages' | 'batches' | 'itemProgress' | 'evidence' | 'progressReports'; schema: z.ZodType<T>; keyOf: (record: T) => string; bytesAt?: BytesPath },
): T[] | undefined {
  const bytes = files.get(list.entry);
  if (!bytes) return undefined;
  const label = t(`backup.table.${list.table}`);
  const rows = parseJsonBytes(bytes);
  if (!Array.isArray(rows)) throw new BackupRejected(t('backup.error.tableNotJson', { table: label, name: list.entry }));
  const keys = new Set<string>();
  return rows.map((row: unknown, index) => {
    const where = { table: label, n: index + 1, record: `${list.table}[${index}]` };
    const record = parseRecord(list.schema, list.bytesAt ? resolveBytes(row, list.bytesAt, files, where) : row, where);
    const key = list.keyOf(record);
    if (keys.has(key)) throw new BackupRejected(t('backup.error.duplicateKey', { ...where, key }));
    keys.add(key);
    return record;
  });
}

/** The record as its schema reads it, or the refusal naming the first field that is wrong. */
function parseRecord<T>(schema: z.ZodType<T>, row: unknown, where: { table: string; n: number; record: string }): T {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const path = parsed.error.issues[0]?.path ?? [];
  if (path.length === 0) throw new BackupRejected(t('backup.error.invalidRecordShape', where));
  throw new BackupRejected(t('backup.error.invalidRecord', { ...where, field: formatIssuePath(path) }));
}

/** The unit profile, if the backup has one; the manifest check has already vouched for its bytes. */
export function parseProfile(files: ReadonlyMap<string, Uint8Array>): UnitProfile | undefined {
  const bytes = files.get(PROFILE_ENTRY);
  if (!bytes) return undefined;
  const parsed = UnitProfileSchema.safeParse(parseJsonBytes(bytes));
  if (!parsed.success) throw new BackupRejected(t('backup.error.invalidProfile', { name: PROFILE_ENTRY }));
  return parsed.data;
}

/**
 * Puts the entry's bytes back where the table file has `{ "entry": name }` at `path`. A record
 * without the path (a report not frozen yet) is left as it is, as is anything not a reference:
 * the schema reports the field.
 */
function resolveBytes(row: unknown, path: BytesPath, files: ReadonlyMap<string, Uint8Array>, where: { table: string; n: number; record: string }): unknown {
  const [field, ...rest] = path;
  if (field === undefined || !isRecord(row)) return row;
  if (rest.length > 0) {
    const inner = resolveBytes(row[field], rest, files, where);
    return inner === row[field] ? row : { ...row, [field]: inner };
  }
  const ref = BytesRefSchema.safeParse(row[field]);
  if (!ref.success) return row;
  const bytes = ref.data.entry === MANIFEST_ENTRY || ref.data.entry.startsWith('tables/') ? undefined : files.get(ref.data.entry);
  if (!bytes) throw new BackupRejected(t('backup.error.missingBytes', { ...where, name: ref.data.entry }));
  return { ...row, [field]: bytes };
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '$' : out;
}
