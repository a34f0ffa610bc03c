import { parsePeriod } from '../../core/progress/progress-period';
import { latestByLetter } from '../progress/latest-report';
import type { StoredProgress, StoredSubmission } from '../store/platform-store';

/**
 * The year's letters in force (unit and personal alike, as the records export has them) split by
 * whether a year-end report (period `2026` for 2026) was accepted for them: the fulfilment record
 * is made from that report only (core/records/fulfilment-record.ts), so a monthly or quarterly one
 * does not stand in for it. Of two year-end reports of one letter, the later accepted. Pure.
 */
export interface YearEndLetters {
  readonly reported: readonly { readonly letter: StoredSubmission; readonly report: StoredProgress }[];
  /** In the order received, as the records export lists letters. */
  readonly missing: readonly StoredSubmission[];
}

export function yearEndLetters(submissions: readonly StoredSubmission[], reports: readonly StoredProgress[], year: number): YearEndLetters {
  const inForce = submissions.filter((s) => s.year === year && s.supersededBy === undefined);
  const yearEnd = latestByLetter(reports.filter((report) => report.year === year && parsePeriod(report.period)?.kind === 'year'));
  const reported: { letter: StoredSubmission; report: StoredProgress }[] = [];
  const missing: StoredSubmission[] = [];
  for (const letter of inForce) {
    const report = yearEnd.get(letter.submissionId);
    if (report) reported.push({ letter, report });
    else missing.push(letter);
  }
  return { reported, missing };
}
