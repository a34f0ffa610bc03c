import type { IndexableType, Table } from 'dexie';
import type { z } from 'zod';
import { RECORD_SCHEMAS, recordKey, type BackupContents, type BackupTable } from '../../core/backup/backup-format';
import { planImport, singleRecordImport, type ImportPlan, type SingleRecordImport } from '../../core/backup/plan-import';
import { ProfileImageSchema, type ProfileImage } from '../../core/profile/profile-image';
import { parseStoredProfile, type UnitProfile } from '../../core/profile/unit-profile';
import { checkReviews } from '../../core/backup/check-reviews';
import { writeBackup } from '../../core/backup/backup-file';
import { BatchRecordSchema } from '../../core/batch/batch-record';
import { DraftRecordSchema, type DraftRecord, type QuarantineRecord, type SnapshotRecord } from '../../core/drafts/draft-record';
import { describeIssues } from '../../core/drafts/describe-issues';
import { EvidenceRecordSchema, ItemProgressRecordSchema } from '../../core/progress/item-progress';
import { ProgressReportRecordSchema } from '../../core/progress-report/progress-report-record';
import { PROFILE_KEY, type PledgeDatabase } from '../store/database';
import { toBase64 } from '../shared/to-base64';

export type ProgressCallback = (done: number, total: number) => void;

export interface ExportOptions {
  readonly now: Date;
  readonly appVersion: string;
  readonly onProgress?: ProgressCallback;
  /** How the zip is made; the app passes the worker, tests the plain function. */
  readonly write?: typeof writeBackup;
}

/**
 * The whole database as one backup file. All tables are read in one read transaction, so the
 * backup is a consistent picture even while the app keeps saving. A stored row that does not
 * parse is not dropped and does not make the backup unreadable: it goes into the backup's
 * quarantine table, as the draft list already shows it.
 */
export async function exportDatabase(db: PledgeDatabase, options: ExportOptions): Promise<Uint8Array> {
  const [rows, profileRow, imageRows, batchRows, progressRows, evidenceRows, reportRows] = await db.transaction(
    'r',
    [db.drafts, db.letters, db.snapshots, db.documents, db.attachments, db.quarantine, db.profile, db.profileImages, db.batches, db.itemProgress, db.evidence, db.progressReports],
    () =>
      Promise.all([
        Promise.all([db.drafts.toArray(), db.letters.toArray(), db.snapshots.toArray(), db.documents.toArray(), db.attachments.toArray(), db.quarantine.toArray()]),
        db.profile.get(PROFILE_KEY),
        db.profileImages.toArray(),
        db.batches.toArray(),
        db.itemProgress.toArray(),
        db.evidence.toArray(),
        db.progressReports.toArray(),
      ]),
  );
  const at = options.now.getTime();
  const unreadable: QuarantineRecord[] = [];
  const checked = <T extends BackupTable>(table: T, tableRows: readonly unknown[]): BackupContents[T][number][] =>
    tableRows.flatMap((row) => {
      const parsed = RECORD_SCHEMAS[table].safeParse(row);
      if (parsed.success) return [parsed.data];
      unreadable.push(quarantined(table, recordKey(table, row) ?? '', row, describeIssues(parsed.error), at));
      return [];
    });
  const [drafts, letters, snapshots, documents, attachments, quarantine] = rows;
  const contents: BackupContents = {
    drafts: checked('drafts', drafts),
    letters: checked('letters', letters),
    snapshots: checked('snapshots', snapshots),
    documents: checked('documents', documents),
    attachments: checked('attachments', attachments),
    quarantine: checked('quarantine', quarantine),
  };
  contents.quarantine.push(...unreadable);
  const profile = parseStoredProfile(profileRow);
  if (profile) contents.profile = profile;
  // The optional lists: each row its schema reads, the others kept in the quarantine by their key.
  const readable = <T>(source: string, listRows: readonly unknown[], schema: z.ZodType<T>, keyOf: (row: Partial<Record<string, unknown>>) => string): T[] =>
    listRows.flatMap((row) => {
      const parsed = schema.safeParse(row);
      if (parsed.success) return [parsed.data];
      contents.quarantine.push(quarantined(source, keyOf(row as Partial<Record<string, unknown>>), row, describeIssues(parsed.error), at));
      return [];
    });
  const byId = (row: Partial<Record<string, unknown>>) => String(row['id']);
  const profileImages = readable('profileImages', imageRows, ProfileImageSchema, (row) => String(row['kind']));
  if (profileImages.length > 0) contents.profileImages = profileImages;
  const batches = readable('batches', batchRows, BatchRecordSchema, byId);
  if (batches.length > 0) contents.batches = batches;
  const itemProgress = readable('itemProgress', progressRows, ItemProgressRecordSchema, (row) => `${String(row['submissionId'])}+${String(row['number'])}`);
  if (itemProgress.length > 0) contents.itemProgress = itemProgress;
  const evidence = readable('evidence', evidenceRows, EvidenceRecordSchema, byId);
  if (evidence.length > 0) contents.evidence = evidence;
  const progressReports = readable('progressReports', reportRows, ProgressReportRecordSchema, byId);
  if (progressReports.length > 0) contents.progressReports = progressReports;
  const write = options.write ?? writeBackup;
  return write(contents, { exportedAt: options.now, appVersion: options.appVersion, onProgress: options.onProgress });
}

