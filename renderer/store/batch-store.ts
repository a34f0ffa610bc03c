import type { BatchDraftState } from '../../core/batch/batch-progress';
import { BatchPrintedSchema, BatchRecordSchema, type BatchMember, type BatchPrinted, type BatchRecord, type BatchRefusal } from '../../core/batch/batch-record';
import { DraftRecordSchema, isCurrentSignedCopy, type DraftRecord, type SnapshotRecord } from '../../core/drafts/draft-record';
import * as workflow from '../../core/drafts/workflow';
import type { StaffMember } from '../../core/staff/staff-member';
import type { PledgeDatabase } from './database';

/** One accepted roster row and the letter made for it. */
export interface BatchLetter {
  readonly member: StaffMember;
  readonly letter: unknown;
}

export interface NewBatch {
  readonly title: string;
  readonly year: number;
  /** The roster file's name. */
  readonly sourceName: string;
  readonly letters: readonly BatchLetter[];
  readonly refused: readonly BatchRefusal[];
}

/** A batch with the state of each of its drafts, keyed by draft id, for core/batch's batchProgress. */
export interface BatchWithDrafts {
  readonly batch: BatchRecord;
  readonly drafts: ReadonlyMap<string, BatchDraftState>;
}

export type BatchStore = ReturnType<typeof createBatchStore>;

/** The drafts of a personal letter; a batch's letters are ordinary drafts, each edited, reviewed and sent on its own. */
const TEMPLATE_KEY = 'person';

/**
 * Staff batches: the batch record and its drafts. Each step of an ordinary letter (review,
 * approval, signed copies) goes through the draft store, one transaction per letter, so a window
 * closed half-way through a batch loses nothing already done.
 */
export function createBatchStore(db: PledgeDatabase, newId: () => string = () => crypto.randomUUID()) {
  return {
    /**
     * The batch and one draft per letter, all in one transaction: either every letter of the
     * roster is there, with the batch naming it, or none is. ID numbers stay in the letters only.
     */
    async create(input: NewBatch, now: Date): Promise<BatchRecord> {
      const at = now.getTime();
      const batchId = newId();
      const drafts: DraftRecord[] = [];
      const snapshots: SnapshotRecord[] = [];
      const members: BatchMember[] = input.letters.map(({ member, letter }) => {
        const created = workflow.newDraft(newId(), TEMPLATE_KEY, letter, at);
        drafts.push({ ...created.draft, batchId });
        for (const note of created.snapshots) snapshots.push({ ...note, id: note.id ?? newId(), draftId: created.draft.id });
        return { memberId: newId(), row: member.row, name: member.name, position: member.position, department: member.department, postType: member.postType, draftId: created.draft.id };
      });
      const batch = BatchRecordSchema.parse({ id: batchId, year: input.year, title: input.title, createdAt: at, sourceName: input.sourceName, members, refused: input.refused });
      await db.transaction('rw', [db.batches, db.drafts, db.letters, db.snapshots], async () => {
        await db.batches.add(batch);
        await db.drafts.bulkAdd(drafts);
        await db.letters.bulkAdd(input.letters.map(({ letter }, i) => ({ draftId: drafts[i]!.id, letter })));
        await db.snapshots.bulkAdd(snapshots);
      });
      return batch;
    },

    /** Newest first; a stored batch that no longer parses is counted, not hidden silently. */
    async list(): Promise<{ readonly batches: readonly BatchRecord[]; readonly unreadable: number }> {
      const rows = await db.batches.toArray();
      const batches = rows.flatMap((row) => {
        const parsed = BatchRecordSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
      return { batches: batches.sort((a, b) => b.createdAt - a.createdAt), unreadable: rows.length - batches.length };
    },

    /** Keeps what was printed for signatures, replacing an earlier print: its paper no longer matches once letters changed. */
    async setPrinted(id: string, printed: BatchPrinted): Promise<void> {
      const valid = BatchPrintedSchema.parse(printed);
      const updated = await db.batches.update(id, { printed: valid });
      if (updated === 0) throw new Error(`batch ${id} is not there`);
    },

    /** The batch with its drafts (found by their batchId) and the signed copies of each one's current approval. */
    async get(id: string): Promise<BatchWithDrafts | undefined> {
      return db.transaction('r', [db.batches, db.drafts, db.attachments], async () => {
        const parsed = BatchRecordSchema.safeParse(await db.batches.get(id));
        if (!parsed.success) return undefined;
        const rows = await db.drafts.where('batchId').equals(id).toArray();
        const drafts = rows.flatMap((row) => {
          const draft = DraftRecordSchema.safeParse(row);
          return draft.success ? [draft.data] : [];
        });
        const approvals = drafts.filter((d) => d.status === 'approved' && d.review).map((d): [string, string] => [d.id, d.review!.pdfSha256]);
        const counts = new Map<string, number>();
        // Index keys only: reading the records would load every scan's bytes.
        const keys = approvals.length > 0 ? await db.attachments.where('[draftId+approvalSha256]').anyOf(approvals).keys() : [];
        const byId = new Map(drafts.map((d) => [d.id, d]));
        for (const key of keys) {
          const [draftId, approvalSha256] = key as unknown as [string, string];
          const draft = byId.get(draftId);
          if (draft && isCurrentSignedCopy(draft, { approvalSha256 })) counts.set(draftId, (counts.get(draftId) ?? 0) + 1);
        }
        return { batch: parsed.data, drafts: new Map(drafts.map((d) => [d.id, { draft: d, signedCopies: counts.get(d.id) ?? 0 }])) };
      });
    },
  };
}
