import { beijingDay, daysBetween } from './calendar-day';
import type { CalendarEvent, CalendarItem } from './calendar-events';
import { WARNING_DAYS } from './report-days';
import type { Warning } from './warning';

/** What a letter's calendar warns of on a day: the banner's and the draft list's reading of it. */
export type LetterWarnings = {
  /** Items due within {@link WARNING_DAYS} days, the deadline day included (yellow), by printed number. */
  readonly dueSoon: readonly CalendarItem[];
  /** Items past their deadline (red), by printed number. */
  readonly overdue: readonly CalendarItem[];
  /** The worst colour among the items: what the list marks the letter with. */
  readonly worst: Warning;
  /**
   * The unit's own dates (5月1日, 8月31日) from today to {@link WARNING_DAYS} days ahead, and a
   * report due today: a reminder of them fires only while the app runs, so the banner says them on opening too.
   */
  readonly upcoming: readonly CalendarEvent[];
};

const byNumber = (a: CalendarItem, b: CalendarItem) => a.number - b.number;

/**
 * Reads the warnings of one letter's events (made by calendarEvents with `today`). Settled items
 * are green there, so they count nowhere here.
 *
 * @example letterWarnings(calendarEvents(letter, { today }), today).overdue.map((item) => item.number) // [2, 3]
 */
export function letterWarnings(events: readonly CalendarEvent[], today: Date): LetterWarnings {
  const day = beijingDay(today);
  const items = events.flatMap((event) => (event.item ? [event.item] : []));
  const dueSoon = items.filter((item) => item.warning === 'yellow').sort(byNumber);
  const overdue = items.filter((item) => item.warning === 'red').sort(byNumber);
  const upcoming = events.filter((event) => {
    const left = daysBetween(day, event.date);
    if (event.kind === 'commitment' || event.kind === 'publication') return left >= 0 && left <= WARNING_DAYS;
    return event.kind !== 'item-deadline' && left === 0;
  });
  return { dueSoon, overdue, worst: overdue.length > 0 ? 'red' : dueSoon.length > 0 ? 'yellow' : 'green', upcoming };
}
