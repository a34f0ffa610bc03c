import { codeKey } from '../coverage/compute-coverage';
import type { RosterUnit, StoredProgress, StoredSubmission } from '../store/platform-store';
import { NO_ITEMS, sumTallies, tallyItems, type FulfilmentTally } from './fulfilment-tally';
import { compareReports, latestByLetter } from './latest-report';

/**
 * The year's fulfilment per unit, as GET /coverage answers it and the dashboard shows it: for each
 * unit that delivered a unit letter of the year, its letters in force, how many have a progress
 * report, and the items of each one's latest report (./latest-report.ts) counted as
 * ./fulfilment-tally.ts counts them. Pure: the caller reads the store.
 *
 * Letters in force only: a correction is the unit's commitment now, and a report on the letter it
 * replaced reports on a withdrawn one. Unit letters only, as coverage counts them: a civil
 * servant's own letter is not the unit's commitment (its progress shows on its public page).
 *
 * @example yearFulfilment({ roster, submissions, reports, year: 2026 }).units[0]?.rate // 0.5, or null without a report
 */
export interface FulfilmentInput {
  readonly roster: readonly RosterUnit[];
  readonly submissions: readonly StoredSubmission[];
  readonly reports: readonly StoredProgress[];
  readonly year: number;
}

export interface UnitFulfilment extends FulfilmentTally {
  readonly creditCode: string;
  /** The roster's name for a unit on it, else the name its latest letter gives. */
  readonly name: string;
  /** Unit letters of the year in force. */
  readonly letters: number;
  /** Of those, the ones with at least one accepted progress report. */
  readonly reported: number;
  /** The latest of those reports' periods (`2026-06`, `2026-Q2`, `2026`); null without a report. */
  readonly latestPeriod: string | null;
}

export interface YearFulfilment {
  readonly totals: FulfilmentTally & { readonly letters: number; readonly reported: number };
  /** Roster units in the roster's order, then units outside it by code. */
  readonly units: readonly UnitFulfilment[];
}

export function yearFulfilment(input: FulfilmentInput): YearFulfilment {
  const letters = input.submissions.filter((s) => s.year === input.year && s.kind === 'unit' && s.supersededBy === undefined);
  const latest = latestByLetter(input.reports.filter((report) => report.year === input.year));
  const rosterOrder = new Map(input.roster.map((unit, i) => [codeKey(unit.creditCode), { unit, i }]));

  const byUnit = new Map<string, StoredSubmission[]>();
  for (const letter of letters) byUnit.set(codeKey(letter.creditCode), [...(byUnit.get(codeKey(letter.creditCode)) ?? []), letter]);
  const units = [...byUnit].map(([key, ofUnit]): UnitFulfilment & { readonly order: number } => {
    const reports = ofUnit.flatMap((letter) => latest.get(letter.submissionId) ?? []);
    const newest = [...reports].sort(compareReports).at(-1);
    const onRoster = rosterOrder.get(key);
    return {
      creditCode: onRoster?.unit.creditCode ?? ofUnit.at(-1)!.creditCode,
      name: onRoster?.unit.name ?? ofUnit.at(-1)!.unitName,
      letters: ofUnit.length,
      reported: reports.length,
      latestPeriod: newest?.period ?? null,
      ...(reports.length === 0 ? NO_ITEMS : sumTallies(reports.map((report) => tallyItems(report.items)))),
      order: onRoster?.i ?? Number.POSITIVE_INFINITY,
    };
  });
  units.sort((a, b) => a.order - b.order || (a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : 0));
  return {
    totals: { letters: letters.length, reported: units.reduce((n, unit) => n + unit.reported, 0), ...sumTallies(units) },
    units: units.map(({ order: _order, ...unit }) => unit),
  };
}
