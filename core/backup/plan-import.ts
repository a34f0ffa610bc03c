import type { DraftRecord } from '../drafts/draft-record';
import type { BackupContents } from './backup-format';

/**
 * How far the backup's clock may run ahead of this computer's before a time in it is doubted:
 * enough for two office PCs that are not synchronised, far too little to let a forged date win.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface ImportConflict {
  readonly incoming: DraftRecord;
  readonly localUpdatedAt: number;
  /**
   * `changed-here`: the local draft is newer (or its time unreadable). `future`: the backup says it
   * was saved later than this computer's clock says it is now, so "newer" cannot be believed.
   */
  readonly reason: 'changed-here' | 'future';
}

export interface ImportPlan {
  /** Not on this computer: added. */
  readonly add: DraftRecord[];
  /** Newer in the backup than here: safe to replace (a snapshot of the local letter is kept first). */
  readonly newer: DraftRecord[];
  /** Changed here since the backup was written, or dated in the future: replaced only if the user says so. */
  readonly conflicts: ImportConflict[];
  /** Saved at the same moment on both sides: left as they are. */
  readonly unchanged: DraftRecord[];
}

/**
 * Sorts the backup's drafts by what importing would do to each, comparing `updatedAt` with the
 * draft of the same id here. Importing never overwrites local data without asking unless the
 * backup's draft is newer and no later than `now` (plus {@link CLOCK_SKEW_MS}): drafts changed
 * here since, and drafts claiming a time still to come, come back as `conflicts` for the user.
 *
 * @example
 * const plan = planImport(await db.drafts.toArray(), backup, new Date());
 * if (plan.conflicts.length > 0) askWhichToReplace(plan.conflicts);
 */
export function planImport(local: readonly Pick<DraftRecord, 'id' | 'updatedAt'>[], incoming: BackupContents, now: Date): ImportPlan {
  const latestBelievable = now.getTime() + CLOCK_SKEW_MS;
  const localUpdatedAt = new Map(local.map((draft) => [draft.id, draft.updatedAt]));
  const plan: ImportPlan = { add: [], newer: [], conflicts: [], unchanged: [] };
  for (const draft of incoming.drafts) {
    const here = localUpdatedAt.get(draft.id);
    if (here === undefined) plan.add.push(draft);
    else if (draft.updatedAt === here) plan.unchanged.push(draft);
    else if (draft.updatedAt > latestBelievable) plan.conflicts.push({ incoming: draft, localUpdatedAt: here, reason: 'future' });
    // A local time that is not a number comes from a damaged record: never replace it unasked.
    else if (draft.updatedAt < here || !Number.isFinite(here)) plan.conflicts.push({ incoming: draft, localUpdatedAt: here, reason: 'changed-here' });
    else plan.newer.push(draft);
  }
  return plan;
}

/** What importing did with a record the installation has one of (the profile, each profile image, each item's progress). */
export type SingleRecordImport = 'restored' | 'kept' | 'unchanged' | 'none';

/**
 * Whether the backup's record replaces the one here, by the drafts' clock rule: only when there
 * is none here, or the backup's is newer and no later than `now` (plus {@link CLOCK_SKEW_MS}).
 *
 * @example singleRecordImport({ updatedAt: 5 }, { updatedAt: 9 }, new Date()) // 'restored'
 */
export function singleRecordImport(local: { readonly updatedAt: number } | undefined, incoming: { readonly updatedAt: number } | undefined, now: Date): SingleRecordImport {
  if (!incoming) return 'none';
  if (local && local.updatedAt === incoming.updatedAt) return 'unchanged';
  const believable = incoming.updatedAt <= now.getTime() + CLOCK_SKEW_MS;
  if (local && !(incoming.updatedAt > local.updatedAt && believable)) return 'kept';
  return 'restored';
}
