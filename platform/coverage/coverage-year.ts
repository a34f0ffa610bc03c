import { YEAR_RANGE } from '../../core/letter/letter-schema';

/** China has kept UTC+8 all year since 1991; the server's own zone may be anything. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day in Beijing at `now`, YYYY-MM-DD: the notice's deadlines are Beijing days. */
export function beijingDay(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The year a coverage request is about: `?year=` when given, else the current year in Beijing
 * (on 1 January at 07:00 UTC it is already the new year there). Undefined for a `year` that is
 * not one a letter may have, so the route can refuse it rather than answer about nothing.
 *
 * @example coverageYear(new URLSearchParams('year=2025'), new Date()) // 2025
 */
export function coverageYear(query: URLSearchParams, now: Date): number | undefined {
  const asked = query.get('year');
  if (asked === null || asked === '') return Number(beijingDay(now).slice(0, 4));
  if (!/^\d{4}$/.test(asked)) return undefined;
  const year = Number(asked);
  return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max ? year : undefined;
}
