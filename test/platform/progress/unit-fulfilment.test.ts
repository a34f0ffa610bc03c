import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ItemStatus } from '../../../core/progress/progress-schema';
import { yearFulfilment } from '../../../platform/progress/unit-fulfilment';
import type { RosterUnit, StoredProgress, StoredSubmission } from '../../../platform/store/platform-store';
import { newSubmission, REFORM_BUREAU, SERVICE_CENTRE } from '../store/store-engines';

/** The year's fulfilment per unit from store rows alone. */
const ROSTER: RosterUnit[] = [
  { creditCode: REFORM_BUREAU.code, name: REFORM_BUREAU.name, district: '青山县', type: '机关' },
  { creditCode: SERVICE_CENTRE.code, name: SERVICE_CENTRE.name, district: '青山县', type: '事业单位' },
  { creditCode: '112399220035840134', name: '绿水区财政局', district: '绿水区', type: '机关' },
];
const OUTSIDE = { code: '11239921003582149J', name: '青山县临江镇人民政府' } as const;

const letter = (overrides: Partial<StoredSubmission> = {}): StoredSubmission => newSubmission(overrides);
function report(of: StoredSubmission, period: string, statuses: readonly ItemStatus[], receivedAt = '2026-07-03T02:00:00.000Z'): StoredProgress {
  return {
    receiptId: randomUUID(),
    submissionId: randomUUID(),
    letterSubmissionId: of.submissionId,
    sha256: 'b'.repeat(64),
    receivedAt,
    unitName: of.unitName,
    creditCode: of.creditCode,
    year: of.year,
    period,
    size: 1,
    items: statuses.map((status, i) => ({ number: i + 1, status })),
  };
}

describe('the year’s fulfilment per unit', () => {
  it('counts each letter’s latest report, in the roster’s order, and a unit without a report has no rate', () => {
    const service = letter();
    const bureau = letter({ creditCode: REFORM_BUREAU.code, unitName: REFORM_BUREAU.name });
    const reports = [
      report(service, '2026-06', ['已兑现', '已兑现', '已兑现', '已兑现']),
      report(service, '2026-Q2', ['已兑现', '推进中', '未启动', '已调整'], '2026-07-01T00:00:00.000Z'),
    ];
    const { units, totals } = yearFulfilment({ roster: ROSTER, submissions: [service, bureau], reports, year: 2026 });
    expect(units).toEqual([
      { creditCode: REFORM_BUREAU.code, name: REFORM_BUREAU.name, letters: 1, reported: 0, latestPeriod: null, items: 0, kept: 0, inProgress: 0, notKept: 0, rate: null },
      { creditCode: SERVICE_CENTRE.code, name: SERVICE_CENTRE.name, letters: 1, reported: 1, latestPeriod: '2026-Q2', items: 4, kept: 1, inProgress: 2, notKept: 1, rate: 0.25 },
    ]);
    expect(totals).toEqual({ letters: 2, reported: 1, items: 4, kept: 1, inProgress: 2, notKept: 1, rate: 0.25 });
  });

  it('counts letters in force only: a report on a letter its correction replaced is left out', () => {
    const correction = letter();
    const original = letter({ supersededBy: correction.submissionId });
    const reports = [report(original, '2026-Q2', ['已兑现', '已兑现'])];
    const [unit] = yearFulfilment({ roster: ROSTER, submissions: [original, correction], reports, year: 2026 }).units;
    expect(unit).toMatchObject({ letters: 1, reported: 0, latestPeriod: null, rate: null });
    const reported = yearFulfilment({ roster: ROSTER, submissions: [original, correction], reports: [...reports, report(correction, '2026-06', ['推进中', '已兑现'])], year: 2026 }).units[0];
    expect(reported).toMatchObject({ letters: 1, reported: 1, latestPeriod: '2026-06', kept: 1, rate: 0.5 });
  });

  it('counts a unit’s letters only, not its civil servants’ own, and no other year', () => {
    const person = letter({ kind: 'person', personName: '李某某' });
    const lastYear = letter({ year: 2025 });
    const reports = [report(person, '2026-Q2', ['已兑现']), report(lastYear, '2025', ['未兑现'])];
    const fulfilment = yearFulfilment({ roster: ROSTER, submissions: [person, lastYear], reports, year: 2026 });
    expect(fulfilment.units).toEqual([]);
    expect(fulfilment.totals).toMatchObject({ letters: 0, reported: 0, rate: null });
  });

  it('adds up a unit’s two letters, the latest period of either, and lists units outside the roster after it', () => {
    const first = letter();
    const second = letter({ receivedAt: '2026-04-22T02:00:00.000Z' });
    const outside = letter({ creditCode: OUTSIDE.code, unitName: OUTSIDE.name });
    const reports = [report(first, '2026-Q2', ['已兑现', '未兑现']), report(second, '2026-Q3', ['已兑现', '已兑现']), report(outside, '2026-05', ['推进中'])];
    const { units } = yearFulfilment({ roster: ROSTER, submissions: [outside, first, second], reports, year: 2026 });
    expect(units.map((unit) => [unit.name, unit.letters, unit.reported, unit.latestPeriod, unit.kept, unit.items])).toEqual([
      [SERVICE_CENTRE.name, 2, 2, '2026-Q3', 3, 4],
      [OUTSIDE.name, 1, 1, '2026-05', 0, 1],
    ]);
  });

  it('takes the roster’s name and code for a unit on it, whatever case its letter wrote the code in', () => {
    const lower = { creditCode: OUTSIDE.code.toLowerCase(), name: '临江镇（名单上的名称）', district: '青山县', type: '乡镇' };
    const sent = letter({ creditCode: OUTSIDE.code, unitName: OUTSIDE.name });
    expect(yearFulfilment({ roster: [lower], submissions: [sent], reports: [], year: 2026 }).units[0]).toMatchObject({ name: lower.name, creditCode: lower.creditCode });
  });
});
