/*
 * Calendar days in Beijing time, written `YYYY-MM-DD`. A deadline is a day on a Chinese office's
 * wall calendar, so "today" must be Beijing's today whatever zone the computer is set to; the
 * arithmetic runs on UTC dates so no local zone or summer time can shift a day.
 */

/** China has kept one offset all year since 1991 (as core/i18n/beijing-time.ts). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const isoOf = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

function utcMidnight(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/**
 * The day it is in Beijing at `moment`.
 *
 * @example beijingDay(new Date('2026-12-31T16:00:00Z')) // '2027-01-01'
 */
export function beijingDay(moment: Date): string {
  const epoch = moment.getTime();
  if (Number.isNaN(epoch)) throw new RangeError('beijingDay: not a date');
  return isoOf(epoch + BEIJING_OFFSET_MS);
}

/** @example addDays('2026-03-01', -1) // '2026-02-28' */
export function addDays(day: string, days: number): string {
  return isoOf(utcMidnight(day) + days * DAY_MS);
}

/** Whole days from `from` to `to`, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/**
 * The instant it is `hour`:00 in Beijing on `day`: reminders fire in office hours, not at the
 * midnight a date-only calendar entry would start.
 *
 * @example atBeijingHour('2026-12-31', 9) // 2026-12-31T01:00:00.000Z
 */
export function atBeijingHour(day: string, hour: number): Date {
  return new Date(utcMidnight(day) + hour * 60 * 60 * 1000 - BEIJING_OFFSET_MS);
}

/** `2026-12-31` as a calendar writes a date-only value: `20261231`. */
export const compactDay = (day: string) => day.replaceAll('-', '');
