import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { BatchRecord } from '../../core/batch/batch-record';
import type { AttachmentRecord, DocumentRecord, DraftRecord, LetterRecord, QuarantineRecord, SnapshotRecord } from '../../core/drafts/draft-record';
import { migrateV1Draft } from '../../core/drafts/migrations/v1-to-v2';
import type { ProfileImage, ProfileImageKind } from '../../core/profile/profile-image';
import type { EvidenceRecord, ItemProgressRecord } from '../../core/progress/item-progress';
import type { ProgressReportRecord } from '../../core/progress-report/progress-report-record';
import type { UnitProfile } from '../../core/profile/unit-profile';

export const DATABASE_NAME = 'pledge-desk';

/**
 * Every schema the database has had, oldest first. A version is never edited once released: a
 * change adds a version with its upgrade, and the migration test writes data with each earlier
 * schema and opens it with the current one.
 */
export const SCHEMA_VERSIONS = [
  { version: 1, stores: { drafts: 'id, updatedAt, status' } },
  {
    version: 2,
    stores: {
      drafts: 'id, updatedAt, status, deletedAt',
      letters: 'draftId',
      snapshots: 'id, draftId, [draftId+at]',
      // Per draft: two drafts may freeze byte-identical PDFs, and each owns its copy.
      documents: '[draftId+sha256], draftId',
      // The compound index lets the list count signed copies without loading any scan.
      attachments: 'id, draftId, [draftId+approvalSha256]',
      quarantine: '++seq',
    },
    upgrade: upgradeToV2,
  },
  // The unit profile, one record under PROFILE_KEY; nothing to migrate, older data simply has none.
  { version: 3, stores: { profile: 'id' } },
  // The profile's signature and seal images, one row per kind, apart from the profile so that
  // saving a keystroke does not rewrite megabytes; nothing to migrate, older data has none.
  { version: 4, stores: { profileImages: 'kind' } },
  // Staff batches (core/batch), and the drafts' batchId index to read a batch's letters without the
  // whole table; nothing to migrate, older drafts belong to no batch.
  { version: 5, stores: { batches: 'id, createdAt', drafts: 'id, updatedAt, status, deletedAt, batchId' } },
  // A batch's `printed` (what was printed for signatures) is a field no index reads, so adding it needed
  // no new version: Dexie stores whatever the record holds, and older batches simply lack it.
  // The progress of each item of a delivered letter and its evidence files (core/progress/item-progress.ts),
  // by the letter's submission id, apart from the drafts: a delivered letter is no longer edited,
  // its progress goes on all year. Nothing to migrate, older data has none.
  { version: 6, stores: { itemProgress: '[submissionId+number], submissionId', evidence: 'id, submissionId' } },
  // Progress reports of delivered letters (core/progress-report/progress-report-record.ts), each with
  // its frozen PDF, read per letter by its submission id. Nothing to migrate, older data has none.
  { version: 7, stores: { progressReports: 'id, submissionId' } },
] as const satisfies readonly { version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<void> }[];

/** The one row of the `profile` table: there is one unit per installation. */
export const PROFILE_KEY = 'unit';

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export class PledgeDatabase extends Dexie {
  drafts!: EntityTable<DraftRecord, 'id'>;
  letters!: EntityTable<LetterRecord, 'draftId'>;
  snapshots!: EntityTable<SnapshotRecord, 'id'>;
  documents!: Table<DocumentRecord, [string, string]>;
  attachments!: EntityTable<AttachmentRecord, 'id'>;
  quarantine!: EntityTable<QuarantineRecord, 'seq'>;
  profile!: Table<UnitProfile & { id: string }, string>;
  profileImages!: Table<ProfileImage, ProfileImageKind>;
  batches!: EntityTable<BatchRecord, 'id'>;
  itemProgress!: Table<ItemProgressRecord, [string, number]>;
  evidence!: EntityTable<EvidenceRecord, 'id'>;
  progressReports!: EntityTable<ProgressReportRecord, 'id'>;

  constructor(name = DATABASE_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // 'strict' makes Chromium flush each commit to disk, so a power cut loses nothing committed.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const schema of SCHEMA_VERSIONS) {
      const version = this.version(schema.version).stores(schema.stores);
      if ('upgrade' in schema) version.upgrade(schema.upgrade);
    }
  }
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  const drafts = tx.table('drafts');
  const [keys, rows] = await Promise.all([drafts.toCollection().primaryKeys(), drafts.toArray()]);
  const now = Date.now();
  for (const [i, raw] of rows.entries()) {
    const key = keys[i]!;
    const result = migrateV1Draft(raw, String(key), now, crypto.randomUUID());
    if ('quarantine' in result) {
      await tx.table('quarantine').add(result.quarantine);
      await drafts.delete(key);
    } else {
      await drafts.put(result.draft);
      await tx.table('letters').put(result.letter);
      await tx.table('snapshots').put(result.snapshot);
    }
  }
}
