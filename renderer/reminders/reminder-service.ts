import type { NotificationRequest } from '../../core/bridge/desktop-api';
import type { CalendarEvent } from '../../core/calendar/calendar-events';
import { createReminderScheduler, type SchedulerClock } from '../../core/calendar/reminder-scheduler';
import type { Reminder } from '../../core/calendar/reminders';
import { t } from '../../core/i18n/translate';

/** A delivered letter the reminders are about, by its draft (to open it) and its submission (its progress). */
export interface DeliveredRef {
  readonly draftId: string;
  readonly name: string;
  readonly submissionId: string;
}

/** One line of a reminder that fired while the app ran; `draftId` absent for a date every letter shares. */
export interface FiredReminder {
  readonly text: string;
  readonly draftId?: string;
}

export interface ReminderService {
  /** The letters or their progress changed: re-arm for the next reminder of them all. */
  readonly update: (letters: readonly { readonly ref: DeliveredRef; readonly events: readonly CalendarEvent[] }[]) => void;
  /** After sleep, or the window shown again: a timer that slept may fire late or not at all. */
  readonly resume: () => void;
  readonly stop: () => void;
}

/** The page's own clock and timers. */
export const BROWSER_CLOCK: SchedulerClock = {
  now: () => new Date(),
  setTimer: (run, delay) => setTimeout(run, delay),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * One timer (core's scheduler) for the next reminder of every delivered letter. When it fires,
 * the lines go to `onFired` (the banner) and to `notify` (a desktop notification where the host
 * has one); a failed notification leaves the banner as the reminder.
 *
 * @example const service = createReminderService({ clock: BROWSER_CLOCK, notify: (n) => desktop.call('app.notify', n), onFired }); service.update(letters);
 */
export function createReminderService(options: { clock: SchedulerClock; notify: (notification: NotificationRequest) => Promise<unknown>; onFired: (lines: readonly FiredReminder[], at: Date) => void }): ReminderService {
  const { clock, notify, onFired } = options;
  let owner = new Map<CalendarEvent, DeliveredRef>();
  const scheduler = createReminderScheduler(clock, (due) => {
    const lines = describeFired(due, owner);
    onFired(lines, clock.now());
    void notify({ title: t('ui.reminders.notification-title'), body: lines.map((line) => line.text).join('\n').slice(0, 2000) }).catch(() => undefined);
  });
  return {
    update: (letters) => {
      owner = new Map(letters.flatMap(({ ref, events }) => events.map((event) => [event, ref] as const)));
      scheduler.update(letters.flatMap((letter) => letter.events));
    },
    resume: scheduler.resume,
    stop: scheduler.stop,
  };
}

/**
 * The notification's lines: an item's reminder names its letter; a date all letters share (a
 * report day, 8月31日) is said once, not once per letter of a staff batch.
 */
export function describeFired(due: readonly Reminder[], owner: ReadonlyMap<CalendarEvent, DeliveredRef>): FiredReminder[] {
  const lines: FiredReminder[] = [];
  const said = new Set<string>();
  for (const reminder of due) {
    const ref = owner.get(reminder.event);
    const own = reminder.event.kind === 'item-deadline' && ref !== undefined;
    const text = own ? t('ui.reminders.letter', { name: ref.name, details: reminder.message }) : reminder.message;
    if (said.has(text)) continue;
    said.add(text);
    lines.push(own ? { text, draftId: ref.draftId } : { text });
  }
  return lines;
}
