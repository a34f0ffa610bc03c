import { normalizeCreditCode } from '../../core/letter/credit-code';
import type { StoredSubmission } from '../store/platform-store';

/**
 * Which submissions the public column shows, decided from the store's rows alone:
 *
 * - only published ones (`publishedAt` set by the operator; withdrawing clears it);
 * - of a correction chain, only the latest published one: an unpublished correction leaves the
 *   letter it corrects showing, a published one replaces it;
 * - a unit's letter, one per unit and year (the page at its stable address); should a unit have
 *   published two letters that are not corrections of each other, the later one;
 * - a personal letter, one per submission, only with the 承诺编码 its address is made of (the
 *   submission id, which the protocol keeps to the unit, is never an address).
 */
export function columnLetters(submissions: readonly StoredSubmission[]): StoredSubmission[] {
  const byId = new Map(submissions.map((submission) => [submission.submissionId, submission]));
  const replaced = (submission: StoredSubmission): boolean => publishedSuccessor(submission, byId) !== undefined;
  const visible = submissions.filter((submission) => submission.publishedAt !== undefined && !replaced(submission));

  const latestOfUnit = new Map<string, StoredSubmission>();
  for (const submission of visible.filter((s) => s.kind === 'unit')) {
    const key = `${submission.year}/${submission.creditCode}`;
    const other = latestOfUnit.get(key);
    if (!other || laterThan(submission, other)) latestOfUnit.set(key, submission);
  }
  const shown = new Set([...latestOfUnit.values(), ...visible.filter((s) => s.kind === 'person' && s.commitmentCode !== undefined)]);
  return submissions.filter((submission) => shown.has(submission));
}

/** A unit's letter of a year as its stable address shows it. */
export function unitLetterOf(letters: readonly StoredSubmission[], year: number, creditCode: string): StoredSubmission | undefined {
  return letters.find((letter) => letter.kind === 'unit' && letter.year === year && letter.creditCode === creditCode);
}

/** A personal letter by its 承诺编码. */
export function personalLetterOf(letters: readonly StoredSubmission[], commitmentCode: string): StoredSubmission | undefined {
  return letters.find((letter) => letter.kind === 'person' && letter.commitmentCode === commitmentCode);
}

/**
 * Where a personal letter's address leads once a published correction replaced it: the
 * correction's 承诺编码, so a link to the old one is not a dead end.
 */
export function replacementOf(submissions: readonly StoredSubmission[], letters: readonly StoredSubmission[], commitmentCode: string): StoredSubmission | undefined {
  const old = submissions.find((submission) => submission.kind === 'person' && submission.commitmentCode === commitmentCode);
  if (!old || old.publishedAt === undefined) return undefined;
  const successor = publishedSuccessor(old, new Map(submissions.map((submission) => [submission.submissionId, submission])));
  return successor && letters.includes(successor) ? successor : undefined;
}

/** The years that have a letter on the column, the latest first. */
export function yearsOf(letters: readonly StoredSubmission[]): number[] {
  return [...new Set(letters.map((letter) => letter.year))].sort((a, b) => b - a);
}

/**
 * Whether a letter is found by what a visitor typed: part of the unit's name, or part of its
 * 统一社会信用代码 written any way people write one (lower case, full-width, with spaces).
 */
export function matchesQuery(letter: StoredSubmission, query: string): boolean {
  const words = query.trim();
  if (words === '') return true;
  if (letter.unitName.includes(words)) return true;
  const code = normalizeCreditCode(words);
  return code !== '' && letter.creditCode.includes(code);
}

/** The latest published submission after this one in its correction chain, if any. */
function publishedSuccessor(submission: StoredSubmission, byId: ReadonlyMap<string, StoredSubmission>): StoredSubmission | undefined {
  let found: StoredSubmission | undefined;
  const seen = new Set([submission.submissionId]);
  for (let next = follow(submission, byId); next && !seen.has(next.submissionId); next = follow(next, byId)) {
    seen.add(next.submissionId);
    if (next.publishedAt !== undefined) found = next;
  }
  return found;
}

const follow = (submission: StoredSubmission, byId: ReadonlyMap<string, StoredSubmission>) => (submission.supersededBy === undefined ? undefined : byId.get(submission.supersededBy));

const laterThan = (a: StoredSubmission, b: StoredSubmission) => a.receivedAt > b.receivedAt || (a.receivedAt === b.receivedAt && a.submissionId > b.submissionId);
