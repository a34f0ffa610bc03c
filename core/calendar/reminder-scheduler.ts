import type { CalendarEvent } from './calendar-events';
import { nextReminder, timerDelay, type Reminder } from './reminders';

/** The clock and timers the scheduler runs on: the page's or the main process's, or a test's fake ones. */
export interface SchedulerClock {
  readonly now: () => Date;
  readonly setTimer: (run: () => void, delay: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
}

export interface ReminderScheduler {
  /** The events changed (a letter delivered, a status set): re-arm for the new next reminder. */
  readonly update: (events: readonly CalendarEvent[]) => void;
  /**
   * The machine woke from sleep or the clock jumped: a timer set before may fire late or early,
   * so the next reminder is computed again from the time now.
   */
  readonly resume: () => void;
  readonly stop: () => void;
}

/**
 * Keeps one timer armed for the next reminder of the events ({@link nextReminder}) and calls
 * `remind` with every reminder due at it. A reminder more than 24.8 days off cannot be one
 * setTimeout (it would fire at once): the scheduler waits the longest delay there is and arms
 * again from the time it wakes at, until the moment comes. Reminders whose moment passed while
 * nothing ran are not replayed; the warnings on screen show the state.
 *
 * @example const scheduler = createReminderScheduler(clock, (due) => notify(due)); scheduler.update(events);
 */
export function createReminderScheduler(clock: SchedulerClock, remind: (due: readonly Reminder[]) => void): ReminderScheduler {
  let events: readonly CalendarEvent[] = [];
  let timer: unknown;
  let stopped = false;

  const arm = () => {
    if (timer !== undefined) clock.clearTimer(timer);
    timer = undefined;
    if (stopped) return;
    const now = clock.now();
    const next = nextReminder(events, now);
    if (next === undefined) return;
    timer = clock.setTimer(() => {
      timer = undefined;
      // Woken early (a clamped wait, or a clock set back): only arm again. Late is fine: it is due.
      if (clock.now().getTime() >= next.at.getTime()) remind(next.reminders);
      arm();
    }, timerDelay(next.at, now));
  };

  return {
    update: (changed) => {
      events = changed;
      arm();
    },
    resume: arm,
    stop: () => {
      stopped = true;
      arm();
    },
  };
}
