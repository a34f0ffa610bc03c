import { sha256Hex } from '../hash/sha256-hex';
import { accepted, refused, type DraftRefusal, type FrozenStatus, type Outcome } from './draft-refusal';
import type { DocumentRecord, DraftRecord, ReviewDecision, ReviewRecord, SnapshotRecord } from './draft-record';
import { summarizeLetter } from './summarize-letter';

/**
 * The review workflow of one letter: which edits its state allows, what each step writes, and
 * which snapshots it keeps. Pure: the store reads the records, calls a rule and writes what it
 * returns in one transaction. Times and ids arrive as arguments, as in the outbox's `transition`.
 *
 * draft ─submit→ in-review ─decide→ approved | returned; reopen or restore → draft. A letter in
 * review or approved is frozen, so an approval never covers text it did not see.
 */

/** While someone keeps editing, a snapshot is kept at most this often. */
export const AUTOSAVE_SNAPSHOT_MS = 5 * 60_000;

/** A snapshot to keep; the store adds the draft and, unless the record already refers to one, an id. */
export type SnapshotNote = Omit<SnapshotRecord, 'id' | 'draftId'> & { readonly id?: string };

/** What one step writes: the draft as it becomes and the snapshots to keep, oldest first. */
export interface DraftChange {
  readonly draft: DraftRecord;
  readonly snapshots: readonly SnapshotNote[];
}

/** A new draft holding `letter`, with its `created` snapshot. */
export function newDraft(id: string, templateKey: string, letter: unknown, at: number): DraftChange {
  return {
    draft: { id, templateKey, status: 'draft', createdAt: at, updatedAt: at, summary: summarizeLetter(letter), lastSnapshotAt: at },
    snapshots: [{ at, reason: 'created', status: 'draft', letter }],
  };
}

/** The letter as typed replaces the stored one, with an autosave snapshot once {@link AUTOSAVE_SNAPSHOT_MS} have passed. */
export function editLetter(draft: DraftRecord, letter: unknown, at: number): Outcome<DraftChange> {
  const saved = editLetterWithoutSnapshot(draft, letter, at);
  if (!saved.ok) return saved;
  if (at - draft.lastSnapshotAt < AUTOSAVE_SNAPSHOT_MS) return accepted({ draft: saved.draft, snapshots: [] });
  return accepted({ draft: { ...saved.draft, lastSnapshotAt: at }, snapshots: [{ at, reason: 'autosave', status: draft.status, letter }] });
}

/** The same edit for a page that is going away: it has no time to keep a snapshot, so none is due from it either. */
export function editLetterWithoutSnapshot(draft: DraftRecord, letter: unknown, at: number): Outcome<{ draft: DraftRecord }> {
  if (isFrozen(draft.status)) return refused({ code: 'frozen', status: draft.status });
  return accepted({ draft: { ...draft, summary: summarizeLetter(letter), updatedAt: at } });
}

/** Only a draft in the bin may be removed for good. */
export function purgeRefusal(draft: DraftRecord): DraftRefusal | undefined {
  return draft.deletedAt === undefined ? { code: 'not-in-bin' } : undefined;
}

/**
 * Puts an old version of this draft back as a plain draft; `letter` is the one to store. The current
 * letter (and any review) is kept first as `before-restore`, so the restore itself can be undone.
 */
export function restoreSnapshot(draft: DraftRecord, current: unknown, old: SnapshotRecord | undefined, at: number): Outcome<DraftChange & { letter: unknown }> {
  if (!old || old.draftId !== draft.id) return refused({ code: 'snapshot-missing' });
  return accepted({
    letter: old.letter,
    draft: { ...withoutReview(draft), status: 'draft', summary: summarizeLetter(old.letter), updatedAt: at, lastSnapshotAt: at },
    snapshots: [
      { at, reason: 'before-restore', status: draft.status, letter: current, ...(draft.review ? { review: draft.review } : {}) },
      // A moment later, so the history lists the restored version on top.
      { at: at + 1, reason: 'restored', status: 'draft', letter: old.letter },
    ],
  });
}

export interface Submission {
  /** The stored letter now. */
  readonly letter: unknown;
  /** The letter the PDF was made from: if the stored one changed meanwhile, nothing is frozen. */
  readonly renderedFrom: unknown;
  readonly pdfSha256: string;
  /** The id of the `submitted` snapshot, which the review refers to. */
  readonly snapshotId: string;
  readonly at: number;
}

/** Freezes the letter and the exact PDF made from it for the principal; a returned letter's old decision is dropped. */
export function submitForReview(draft: DraftRecord, submission: Submission): Outcome<DraftChange & { review: ReviewRecord }> {
  const { letter, pdfSha256, snapshotId, at } = submission;
  if (isFrozen(draft.status)) return refused({ code: 'already-submitted', status: draft.status });
  if (draft.summary.errorCount > 0) return refused({ code: 'has-errors', count: draft.summary.errorCount });
  if (JSON.stringify(letter) !== JSON.stringify(submission.renderedFrom)) return refused({ code: 'changed-while-rendering' });
  const review: ReviewRecord = { snapshotId, pdfSha256, submittedAt: at };
  return accepted({
    review,
    draft: { ...draft, status: 'in-review', review, updatedAt: at, lastSnapshotAt: at },
    snapshots: [{ id: snapshotId, at, reason: 'submitted', status: 'in-review', letter, review }],
  });
}

/**
 * The principal's decision, bound to the PDF that was read: it must be the one submitted, and its
 * bytes (`document`, stored under the decision's hash) must still be there, unchanged.
 */
export function decide(draft: DraftRecord, decision: ReviewDecision, letter: unknown, document: DocumentRecord | undefined): Outcome<DraftChange> {
  if (draft.status !== 'in-review' || !draft.review) return refused({ code: 'not-in-review' });
  if (draft.review.pdfSha256 !== decision.pdfSha256) return refused({ code: 'other-pdf' });
  if (!isIntactDocument(document, decision.pdfSha256)) return refused({ code: 'pdf-damaged' });
  const status = decision.kind === 'approved' ? 'approved' : 'returned';
  const review = { ...draft.review, decision };
  return accepted({
    draft: { ...draft, status, review, updatedAt: decision.at, lastSnapshotAt: decision.at },
    snapshots: [{ at: decision.at, reason: status, status, letter, review }],
  });
}

/** Makes the letter editable again from any state; the review is kept in the `reopened` snapshot, and a new approval is needed. */
export function reopen(draft: DraftRecord, letter: unknown, at: number): DraftChange {
  return {
    draft: { ...withoutReview(draft), status: 'draft', updatedAt: at, lastSnapshotAt: at },
    snapshots: [{ at, reason: 'reopened', status: draft.status, letter, ...(draft.review ? { review: draft.review } : {}) }],
  };
}

/** Whether the stored PDF is still the one with this hash: what is shown, decided on or packed must be what was frozen. */
export function isIntactDocument(document: DocumentRecord | undefined, sha256: string): document is DocumentRecord {
  return document !== undefined && sha256Hex(document.bytes) === sha256;
}

function isFrozen(status: DraftRecord['status']): status is FrozenStatus {
  return status === 'in-review' || status === 'approved';
}

function withoutReview(draft: DraftRecord): DraftRecord {
  const { review: _review, ...rest } = draft;
  return rest;
}
