import { describe, expect, it } from 'vitest';
import { CoverageSchema } from '../../../core/protocol/reference-protocol';
import { computeCoverage, daysBetween } from '../../../platform/coverage/compute-coverage';
import { beijingDay, coverageYear } from '../../../platform/coverage/coverage-year';
import type { RosterUnit, StoredSubmission } from '../../../platform/store/platform-store';

/** Invented units; every code passes GB 32100. */
const SERVICE: RosterUnit = { creditCode: '122399214012770352', name: '青山县政务服务中心', district: '青山县', type: '事业单位' };
const REFORM: RosterUnit = { creditCode: '112399210035830292', name: '青山县发展和改革局', district: '青山县', type: '机关' };
const RIVER: RosterUnit = { creditCode: '112399220035840134', name: '绿水区财政局', district: '绿水区', type: '机关' };
const ROSTER = [SERVICE, REFORM, RIVER];

let serial = 0;
function letter(unit: { creditCode: string; name: string }, overrides: Partial<StoredSubmission> = {}): StoredSubmission {
  serial += 1;
  const id = `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
  return {
    receiptId: `r-${serial}`,
    submissionId: id,
    sha256: '0'.repeat(64),
    receivedAt: '2026-04-01T02:00:00.000Z',
    unitName: unit.name,
    creditCode: unit.creditCode,
    year: 2026,
    size: 1000,
    kind: 'unit',
    letterDate: '2026-03-30',
    ...overrides,
  };
}

describe('computeCoverage', () => {
  it('counts a roster unit with a delivered unit letter of the year as committed, by district and by type', () => {
    const coverage = computeCoverage({ roster: ROSTER, submissions: [letter(SERVICE)], year: 2026, today: '2026-04-20' });
    expect(coverage.totals).toEqual({ units: 3, committed: 1, missing: 2, rate: 1 / 3 });
    expect(coverage.byDistrict).toEqual([
      { name: '青山县', units: 2, committed: 1, missing: 1, rate: 0.5 },
      { name: '绿水区', units: 1, committed: 0, missing: 1, rate: 0 },
    ]);
    expect(coverage.byType).toEqual([
      { name: '事业单位', units: 1, committed: 1, missing: 0, rate: 1 },
      { name: '机关', units: 2, committed: 0, missing: 2, rate: 0 },
    ]);
    expect(coverage.missing).toEqual([REFORM, RIVER]);
    expect(coverage.outsideRoster).toEqual([]);
    expect(CoverageSchema.parse(coverage)).toEqual(coverage);
  });

  it('still counts a letter a correction superseded, and only once', () => {
    const original = letter(SERVICE, { supersededBy: 'x' });
    const correction = letter(SERVICE, { supersedes: original.submissionId });
    const coverage = computeCoverage({ roster: ROSTER, submissions: [original, correction], year: 2026, today: '2026-04-20' });
    expect(coverage.totals.committed).toBe(1);
    expect(computeCoverage({ roster: ROSTER, submissions: [original], year: 2026, today: '2026-04-20' }).totals.committed).toBe(1);
  });

  it('does not let a personal letter, another year’s letter or another unit’s stand for a unit', () => {
    const submissions = [letter(REFORM, { kind: 'person', personName: '张三' }), letter(RIVER, { year: 2025 }), letter(SERVICE)];
    const coverage = computeCoverage({ roster: ROSTER, submissions, year: 2026, today: '2026-04-20' });
    expect(coverage.missing.map((u) => u.creditCode)).toEqual([REFORM.creditCode, RIVER.creditCode]);
  });

  it('lists units outside the roster apart, with their letters of the year, and leaves the totals alone', () => {
    const stranger = { creditCode: '91350100M000100Y43', name: '某某科技有限公司' };
    const submissions = [letter(stranger, { unitName: '某某科技' }), letter(stranger, { kind: 'person', personName: '李四' }), letter(stranger, { year: 2025 })];
    const coverage = computeCoverage({ roster: ROSTER, submissions, year: 2026, today: '2026-04-20' });
    expect(coverage.outsideRoster).toEqual([{ creditCode: stranger.creditCode, name: stranger.name, letters: 2 }]);
    expect(coverage.totals).toEqual({ units: 3, committed: 0, missing: 3, rate: 0 });
  });

  it('matches codes whatever their case in the roster', () => {
    const lower = { ...RIVER, creditCode: RIVER.creditCode.toLowerCase() };
    const coverage = computeCoverage({ roster: [lower], submissions: [letter(RIVER)], year: 2026, today: '2026-04-20' });
    expect(coverage.totals.committed).toBe(1);
    expect(coverage.outsideRoster).toEqual([]);
  });

  it('answers zeros, not NaN, for an empty roster', () => {
    const coverage = computeCoverage({ roster: [], submissions: [], year: 2026, today: '2026-04-20' });
    expect(coverage.totals).toEqual({ units: 0, committed: 0, missing: 0, rate: 0 });
    expect(CoverageSchema.safeParse(coverage).success).toBe(true);
  });

  it('counts the days left to 5月1日 and 8月31日: 0 on the day, negative once passed', () => {
    const days = (today: string) => computeCoverage({ roster: [], submissions: [], year: 2026, today }).deadlines;
    expect(days('2026-04-20')).toEqual([
      { date: '2026-05-01', daysLeft: 11 },
      { date: '2026-08-31', daysLeft: 133 },
    ]);
    expect(days('2026-05-01')[0]!.daysLeft).toBe(0);
    expect(days('2026-09-02').map((d) => d.daysLeft)).toEqual([-124, -2]);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

describe('coverageYear', () => {
  it('is the current year in Beijing unless ?year= names one', () => {
    expect(coverageYear(new URLSearchParams(''), new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(coverageYear(new URLSearchParams(''), new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(coverageYear(new URLSearchParams('year=2025'), new Date('2026-06-01T00:00:00Z'))).toBe(2025);
    expect(beijingDay(new Date('2026-04-30T16:30:00Z'))).toBe('2026-05-01');
  });

  it('refuses a year no letter can have', () => {
    for (const year of ['abc', '1999', '2101', '20260', '2026.5']) expect(coverageYear(new URLSearchParams({ year }), new Date())).toBeUndefined();
  });
});
