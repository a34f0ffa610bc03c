import type { OutboxItem } from './outbox-item';
import type { SubmissionStatus } from './outbox-entry';
import { isLetterItem } from './submission-kind';

/**
 * The platform takes one letter per unit and year; a second package for the same unit (credit
 * code) and year arrives as an independent letter unless it says which submission it corrects.
 * This finds what was already packed or sent for the unit and year, so the clerk can be asked first.
 */

/** A submission packed from some draft here. */
export interface PackedSubmission {
  readonly submissionId: string;
  /** The draft's title as the list shows it. */
  readonly title: string;
  readonly creditCode: string;
  readonly year: number | null;
  readonly packedAt: number;
  readonly supersedes?: string;
}

export interface EarlierSubmission {
  readonly submissionId: string;
  /** The draft's title, or undefined for a package imported from a file. */
  readonly title: string | undefined;
  /** Its state in the outbox, or `not-queued` when packed but not (or no longer) in the outbox. */
  readonly state: SubmissionStatus | 'not-queued';
  readonly at: number;
}

export interface SameUnitFinding {
  /** Oldest first. */
  readonly earlier: readonly EarlierSubmission[];
  /**
   * What a correction should supersede: the newest submission not refused and not itself
   * corrected by another one here; undefined when every earlier one was refused.
   */
  readonly correctionTarget: EarlierSubmission | undefined;
}

/**
 * @param unit the letter about to be packed: its normalised credit code and year
 * @param own submission ids of that letter's own earlier approvals (corrected automatically, not asked about)
 * @example sameUnitSubmissions({ creditCode, year: 2026 }, new Set(), packed, outbox.items).earlier.length // 1
 */
export function sameUnitSubmissions(
  unit: { readonly creditCode: string; readonly year: number },
  own: ReadonlySet<string>,
  packed: readonly PackedSubmission[],
  outbox: readonly OutboxItem[],
): SameUnitFinding {
  const byId = new Map<string, EarlierSubmission & { supersedes?: string }>();
  const outboxById = new Map(outbox.map((item) => [item.entry.package.submissionId, item]));
  for (const submission of packed) {
    if (own.has(submission.submissionId) || submission.creditCode !== unit.creditCode || submission.year !== unit.year) continue;
    const state = outboxById.get(submission.submissionId)?.entry.state.status ?? 'not-queued';
    byId.set(submission.submissionId, { submissionId: submission.submissionId, title: submission.title, state, at: submission.packedAt, ...(submission.supersedes ? { supersedes: submission.supersedes } : {}) });
  }
  // A progress report names the letter's unit and year but is no second letter.
  for (const { entry, details } of outbox.filter(isLetterItem)) {
    const id = entry.package.submissionId;
    // A civil servant's own letter names the unit too, but is not the unit's letter: many go in every year.
    if (!details || details.personName !== undefined || own.has(id) || byId.has(id) || details.creditCode !== unit.creditCode || details.year !== unit.year) continue;
    // Packed here from a draft that is gone: still a letter the platform has or will have.
    byId.set(id, { submissionId: id, title: undefined, state: entry.state.status, at: details.addedAt, ...(details.supersedes ? { supersedes: details.supersedes } : {}) });
  }
  const all = [...byId.values()].sort((a, b) => a.at - b.at);
  const corrected = new Set(all.flatMap((s) => (s.supersedes ? [s.supersedes] : [])));
  const candidates = all.filter((s) => s.state !== 'rejected' && !corrected.has(s.submissionId));
  const delivered = candidates.filter((s) => s.state === 'delivered');
  const target = (delivered.length > 0 ? delivered : candidates).at(-1);
  return { earlier: all.map(({ supersedes: _supersedes, ...rest }) => rest), correctionTarget: target && withoutSupersedes(target) };
}

function withoutSupersedes(submission: EarlierSubmission & { supersedes?: string }): EarlierSubmission {
  const { supersedes: _supersedes, ...rest } = submission;
  return rest;
}
