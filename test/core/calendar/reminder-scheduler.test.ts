import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../../core/calendar/calendar-events';
import { createReminderScheduler, type SchedulerClock } from '../../../core/calendar/reminder-scheduler';
import { MAX_TIMER_DELAY, type Reminder } from '../../../core/calendar/reminders';
import { beijing, calendarLetter, progressWith } from './calendar-fixtures';

/** A clock that moves only when told, with setTimeout's own limit: a delay past 2^31-1 ms fires at once, as in Node and Chromium. */
function fakeClock(start: Date) {
  let now = start.getTime();
  let timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  const delays: number[] = [];
  const clock: SchedulerClock = {
    now: () => new Date(now),
    setTimer: (run, delay) => {
      delays.push(delay);
      const id = ++ids;
      timers.push({ at: now + (delay > MAX_TIMER_DELAY ? 1 : delay), run, id });
      return id;
    },
    clearTimer: (id) => {
      timers = timers.filter((timer) => timer.id !== id);
    },
  };
  /** Moves the clock to `to`, firing every timer due on the way, in order. */
  const advance = (to: Date) => {
    for (;;) {
      const next = timers.filter((timer) => timer.at <= to.getTime()).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      timers = timers.filter((timer) => timer !== next);
      now = next.at;
      next.run();
    }
    now = to.getTime();
  };
  /** The machine slept: the clock jumps and no timer ran meanwhile. */
  const sleep = (to: Date) => {
    now = to.getTime();
  };
  return { clock, advance, sleep, delays, pending: () => timers.length };
}

const letter = calendarLetter([{ category: 'key-task', content: '完成供水管网改造。', deadline: '2026-12-31' }]);
const events = calendarEvents(letter, { today: beijing('2026-10-01') });
const reasons = (fired: (readonly Reminder[])[]) => fired.map((due) => due.map((r) => `${r.event.key}:${r.reason}`).join(','));

describe('the reminder scheduler', () => {
  it('reaches a reminder more than 24.8 days away through clamped waits, firing exactly at its moment', () => {
    // 5 November (October's report) to 5 December (November's) is 30 days: that wait is clamped and re-armed.
    const { clock, advance, delays } = fakeClock(new Date('2026-10-06T02:00:00Z'));
    const fired: (readonly Reminder[])[] = [];
    const firedAt: string[] = [];
    const scheduler = createReminderScheduler(clock, (due) => {
      fired.push(due);
      firedAt.push(clock.now().toISOString());
    });
    scheduler.update(events);
    advance(new Date('2027-01-20T00:00:00Z'));
    expect(delays.every((delay) => delay <= MAX_TIMER_DELAY)).toBe(true);
    expect(delays.some((delay) => delay === MAX_TIMER_DELAY)).toBe(true);
    expect(firedAt).toEqual([
      '2026-10-10T01:00:00.000Z',
      '2026-11-05T01:00:00.000Z',
      '2026-12-05T01:00:00.000Z',
      '2026-12-21T01:00:00.000Z',
      '2026-12-31T01:00:00.000Z',
      '2027-01-01T01:00:00.000Z',
      '2027-01-15T01:00:00.000Z',
    ]);
    expect(reasons(fired).slice(3, 6)).toEqual(['item-1:due-soon', 'item-1:due-today', 'item-1:overdue']);
  });

  it('after sleep arms again from the time it woke, without replaying what passed', () => {
    const { clock, advance, sleep } = fakeClock(new Date('2026-12-01T00:00:00Z'));
    const fired: (readonly Reminder[])[] = [];
    const scheduler = createReminderScheduler(clock, (due) => fired.push(due));
    scheduler.update(events);
    // Asleep from 1 December to 30 December: the yellow warning of 21 December passed unseen.
    sleep(new Date('2026-12-30T12:00:00Z'));
    scheduler.resume();
    advance(new Date('2026-12-31T02:00:00Z'));
    expect(reasons(fired)).toEqual(['item-1:due-today']);
  });

  it('re-arms when the events change, and stops for good', () => {
    const { clock, advance, pending } = fakeClock(new Date('2026-12-22T00:00:00Z'));
    const fired: (readonly Reminder[])[] = [];
    const scheduler = createReminderScheduler(clock, (due) => fired.push(due));
    scheduler.update(events);
    // The item is kept: nothing is left to remind of it, only the year-end report.
    scheduler.update(calendarEvents(letter, { today: beijing('2026-12-22'), progress: progressWith(letter, { 1: '已兑现' }) }));
    advance(new Date('2027-01-02T00:00:00Z'));
    expect(fired).toEqual([]);
    scheduler.stop();
    expect(pending()).toBe(0);
    scheduler.update(events);
    expect(pending()).toBe(0);
  });
});
