import { calendarEvents, type CalendarEvent } from '../../core/calendar/calendar-events';
import type { Letter } from '../../core/letter/letter-schema';
import type { ItemProgressRecord } from '../../core/progress/item-progress';

/** The letter's year with the statuses recorded here: the same numbers a report would carry. */
export function letterCalendar(letter: Letter, records: readonly ItemProgressRecord[], today: Date): CalendarEvent[] {
  return calendarEvents(letter, { today, progress: { year: letter.year, items: records } });
}
