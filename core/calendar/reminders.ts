import { t } from '../i18n/translate';
import { addDays, atBeijingHour } from './calendar-day';
import type { CalendarEvent, CalendarEventKind } from './calendar-events';
import { REMINDER_HOUR, WARNING_DAYS } from './report-days';
import { isSettled } from './warning';

/** Why a reminder fires: a deadline ten days off (the warning turns yellow), today, or passed yesterday (red); a report due today. */
export type ReminderReason = 'due-soon' | 'due-today' | 'overdue' | 'report-due';

export type Reminder = { readonly event: CalendarEvent; readonly reason: ReminderReason; readonly message: string };

/** The next moment to remind, and every reminder due at it (two items may share a deadline). */
export type NextReminder = { readonly at: Date; readonly reminders: readonly Reminder[] };

/** The days around an event a reminder fires, by kind. A unit's own dates warn ahead as items do; a report day is a routine. */
const OFFSETS: Readonly<Record<CalendarEventKind, readonly (readonly [days: number, reason: ReminderReason])[]>> = {
  'item-deadline': [[-WARNING_DAYS, 'due-soon'], [0, 'due-today'], [1, 'overdue']],
  commitment: [[-WARNING_DAYS, 'due-soon'], [0, 'due-today']],
  publication: [[-WARNING_DAYS, 'due-soon'], [0, 'due-today']],
  'month-report': [[0, 'report-due']],
  'quarter-report': [[0, 'report-due']],
  'year-report': [[0, 'report-due']],
};

function message(reason: ReminderReason, title: string): string {
  if (reason === 'due-soon') return t('calendar.reminder.due-soon', { n: WARNING_DAYS, title });
  if (reason === 'due-today') return t('calendar.reminder.due-today', { title });
  if (reason === 'overdue') return t('calendar.reminder.overdue', { title });
  return t('calendar.reminder.report-due', { title });
}

/**
 * The first moment after `now` a reminder should fire, at {@link REMINDER_HOUR}:00 Beijing time,
 * or undefined when none is left. An item settled (已兑现, 未兑现, 已调整) is not reminded of.
 * Strictly after `now`: a caller that asks again at the moment a reminder fired gets the next
 * one, not the same again. Reminders whose moment passed while the app was closed are not
 * replayed; the events' warnings show the state on opening.
 */
export function nextReminder(events: readonly CalendarEvent[], now: Date): NextReminder | undefined {
  let at = Infinity;
  let due: Reminder[] = [];
  for (const event of events) {
    if (isSettled(event.item?.status)) continue;
    for (const [days, reason] of OFFSETS[event.kind]) {
      const moment = atBeijingHour(addDays(event.date, days), REMINDER_HOUR).getTime();
      if (moment <= now.getTime() || moment > at) continue;
      if (moment < at) [at, due] = [moment, []];
      due.push({ event, reason, message: message(reason, event.title) });
    }
  }
  return at === Infinity ? undefined : { at: new Date(at), reminders: due };
}

/** The longest delay setTimeout honours; a longer one fires at once (it overflows a signed 32-bit int). */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/**
 * The delay to pass to setTimeout for `target`: 0 for a past target, at most
 * {@link MAX_TIMER_DELAY} (about 24.8 days). A clamped wait ends early: the caller then asks
 * again, with the time it has woken at, and waits the rest.
 */
export function timerDelay(target: Date, now: Date): number {
  return Math.min(MAX_TIMER_DELAY, Math.max(0, target.getTime() - now.getTime()));
}
