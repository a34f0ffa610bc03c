import type { Coverage, CoverageGroup } from '../../core/protocol/reference-protocol';
import type { RosterUnit, StoredSubmission } from '../store/platform-store';

/**
 * The notice's check of the year: which units of the 编办's roster made their commitment. A unit
 * has committed once a unit letter (kind 'unit') of the year was delivered: a correction that
 * superseded it since does not undo the delivery, and a personal letter of one of its staff does
 * not stand for the unit. Letters from units outside the roster are counted apart, not dropped.
 * Pure: the caller reads the store and the clock.
 *
 * @example computeCoverage({ roster, submissions, year: 2026, today: '2026-04-20' }).totals.missing
 */
export interface CoverageInput {
  readonly roster: readonly RosterUnit[];
  /** Any submissions; only those of `year` count. */
  readonly submissions: readonly StoredSubmission[];
  readonly year: number;
  /** YYYY-MM-DD in Beijing. */
  readonly today: string;
}

/** The notice's two dates (docs/domain/notice.md): letters made and uploaded, then published and checked. */
const DEADLINES = ['05-01', '08-31'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export function computeCoverage(input: CoverageInput): Coverage {
  const ofYear = input.submissions.filter((s) => s.year === input.year);
  const committedCodes = new Set(ofYear.filter((s) => s.kind === 'unit').map((s) => codeKey(s.creditCode)));
  const rosterCodes = new Set(input.roster.map((u) => codeKey(u.creditCode)));
  const isCommitted = (unit: RosterUnit) => committedCodes.has(codeKey(unit.creditCode));

  const committed = input.roster.filter(isCommitted).length;
  return {
    year: input.year,
    today: input.today,
    totals: counts(input.roster.length, committed),
    byDistrict: groups(input.roster, (u) => u.district, isCommitted),
    byType: groups(input.roster, (u) => u.type, isCommitted),
    missing: input.roster.filter((u) => !isCommitted(u)).map(({ name, creditCode, district, type }) => ({ name, creditCode, district, type })),
    outsideRoster: outside(ofYear, rosterCodes),
    deadlines: DEADLINES.map((monthDay) => {
      const date = `${input.year}-${monthDay}`;
      return { date, daysLeft: daysBetween(input.today, date) };
    }),
  };
}

/** The roster keeps codes as the 编办 lists them; a package's code is normalised: compare upper-cased. */
export const codeKey = (code: string) => code.toUpperCase();

function counts(units: number, committed: number): Omit<CoverageGroup, 'name'> {
  return { units, committed, missing: units - committed, rate: units === 0 ? 0 : committed / units };
}

/** In the order the roster first names each group (the store lists it by district, then name). */
function groups(roster: readonly RosterUnit[], key: (unit: RosterUnit) => string, isCommitted: (unit: RosterUnit) => boolean): CoverageGroup[] {
  const tally = new Map<string, { units: number; committed: number }>();
  for (const unit of roster) {
    const entry = tally.get(key(unit)) ?? { units: 0, committed: 0 };
    entry.units += 1;
    if (isCommitted(unit)) entry.committed += 1;
    tally.set(key(unit), entry);
  }
  return [...tally].map(([name, { units, committed }]) => ({ name, ...counts(units, committed) }));
}

function outside(ofYear: readonly StoredSubmission[], rosterCodes: ReadonlySet<string>): Coverage['outsideRoster'] {
  const byCode = new Map<string, { creditCode: string; name: string; letters: number }>();
  for (const s of ofYear) {
    if (rosterCodes.has(codeKey(s.creditCode))) continue;
    const entry = byCode.get(codeKey(s.creditCode));
    // The latest name a unit sent under is the one to show (a unit renamed mid-year).
    if (entry) byCode.set(codeKey(s.creditCode), { ...entry, name: s.unitName, letters: entry.letters + 1 });
    else byCode.set(codeKey(s.creditCode), { creditCode: s.creditCode, name: s.unitName, letters: 1 });
  }
  return [...byCode.values()].sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));
}

/** Whole days from `from` to `to`, both YYYY-MM-DD: 0 on the day itself, negative once it passed. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