/**
 * What importing `contents` would do here, judged against `now`; the UI asks about `conflicts`
 * before {@link importBackup}, which it should give the same `now` so the plan it asked about holds.
 */
export async function planDatabaseImport(db: PledgeDatabase, contents: BackupContents, now: Date): Promise<ImportPlan> {
  return planImport((await db.drafts.toArray()).map(localStamp), contents, now);
}

export interface ImportOptions {
  /** Ids of conflicting drafts (local newer) the user chose to replace with the backup's version. */
  readonly overwrite: ReadonlySet<string>;
  readonly now: Date;
  /** Called after each draft or row is handled. */
  readonly onProgress?: ProgressCallback;
  /** Ids for the `before-import` snapshots. */
  readonly newId?: () => string;
}

// A type rather than an interface, so a result can be passed straight to t() as its parameters.
export type ImportResult = {
  /** Drafts that were not here. */
  readonly added: number;
  /** Local drafts replaced by the backup's version: the newer ones and the conflicts chosen. */
  readonly replaced: number;
  /** Local drafts left as they are: conflicts not chosen, and drafts saved at the same moment. */
  readonly kept: number;
  /** Drafts added or replaced as plain drafts because their review was not backed by its PDF. */
  readonly reviewsWithdrawn: number;
  /** The backup's unit profile: taken, left out for a newer one here, the same as here, or there was none. */
  readonly profile: SingleRecordImport;
  /** The backup's signature and seal images taken, and those left out for a newer one here. */
  readonly imagesRestored: number;
  readonly imagesKept: number;
};

/**
 * Merges a backup into the database, following {@link planImport}: new drafts are added with their
 * letters; drafts newer in the backup, and the conflicts named in `overwrite`, replace the local
 * ones after the local letter is kept as a `before-import` snapshot; other conflicts are left
 * alone. Snapshots, documents, attachments and quarantine rows are only ever added, never
 * overwritten; each item's progress and each progress report replaces the one here only when newer
 * ({@link singleRecordImport}). A draft whose review its PDF does not back ({@link checkReviews}) is written as a
 * plain draft needing review again, with an `unverified-review` snapshot saying so.
 *
 * Everything happens in one read-write transaction: an import that fails half-way (disk full, a
 * key clash) leaves the database exactly as it was, and a replacement can never land without its
 * before-import snapshot. The cost is that nothing is visible until the end; the data is in memory
 * already (the backup was read whole), so chunking would only trade that guarantee for earlier
 * visibility. Progress is still reported row by row from inside the transaction.
 */
