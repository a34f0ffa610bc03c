import { parsePeriod, periodEnd } from '../../core/progress/progress-period';
import type { StoredProgress } from '../store/platform-store';

/**
 * Which of a letter's reports says where it stands now: the one whose period ends latest. The year's
 * report, the fourth quarter's and December's all end on 31 December; the longer period goes after
 * the shorter (the year-end report is the assessment of the whole year), and reports of one period
 * by the time the platform accepted them, the later one being the unit's correction.
 */
export type OrderedReport = Pick<StoredProgress, 'period' | 'receivedAt' | 'submissionId'>;

const SPAN_RANK = { month: 0, quarter: 1, year: 2 } as const;

/** Negative when `a` stands before `b`, as Array.prototype.sort takes it: the latest last. */
export function compareReports(a: OrderedReport, b: OrderedReport): number {
  const [pa, pb] = [parsePeriod(a.period), parsePeriod(b.period)];
  // Stored periods passed the report's check; one that did not parse sorts first rather than throwing on a page.
  if (pa === undefined || pb === undefined) return Number(pa !== undefined) - Number(pb !== undefined);
  return compareText(periodEnd(pa), periodEnd(pb)) || SPAN_RANK[pa.kind] - SPAN_RANK[pb.kind] || compareText(a.receivedAt, b.receivedAt) || compareText(a.submissionId, b.submissionId);
}

/**
 * @example latestReport([{ period: '2026-12', … }, { period: '2026-Q4', … }])?.period // '2026-Q4'
 */
export function latestReport<R extends OrderedReport>(reports: readonly R[]): R | undefined {
  return reports.reduce<R | undefined>((latest, report) => (latest === undefined || compareReports(latest, report) < 0 ? report : latest), undefined);
}

/** Each letter's latest report, by the letter's submission id. */
export function latestByLetter<R extends OrderedReport & Pick<StoredProgress, 'letterSubmissionId'>>(reports: readonly R[]): Map<string, R> {
  const byLetter = new Map<string, R[]>();
  for (const report of reports) byLetter.set(report.letterSubmissionId, [...(byLetter.get(report.letterSubmissionId) ?? []), report]);
  return new Map([...byLetter].map(([letter, ofLetter]) => [letter, latestReport(ofLetter)!]));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
