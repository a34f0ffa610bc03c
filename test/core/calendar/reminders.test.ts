import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../../core/calendar/calendar-events';
import { MAX_TIMER_DELAY, nextReminder, timerDelay } from '../../../core/calendar/reminders';
import { beijing, calendarLetter, progressWith } from './calendar-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const letter = calendarLetter([{ category: 'key-task', content: '完成供水管网改造。', deadline: '2026年12月31日前' }]);
const events = calendarEvents(letter, { today: beijing('2026-11-01') });

describe('nextReminder', () => {
  it('fires at 09:00 Beijing on the day the warning turns yellow, the deadline day and the day after', () => {
    // From 6 December the next events are the November report (5 Dec, gone) and the item.
    const first = nextReminder(events, beijing('2026-12-06'));
    expect(first?.at.toISOString()).toBe('2026-12-21T01:00:00.000Z');
    expect(first?.reminders.map((r) => [r.reason, r.message])).toEqual([['due-soon', '还有 10 天到期：第 1 项承诺事项到期：完成供水管网改造。']]);
    const second = nextReminder(events, first!.at);
    expect(second?.at.toISOString()).toBe('2026-12-31T01:00:00.000Z');
    expect(second?.reminders[0]?.reason).toBe('due-today');
    const third = nextReminder(events, second!.at);
    expect(third?.at.toISOString()).toBe('2027-01-01T01:00:00.000Z');
    expect(third?.reminders[0]).toMatchObject({ reason: 'overdue', message: '已逾期：第 1 项承诺事项到期：完成供水管网改造。' });
    const last = nextReminder(events, third!.at);
    expect(last?.at.toISOString()).toBe('2027-01-15T01:00:00.000Z');
    expect(last?.reminders[0]).toMatchObject({ reason: 'report-due', message: '今天是报送日：报送 2026 年度承诺履行情况（年终）' });
    expect(nextReminder(events, last!.at)).toBeUndefined();
  });

  it('fires the same day’s reminder to a clock one minute before 09:00 Beijing, which is 00:59 UTC', () => {
    expect(nextReminder(events, new Date('2026-12-21T00:59:00Z'))?.at.toISOString()).toBe('2026-12-21T01:00:00.000Z');
    expect(nextReminder(events, new Date('2026-12-21T01:00:00Z'))?.at.toISOString()).toBe('2026-12-31T01:00:00.000Z');
  });

  it('gathers the reminders that fall at one moment', () => {
    const two = calendarLetter([
      { category: 'key-task', content: '甲事项完成。', deadline: '2026-08-31' },
      { category: 'key-task', content: '乙事项完成。', deadline: '2026-08-31' },
    ]);
    const due = nextReminder(calendarEvents(two, { today: beijing('2026-08-01') }), beijing('2026-08-30'));
    expect(due?.at.toISOString()).toBe('2026-08-31T01:00:00.000Z');
    expect(due?.reminders.map((r) => r.event.key)).toEqual(['item-1', 'item-2', 'publication']);
  });

  it('does not remind of an item settled: kept, not kept or changed', () => {
    for (const status of ['已兑现', '未兑现', '已调整'] as const) {
      const settled = calendarEvents(letter, { today: beijing('2026-11-01'), progress: progressWith(letter, { 1: status }) });
      expect(nextReminder(settled, beijing('2026-12-06'))?.at.toISOString(), status).toBe('2027-01-15T01:00:00.000Z');
    }
    const open = calendarEvents(letter, { today: beijing('2026-11-01'), progress: progressWith(letter, { 1: '未启动' }) });
    expect(nextReminder(open, beijing('2026-12-06'))?.at.toISOString()).toBe('2026-12-21T01:00:00.000Z');
  });

  it('takes statuses from the app’s records as from a report: numbers and statuses only', () => {
    const recorded = calendarEvents(letter, { today: beijing('2026-11-01'), progress: { year: 2026, items: [{ number: 1, status: '已兑现' }] } });
    expect(nextReminder(recorded, beijing('2026-12-06'))?.at.toISOString()).toBe('2027-01-15T01:00:00.000Z');
  });
});

describe('timerDelay', () => {
  const now = new Date('2026-10-01T01:00:00Z');
  const target = new Date(now.getTime() + 60 * DAY);

  it('clamps a wait past the setTimeout limit, and re-arming lands on the exact time', () => {
    expect(MAX_TIMER_DELAY).toBe(2_147_483_647);
    const first = timerDelay(target, now);
    expect(first).toBe(MAX_TIMER_DELAY);
    // The caller wakes early, asks again, and so on until the rest fits in one wait.
    let clock = now.getTime();
    const waits: number[] = [];
    for (let delay = first; delay > 0; delay = timerDelay(target, new Date(clock))) {
      waits.push(delay);
      clock += delay;
    }
    expect(waits).toEqual([MAX_TIMER_DELAY, MAX_TIMER_DELAY, 60 * DAY - 2 * MAX_TIMER_DELAY]);
    expect(clock).toBe(target.getTime());
  });

  it('waits exactly for a near target, and not at all for a past one', () => {
    expect(timerDelay(new Date(now.getTime() + 1234), now)).toBe(1234);
    expect(timerDelay(now, now)).toBe(0);
    expect(timerDelay(new Date(now.getTime() - DAY), now)).toBe(0);
  });
});