export async function importBackup(db: PledgeDatabase, contents: BackupContents, options: ImportOptions): Promise<ImportResult> {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const at = options.now.getTime();
  const tables = [db.drafts, db.letters, db.snapshots, db.documents, db.attachments, db.quarantine, db.profile, db.profileImages, db.batches, db.itemProgress, db.evidence, db.progressReports];
  return db.transaction('rw', tables, async () => {
    const localRows: unknown[] = await db.drafts.toArray();
    const localById = new Map(localRows.map((row) => [localStamp(row).id, row]));
    const reviews = checkReviews(contents.drafts, contents.documents);
    const plan = planImport(localRows.map(localStamp), { ...contents, drafts: reviews.drafts }, options.now);
    const chosen = plan.conflicts.filter((conflict) => options.overwrite.has(conflict.incoming.id)).map((conflict) => conflict.incoming);
    const replace = [...plan.newer, ...chosen];

    const lettersByDraft = new Map(contents.letters.map((letter) => [letter.draftId, letter]));
    const incomingDraftIds = new Set(contents.drafts.map((draft) => draft.id));
    const orphanLetters = contents.letters.filter((letter) => !incomingDraftIds.has(letter.draftId));
    const total =
      plan.add.length + replace.length + orphanLetters.length + contents.snapshots.length + contents.documents.length + contents.attachments.length + contents.quarantine.length;
    let done = 0;
    const tick = () => options.onProgress?.(++done, total);
    let reviewsWithdrawn = 0;
    const noteWithdrawnReview = async (draftId: string) => {
      const claimed = reviews.withdrawn.get(draftId);
      if (!claimed) return;
      await db.snapshots.add(unverifiedReview(newId(), claimed, at, lettersByDraft.get(draftId)?.letter));
      reviewsWithdrawn++;
    };

    for (const draft of plan.add) {
      await db.drafts.add(draft);
      const letter = lettersByDraft.get(draft.id);
      if (letter) await db.letters.put(letter);
      await noteWithdrawnReview(draft.id);
      tick();
    }
    for (const draft of replace) {
      const local = localById.get(draft.id);
      const localLetter = await db.letters.get(draft.id);
      await db.snapshots.add(beforeImport(newId(), draft.id, at, local, localLetter?.letter));
      await db.drafts.put(draft);
      const letter = lettersByDraft.get(draft.id);
      if (letter) await db.letters.put(letter);
      await noteWithdrawnReview(draft.id);
      tick();
    }
    await addAbsent(db.letters, orphanLetters, (letter) => letter.draftId, tick);
    await addAbsent(db.snapshots, contents.snapshots, (snapshot) => snapshot.id, tick);
    await addAbsent(db.documents, contents.documents, (document): [string, string] => [document.draftId, document.sha256], tick);
    await addAbsent(db.attachments, contents.attachments, (attachment) => attachment.id, tick);
    await addQuarantine(db, contents.quarantine, tick);
    // A batch never changes once made (its letters do, in the drafts), so one already here is the same batch.
    await addAbsent(db.batches, contents.batches ?? [], (batch) => batch.id, () => undefined);
    // An evidence file never changes once added (its record names its bytes by hash); one already here is the same file.
    await addAbsent(db.evidence, contents.evidence ?? [], (file) => file.id, () => undefined);
    await importNewer(db, db.itemProgress, 'itemProgress', contents.itemProgress ?? [], ItemProgressRecordSchema, (record): [string, number] => [record.submissionId, record.number], options.now);
    await importNewer(db, db.progressReports, 'progressReports', contents.progressReports ?? [], ProgressReportRecordSchema, (record) => record.id, options.now);
    if (total === 0) options.onProgress?.(0, 0);
    const profile = await importProfile(db, contents.profile, options.now);
    const images = await importProfileImages(db, contents.profileImages ?? [], options.now);

    return {
      added: plan.add.length,
      replaced: replace.length,
      kept: plan.unchanged.length + plan.conflicts.length - chosen.length,
      reviewsWithdrawn,
      profile,
      imagesRestored: images.filter((outcome) => outcome === 'restored').length,
      imagesKept: images.filter((outcome) => outcome === 'kept').length,
    };
  });
}

/**
 * The backup's profile replaces the local one only when there is none here or the backup's is
 * newer, by the same clock rule as drafts: a profile edited here since is never lost unasked.
 */
async function importProfile(db: PledgeDatabase, incoming: UnitProfile | undefined, now: Date): Promise<SingleRecordImport> {
  const outcome = singleRecordImport(parseStoredProfile(await db.profile.get(PROFILE_KEY)), incoming, now);
  if (outcome === 'restored' && incoming) await db.profile.put({ ...incoming, id: PROFILE_KEY });
  return outcome;
}

