/**
 * The period a progress report covers: a month (月调度, `2026-06`), a quarter (季通报, `2026-Q2`)
 * or the whole year (年终, `2026`), the year being the letter's.
 */
export type ProgressPeriod =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly kind: 'year'; readonly year: number };

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/**
 * Reads `2026-06`, `2026-Q2` or `2026`; anything else is undefined.
 *
 * @example parsePeriod('2026-Q2') // { kind: 'quarter', year: 2026, quarter: 2 }
 */
export function parsePeriod(text: string): ProgressPeriod | undefined {
  const match = PERIOD.exec(text.trim());
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (match[2] !== undefined) return { kind: 'month', year, month: Number(match[2]) };
  if (match[3] !== undefined) return { kind: 'quarter', year, quarter: Number(match[3]) };
  return { kind: 'year', year };
}

/** The period as the report stores it. */
export function periodKey(period: ProgressPeriod): string {
  if (period.kind === 'month') return `${period.year}-${String(period.month).padStart(2, '0')}`;
  if (period.kind === 'quarter') return `${period.year}-Q${period.quarter}`;
  return String(period.year);
}

/** The last day the period covers, `YYYY-MM-DD`: what a report's facts hold up to. */
export function periodEnd(period: ProgressPeriod): string {
  const lastMonth = period.kind === 'month' ? period.month : period.kind === 'quarter' ? period.quarter * 3 : 12;
  // Day 0 of the next month is the last day of this one.
  const day = new Date(Date.UTC(period.year, lastMonth, 0)).getUTCDate();
  return `${period.year}-${String(lastMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
