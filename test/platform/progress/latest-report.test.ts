import { describe, expect, it } from 'vitest';
import { compareReports, latestByLetter, latestReport } from '../../../platform/progress/latest-report';

const report = (period: string, receivedAt = '2027-01-05T00:00:00.000Z', submissionId = `report-${period}`, letterSubmissionId = 'letter-a') => ({ period, receivedAt, submissionId, letterSubmissionId });

describe('a letter’s latest report', () => {
  it('is the one whose period ends latest, whatever order they came in', () => {
    expect(latestReport([report('2026-Q3', '2026-10-01T00:00:00.000Z'), report('2026-06', '2026-11-01T00:00:00.000Z')])?.period).toBe('2026-Q3');
    expect(latestReport([report('2026-11'), report('2026-Q3')])?.period).toBe('2026-11');
    expect(latestReport([report('2026-Q2'), report('2026-05')])?.period).toBe('2026-Q2');
    expect(latestReport([])).toBeUndefined();
  });

  it('puts the year-end report after the fourth quarter’s, and that after December’s, though all end on 31 December', () => {
    const sorted = [report('2026'), report('2026-12'), report('2026-Q4')].sort(compareReports).map((r) => r.period);
    expect(sorted).toEqual(['2026-12', '2026-Q4', '2026']);
    // Even when the year-end report was accepted first.
    expect(latestReport([report('2026', '2027-01-02T00:00:00.000Z'), report('2026-12', '2027-01-09T00:00:00.000Z')])?.period).toBe('2026');
  });

  it('takes the later accepted of two reports of one period, then the id for two accepted at one instant', () => {
    const first = report('2026-Q2', '2026-07-01T00:00:00.000Z', 'b');
    const again = report('2026-Q2', '2026-07-02T00:00:00.000Z', 'a');
    expect(latestReport([again, first])).toBe(again);
    expect(latestReport([first, again])).toBe(again);
    const sameInstant = report('2026-Q2', '2026-07-01T00:00:00.000Z', 'c');
    expect(latestReport([sameInstant, first])).toBe(sameInstant);
  });

  it('is found for each letter apart', () => {
    const latest = latestByLetter([report('2026-06', undefined, 'a1', 'a'), report('2026-Q1', undefined, 'b1', 'b'), report('2026-Q2', undefined, 'a2', 'a')]);
    expect(Object.fromEntries([...latest].map(([letter, r]) => [letter, r.submissionId]))).toEqual({ a: 'a2', b: 'b1' });
  });
});