/** Each image by the profile's rule on its own: a seal changed here survives a backup's newer signature. */
async function importProfileImages(db: PledgeDatabase, incoming: readonly ProfileImage[], now: Date): Promise<SingleRecordImport[]> {
  const outcomes: SingleRecordImport[] = [];
  for (const image of incoming) {
    const local = ProfileImageSchema.safeParse(await db.profileImages.get(image.kind));
    const outcome = singleRecordImport(local.success ? local.data : undefined, image, now);
    if (outcome === 'restored') await db.profileImages.put(image);
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * Each record (an item's progress, a progress report) by the profile's clock rule on its own: a
 * status, note or report changed here since the backup is never lost unasked, and a record only
 * in the backup comes back. A compound key is named in the quarantine as the export names it.
 */
async function importNewer<T extends TInsert & { readonly updatedAt: number }, TKey extends IndexableType, TInsert>(
  db: PledgeDatabase,
  table: Table<T, TKey, TInsert>,
  source: string,
  incoming: readonly T[],
  schema: z.ZodType<T>,
  keyOf: (record: T) => TKey,
  now: Date,
): Promise<void> {
  for (const record of incoming) {
    const key = keyOf(record);
    const row: unknown = await table.get(key);
    const local = schema.safeParse(row);
    if (singleRecordImport(local.success ? local.data : undefined, record, now) !== 'restored') continue;
    // A damaged row here is replaced, but kept verbatim first, as the export would keep it.
    if (row !== undefined && !local.success) await db.quarantine.add(quarantined(source, Array.isArray(key) ? key.join('+') : String(key), row, describeIssues(local.error), now.getTime()));
    await table.put(record);
  }
}

/** The local letter as it was before the import replaced it, so the import can be undone. */
function beforeImport(id: string, draftId: string, at: number, localRow: unknown, letter: unknown): SnapshotRecord {
  const local = DraftRecordSchema.safeParse(localRow);
  return {
    id,
    draftId,
    at,
    reason: 'before-import',
    status: local.success ? local.data.status : 'draft',
    letter: letter ?? null,
    ...(local.success && local.data.review ? { review: local.data.review } : {}),
  };
}

/**
 * What the backup claimed, kept in the history of the draft it was taken from: the status and
 * review as written, so nothing is lost, under a reason that says they could not be verified.
 * One millisecond after a `before-import` snapshot of the same import, so it reads as what followed.
 */
function unverifiedReview(id: string, claimed: DraftRecord, at: number, letter: unknown): SnapshotRecord {
  return {
    id,
    draftId: claimed.id,
    at: at + 1,
    reason: 'unverified-review',
    status: claimed.status,
    letter: letter ?? null,
    ...(claimed.review ? { review: claimed.review } : {}),
  };
}

/** A stored draft's id and time; a time that is not a number makes planImport ask rather than replace. */
function localStamp(row: unknown): Pick<DraftRecord, 'id' | 'updatedAt'> {
  const { id, updatedAt } = (row ?? {}) as { id?: unknown; updatedAt?: unknown };
  return { id: String(id), updatedAt: typeof updatedAt === 'number' ? updatedAt : Number.NaN };
}

async function addAbsent<T extends TInsert, TKey extends IndexableType, TInsert>(
  table: Table<T, TKey, TInsert>,
  rows: readonly T[],
  keyOf: (row: T) => TKey,
  tick: () => void,
): Promise<void> {
  if (rows.length === 0) return;
  // Keys only: checking by value would load every local PDF and image. Compound keys are
  // arrays, so keys are compared in their JSON form.
  const existing = new Set((await table.where(':id').anyOf(rows.map(keyOf)).primaryKeys()).map((key) => JSON.stringify(key)));
  for (const row of rows) {
    const key = JSON.stringify(keyOf(row));
    if (!existing.has(key)) {
      await table.add(row);
      existing.add(key);
    }
    tick();
  }
}

/**
 * Quarantine rows are numbered by each database on its own, so the backup's `seq` means nothing
 * here: a row is new unless one with the same source, key, content and time is already kept, and
 * it gets a fresh number.
 */
async function addQuarantine(db: PledgeDatabase, rows: readonly QuarantineRecord[], tick: () => void): Promise<void> {
  if (rows.length === 0) return;
  const identity = (row: QuarantineRecord) => JSON.stringify([row.source, row.key, row.raw, row.at]);
  const existing = new Set((await db.quarantine.toArray()).map(identity));
  for (const row of rows) {
    if (!existing.has(identity(row))) {
      const { seq: _seq, ...rest } = row;
      await db.quarantine.add(rest);
      existing.add(identity(row));
    }
    tick();
  }
}

/** A stored row that does not parse, kept whole; binaries are written as base64 so nothing is lost. */
function quarantined(source: string, key: string, row: unknown, reason: string, at: number): QuarantineRecord {
  let raw: string;
  try {
    raw = JSON.stringify(row, (_name, value: unknown) => (value instanceof Uint8Array ? { base64: toBase64(value) } : value)) ?? String(row);
  } catch {
    raw = String(row);
  }
  return { source, key, raw, reason, at };
}
