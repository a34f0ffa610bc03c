import { describeIssues } from '../../core/drafts/describe-issues';
import { rawJson } from '../../core/drafts/migrations/v1-to-v2';
import {
  addNote,
  setNoteDraft,
  checkEvidence,
  EvidenceRecordSchema,
  ItemProgressRecordSchema,
  newEvidence,
  newItemProgress,
  removeNote,
  setEvidencePublic,
  setStatus,
  type EvidenceRecord,
  type ItemProgressRecord,
  type ProgressChange,
  type StatusChange,
} from '../../core/progress/item-progress';
import { t } from '../../core/i18n/translate';
import type { PledgeDatabase } from './database';

export type ProgressStore = ReturnType<typeof createProgressStore>;

/** What was recorded about one delivered letter. */
export interface LetterProgress {
  /** By printed number; an item with nothing recorded has no record. */
  readonly items: readonly ItemProgressRecord[];
  /** In the order they were added. */
  readonly evidence: readonly EvidenceRecord[];
  /** Stored rows of this letter that no longer parse: counted, not hidden silently. */
  readonly unreadable: number;
}

/**
 * The progress of delivered letters through the year, per item, in the local database; Dexie
 * stays behind this interface. Each change reads, checks and writes in one transaction and is
 * awaited, so what the clerk typed is on disk when the promise settles, and two quick changes to
 * one item never overwrite each other.
 */
export function createProgressStore(db: PledgeDatabase, newId: () => string = () => crypto.randomUUID()) {
  /** Applies a pure change to the item's record (a new one when there is none) and stores the result. */
  const change = (submissionId: string, number: number, now: Date, apply: (record: ItemProgressRecord) => ProgressChange<ItemProgressRecord>) =>
    db.transaction('rw', [db.itemProgress, db.quarantine], async (): Promise<ProgressChange<ItemProgressRecord>> => {
      const row: unknown = await db.itemProgress.get([submissionId, number]);
      const parsed = ItemProgressRecordSchema.safeParse(row);
      if (row !== undefined && !parsed.success) {
        // Written over, it would be gone: kept verbatim where the draft list shows unreadable records.
        await db.quarantine.add({ source: 'itemProgress', key: `${submissionId}+${number}`, raw: rawJson(row), reason: describeIssues(parsed.error), at: now.getTime() });
      }
      const result = apply(parsed.success ? parsed.data : newItemProgress(submissionId, number, now));
      if (result.ok) await db.itemProgress.put(result.record);
      return result;
    });

  return {
    async read(submissionId: string): Promise<LetterProgress> {
      return db.transaction('r', [db.itemProgress, db.evidence], async () => {
        const [itemRows, evidenceRows] = await Promise.all([db.itemProgress.where('submissionId').equals(submissionId).toArray(), db.evidence.where('submissionId').equals(submissionId).toArray()]);
        const items = itemRows.flatMap((row) => {
          const parsed = ItemProgressRecordSchema.safeParse(row);
          return parsed.success ? [parsed.data] : [];
        });
        const evidence = evidenceRows.flatMap((row) => {
          const parsed = EvidenceRecordSchema.safeParse(row);
          return parsed.success ? [parsed.data] : [];
        });
        return {
          items: items.sort((a, b) => a.number - b.number),
          evidence: evidence.sort((a, b) => a.addedAt - b.addedAt),
          unreadable: itemRows.length - items.length + evidenceRows.length - evidence.length,
        };
      });
    },

    /** Refused (in Chinese, naming the item) for 已调整 without a reason; the stored record is then left as it was. */
    setStatus: (submissionId: string, number: number, status: StatusChange, now: Date) => change(submissionId, number, now, (record) => setStatus(record, status, now)),
    addNote: (submissionId: string, number: number, text: string, now: Date) => change(submissionId, number, now, (record) => addNote(record, text, now)),
    setNoteDraft: (submissionId: string, number: number, text: string, now: Date) => change(submissionId, number, now, (record) => setNoteDraft(record, text, now)),
    removeNote: (submissionId: string, number: number, index: number, now: Date) => change(submissionId, number, now, (record) => removeNote(record, index, now)),

    /**
     * Checks the file as a signed copy is checked, against the letter's evidence already kept (the
     * 60 MB is per letter), and keeps it; `number` absent: evidence of the whole letter. The check
     * and the write share a transaction, so two files added at once cannot both fit a limit only one fits.
     */
    async addEvidence(submissionId: string, number: number | undefined, name: string, bytes: Uint8Array, now: Date): Promise<ProgressChange<EvidenceRecord>> {
      return db.transaction('rw', db.evidence, async (): Promise<ProgressChange<EvidenceRecord>> => {
        const rows = await db.evidence.where('submissionId').equals(submissionId).toArray();
        // A row that no longer parses still takes its room: its bytes are still stored.
        const added = rows.reduce((sum, row) => sum + sizeOf(row), 0);
        const check = checkEvidence(name, bytes, added, number);
        if (!check.ok) return check;
        const record = EvidenceRecordSchema.parse(newEvidence({ id: newId(), submissionId, ...(number === undefined ? {} : { number }), name, type: check.type, bytes }, now));
        await db.evidence.add(record);
        return { ok: true, record };
      });
    },

    removeEvidence: (id: string) => db.evidence.delete(id),

    /**
     * Marks the file for publication beside the letter (or takes the mark away). Refused when the
     * file is gone or no longer reads, rather than writing a record the clerk has not seen.
     */
    async setEvidencePublic(id: string, isPublic: boolean): Promise<ProgressChange<EvidenceRecord>> {
      return db.transaction('rw', db.evidence, async (): Promise<ProgressChange<EvidenceRecord>> => {
        const parsed = EvidenceRecordSchema.safeParse(await db.evidence.get(id));
        if (!parsed.success) return { ok: false, message: t('item-progress.evidence-missing') };
        const record = setEvidencePublic(parsed.data, isPublic);
        await db.evidence.put(record);
        return { ok: true, record };
      });
    },
  };
}

function sizeOf(row: unknown): number {
  const bytes = (row as { bytes?: unknown } | null)?.bytes;
  if (bytes instanceof Uint8Array) return bytes.byteLength;
  const size = (row as { size?: unknown } | null)?.size;
  return typeof size === 'number' && Number.isFinite(size) ? size : 0;
}
