import type { MemberProgress } from './batch-progress';
import type { BatchPrinted } from './batch-record';

/** An approved member's letter: the approval that would be printed now. */
export interface PrintableLetter {
  readonly member: MemberProgress;
  readonly pdfSha256: string;
}

export interface PrintState {
  /** Approved now, in roster order: what a print made now holds. */
  readonly printable: readonly PrintableLetter[];
  /** Not approved (yet), so left out of the print. */
  readonly notApproved: readonly MemberProgress[];
  /** Printed letters whose paper still matches their current approval: the scan may be attached to these. */
  readonly matching: readonly MemberProgress[];
  /**
   * Members whose printed paper no longer matches (approved again, returned, gone) or who are
   * approved but not on the last print: printing again replaces the print.
   */
  readonly changed: readonly MemberProgress[];
}

/** The approval a member's letter stands on now, if it is approved. */
function approvalOf(member: MemberProgress): string | undefined {
  const draft = member.draft;
  return draft?.status === 'approved' && draft.review ? draft.review.pdfSha256 : undefined;
}

/**
 * What printing the batch for signatures stands on: which letters can be printed now, and how the
 * last print (if any) compares with the letters' current approvals. A sheet signed on paper is
 * only the signed copy of the very PDF that was printed, so a changed approval voids its paper.
 *
 * @example printState(batch.printed, progress.members).changed.length > 0 // print again
 */
export function printState(printed: BatchPrinted | undefined, members: readonly MemberProgress[]): PrintState {
  const printable = members.flatMap((member) => {
    const pdfSha256 = approvalOf(member);
    return pdfSha256 ? [{ member, pdfSha256 }] : [];
  });
  const notApproved = members.filter((member) => approvalOf(member) === undefined);
  if (!printed) return { printable, notApproved, matching: [], changed: [] };
  const byDraft = new Map(members.map((member) => [member.member.draftId, member]));
  const printedHash = new Map(printed.letters.map((letter) => [letter.draftId, letter.pdfSha256]));
  const matching: MemberProgress[] = [];
  const changed: MemberProgress[] = [];
  for (const letter of printed.letters) {
    const member = byDraft.get(letter.draftId);
    if (!member) continue;
    (approvalOf(member) === letter.pdfSha256 ? matching : changed).push(member);
  }
  for (const { member } of printable) if (!printedHash.has(member.member.draftId)) changed.push(member);
  return { printable, notApproved, matching, changed };
}
