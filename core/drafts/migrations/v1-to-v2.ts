import { z } from 'zod';
import { isRecord } from '../../json/is-record';
import { describeIssues } from '../describe-issues';
import type { DraftRecord, LetterRecord, QuarantineRecord, SnapshotRecord } from '../draft-record';
import { summarizeLetter } from '../summarize-letter';

/** A draft as version 1 of the database stored it: the letter inside the draft, no history. */
const V1DraftSchema = z.object({
  id: z.string().min(1),
  letter: z.unknown(),
  templateKey: z.string(),
  status: z.literal('draft'),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});

export type V1Migration =
  | { readonly draft: DraftRecord; readonly letter: LetterRecord; readonly snapshot: SnapshotRecord }
  | { readonly quarantine: QuarantineRecord };

/**
 * Version 2 moves the letter to its own table, adds a summary for the list and starts the history
 * with the letter as it was. A record that is not a version 1 draft is quarantined with its content.
 */
export function migrateV1Draft(raw: unknown, key: string, now: number, snapshotId: string): V1Migration {
  const parsed = V1DraftSchema.safeParse(raw);
  if (!parsed.success) {
    return { quarantine: { source: 'drafts', key, raw: rawJson(raw), reason: describeIssues(parsed.error), at: now } };
  }
  const v1 = parsed.data;
  const draft: DraftRecord = {
    id: v1.id,
    templateKey: v1.templateKey,
    status: 'draft',
    createdAt: v1.createdAt,
    updatedAt: v1.updatedAt,
    summary: summarizeLetter(v1.letter),
    lastSnapshotAt: v1.updatedAt,
  };
  const snapshot: SnapshotRecord = { id: snapshotId, draftId: v1.id, at: v1.updatedAt, reason: 'upgraded', status: 'draft', letter: v1.letter };
  return { draft, letter: { draftId: v1.id, letter: v1.letter }, snapshot };
}

/** Keeps whatever can be kept: JSON when possible, otherwise a description of the value. */
export function rawJson(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return isRecord(raw) ? `{${Object.keys(raw).join(', ')}}` : String(raw);
  }
}
