import type { DraftRecord } from '../drafts/draft-record';
import type { BackupContents } from './backup-format';

export interface ImportConflict {
  readonly incoming: DraftRecord;
  readonly localUpdatedAt: number;
}

export interface ImportPlan {
  /** Not on this computer: added. */
  readonly add: DraftRecord[];
  /** Newer in the backup than here: safe to replace (a snapshot of the local letter is kept first). */
  readonly newer: DraftRecord[];
  /** Changed here since the backup was written: replaced only if the user says so. */
  readonly conflicts: ImportConflict[];
  /** Saved at the same moment on both sides: left as they are. */
  readonly unchanged: DraftRecord[];
}

/**
 * Sorts the backup's drafts by what importing would do to each, comparing `updatedAt` with the
 * draft of the same id here. Importing never overwrites newer local data without asking: those
 * drafts come back as `conflicts` for the user to decide.
 *
 * @example
 * const plan = planImport(await db.drafts.toArray(), backup);
 * if (plan.conflicts.length > 0) askWhichToReplace(plan.conflicts);
 */
export function planImport(local: readonly Pick<DraftRecord, 'id' | 'updatedAt'>[], incoming: BackupContents): ImportPlan {
  const localUpdatedAt = new Map(local.map((draft) => [draft.id, draft.updatedAt]));
  const plan: ImportPlan = { add: [], newer: [], conflicts: [], unchanged: [] };
  for (const draft of incoming.drafts) {
    const here = localUpdatedAt.get(draft.id);
    if (here === undefined) plan.add.push(draft);
    else if (draft.updatedAt > here) plan.newer.push(draft);
    // A local time that is not a number comes from a damaged record: never replace it unasked.
    else if (draft.updatedAt < here || !Number.isFinite(here)) plan.conflicts.push({ incoming: draft, localUpdatedAt: here });
    else plan.unchanged.push(draft);
  }
  return plan;
}
