import { deliveryState, type DeliveryState } from '../drafts/delivery-state';
import type { DraftRecord } from '../drafts/draft-record';
import type { OutboxSnapshot } from '../outbox/outbox-item';
import { POST_TYPE_PRIORITY } from '../staff/staff-member';
import type { BatchMember, BatchRecord } from './batch-record';

/**
 * Where one member's letter stands, furthest step first: delivered (the outbox holds the
 * platform's receipt), signed (approved with a signed copy of that approval), approved, in review,
 * returned, draft; `absent` when the draft is gone (in the bin, or purged).
 */
export type MemberStage = 'absent' | 'draft' | 'returned' | 'in-review' | 'approved' | 'signed' | 'delivered';

/** What the store knows of a member's draft: the record (if any) and its current signed copies. */
export interface BatchDraftState {
  readonly draft: DraftRecord | undefined;
  readonly signedCopies: number;
}

export interface MemberProgress {
  readonly member: BatchMember;
  readonly stage: MemberStage;
  readonly draft: DraftRecord | undefined;
  readonly delivery: DeliveryState;
}

/** Someone the batch has no delivered letter for yet: a member, or a roster row that made no letter. */
export type MissingEntry = { readonly kind: 'member'; readonly member: BatchMember; readonly stage: MemberStage } | { readonly kind: 'refused'; readonly row: number; readonly message: string };

/**
 * The batch's counts. Later steps are counted in the earlier ones they passed: `approved` includes
 * the signed and the delivered letters, `signed` the delivered ones, so each figure answers "how
 * many have got this far". `inReview` is only those waiting for the principal now.
 */
export interface BatchCounts {
  /** Everyone on the roster: the members, and the rows refused (the whole-file refusal is nobody). */
  readonly people: number;
  readonly drafted: number;
  readonly inReview: number;
  readonly approved: number;
  readonly signed: number;
  readonly delivered: number;
}

export interface BatchProgress {
  readonly counts: BatchCounts;
  /** In roster order. */
  readonly members: readonly MemberProgress[];
  /** Window and enforcement staff first (POST_TYPE_PRIORITY), then by row. */
  readonly missing: readonly MissingEntry[];
}

const STAGE_RANK: Readonly<Record<MemberStage, number>> = { absent: 0, draft: 1, returned: 1, 'in-review': 2, approved: 3, signed: 4, delivered: 5 };

/** Whether a letter at `stage` has got at least as far as `step`. */
export function reached(stage: MemberStage, step: 'approved' | 'signed' | 'delivered'): boolean {
  return STAGE_RANK[stage] >= STAGE_RANK[step];
}

export function memberStage(state: BatchDraftState | undefined, delivery: DeliveryState): MemberStage {
  const draft = state?.draft;
  if (!draft || draft.deletedAt !== undefined) return 'absent';
  if (delivery.kind === 'delivered') return 'delivered';
  if (draft.status === 'approved') return (state?.signedCopies ?? 0) > 0 ? 'signed' : 'approved';
  return draft.status;
}

/**
 * The batch as the clerk sees it, from its drafts (by draft id) and the outbox (`null` until it is
 * read: then nothing counts as delivered, which is the honest answer).
 *
 * @example batchProgress(batch, new Map(), null).counts.drafted // 0
 */
export function batchProgress(batch: BatchRecord, drafts: ReadonlyMap<string, BatchDraftState>, outbox: OutboxSnapshot | null): BatchProgress {
  const members = [...batch.members]
    .sort((a, b) => a.row - b.row)
    .map((member): MemberProgress => {
      const state = drafts.get(member.draftId);
      const delivery: DeliveryState = state?.draft ? deliveryState(state.draft, outbox) : { kind: 'not-packed' };
      return { member, stage: memberStage(state, delivery), draft: state?.draft, delivery };
    });
  const refusedPeople = batch.refused.filter((refusal) => refusal.row > 0);
  const count = (test: (m: MemberProgress) => boolean) => members.filter(test).length;
  const counts: BatchCounts = {
    people: members.length + refusedPeople.length,
    drafted: count((m) => m.stage !== 'absent'),
    inReview: count((m) => m.stage === 'in-review'),
    approved: count((m) => reached(m.stage, 'approved')),
    signed: count((m) => reached(m.stage, 'signed')),
    delivered: count((m) => m.stage === 'delivered'),
  };
  const missing: MissingEntry[] = [
    ...members.filter((m) => m.stage !== 'delivered').map((m): MissingEntry => ({ kind: 'member', member: m.member, stage: m.stage })),
    ...refusedPeople.map((r): MissingEntry => ({ kind: 'refused', row: r.row, message: r.message })),
  ];
  missing.sort((a, b) => priorityOf(a) - priorityOf(b) || rowOf(a) - rowOf(b));
  return { counts, members, missing };
}

// A refused row's post type was not read with confidence, so it waits with the others.
const priorityOf = (entry: MissingEntry): number => (entry.kind === 'member' ? POST_TYPE_PRIORITY[entry.member.postType] : POST_TYPE_PRIORITY.other);
const rowOf = (entry: MissingEntry): number => (entry.kind === 'member' ? entry.member.row : entry.row);
