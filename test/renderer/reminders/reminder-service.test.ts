import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationRequest } from '../../../core/bridge/desktop-api';
import { MAX_TIMER_DELAY } from '../../../core/calendar/reminders';
import type { ItemProgressRecord } from '../../../core/progress/item-progress';
import { letterCalendar } from '../../../renderer/progress/letter-calendar';
import { BROWSER_CLOCK, createReminderService, type FiredReminder } from '../../../renderer/reminders/reminder-service';
import { calendarLetter } from '../../core/calendar/calendar-fixtures';

/*
 * The app's reminders on the page's own setTimeout and Date, faked by vitest (whose timers, like
 * Chromium's, fire at once for a delay past 2^31-1 ms): the times they fire at, what the desktop
 * notification and the banner are told, re-arming after sleep and when progress changes.
 */

const SUBMISSION = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
const letter = calendarLetter([{ category: 'key-task', content: '完成供水管网改造。', deadline: '2026-12-31' }]);
const ref = { draftId: 'draft-1', name: '临江镇承诺书', submissionId: SUBMISSION };
const kept: ItemProgressRecord = { submissionId: SUBMISSION, number: 1, status: '已兑现', notes: [], updatedAt: 0 };

function start() {
  const notified: { at: string; body: string }[] = [];
  const fired: { at: string; lines: readonly FiredReminder[] }[] = [];
  const service = createReminderService({
    clock: BROWSER_CLOCK,
    notify: async (notification: NotificationRequest) => {
      notified.push({ at: new Date().toISOString(), body: notification.body });
      expect(notification.title).toBe('政务诚信承诺提醒');
      return { shown: false };
    },
    onFired: (lines, at) => fired.push({ at: at.toISOString(), lines }),
  });
  const arm = (records: readonly ItemProgressRecord[] = []) => service.update([{ ref, events: letterCalendar(letter, records, new Date()) }]);
  return { service, arm, notified, fired };
}

/** Runs the fake clock to `iso`, firing every timer due on the way. */
const runTo = (iso: string) => vi.advanceTimersByTime(Date.parse(iso) - Date.now());

describe('the app’s reminder timers', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-06T02:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reach a reminder 29 days away, past the 24.8-day limit of one setTimeout, exactly at 09:00 Beijing', () => {
    const { arm, notified, fired } = start();
    arm();
    // The first wait is the longest setTimeout takes; nothing is due at its end.
    vi.advanceTimersByTime(MAX_TIMER_DELAY);
    expect(notified).toEqual([]);
    runTo('2026-12-05T00:59:59Z');
    expect(notified).toEqual([]);
    runTo('2026-12-05T01:00:00Z');
    expect(notified).toEqual([{ at: '2026-12-05T01:00:00.000Z', body: '今天是报送日：报送 11 月承诺事项进展（月调度）' }]);
    // The item's reminders name the letter, and lead to it.
    runTo('2027-01-02T00:00:00Z');
    expect(notified.map((n) => n.at)).toEqual(['2026-12-05T01:00:00.000Z', '2026-12-21T01:00:00.000Z', '2026-12-31T01:00:00.000Z', '2027-01-01T01:00:00.000Z']);
    expect(fired.slice(1).map((f) => f.lines)).toEqual([
      [{ text: '临江镇承诺书：还有 10 天到期：第 1 项承诺事项到期：完成供水管网改造。', draftId: 'draft-1' }],
      [{ text: '临江镇承诺书：今天到期：第 1 项承诺事项到期：完成供水管网改造。', draftId: 'draft-1' }],
      [{ text: '临江镇承诺书：已逾期：第 1 项承诺事项到期：完成供水管网改造。', draftId: 'draft-1' }],
    ]);
    expect(fired.map((f) => f.at)).toEqual(notified.map((n) => n.at));
  });

  it('after sleep, re-armed on resume, fires the next reminder on time instead of when the slept timer wakes', () => {
    vi.setSystemTime(new Date('2026-12-10T00:00:00Z'));
    const { service, arm, notified } = start();
    arm();
    // Asleep until 30 December: the timer set for the 21st still has its 11 days to run.
    vi.setSystemTime(new Date('2026-12-30T12:00:00Z'));
    service.resume();
    runTo('2026-12-31T02:00:00Z');
    // The yellow reminder that passed in sleep is not replayed; today's is on time.
    expect(notified).toEqual([{ at: '2026-12-31T01:00:00.000Z', body: '临江镇承诺书：今天到期：第 1 项承诺事项到期：完成供水管网改造。' }]);
  });

  it('re-armed when progress changes, says nothing more of an item kept', () => {
    vi.setSystemTime(new Date('2026-12-10T00:00:00Z'));
    const { arm, notified } = start();
    arm();
    arm([kept]);
    runTo('2027-01-20T00:00:00Z');
    expect(notified.map((n) => n.body)).toEqual(['今天是报送日：报送 2026 年度承诺履行情况（年终）']);
  });

  it('says a date every letter shares once, an item once per letter, and keeps the banner when the notification fails', () => {
    vi.setSystemTime(new Date('2026-12-30T00:00:00Z'));
    const fired: (readonly FiredReminder[])[] = [];
    const service = createReminderService({ clock: BROWSER_CLOCK, notify: () => Promise.reject(new Error('no notifications')), onFired: (lines) => fired.push(lines) });
    const other = { draftId: 'draft-2', name: '白鹭乡承诺书', submissionId: 'another' };
    service.update([
      { ref, events: letterCalendar(letter, [], new Date()) },
      { ref: other, events: letterCalendar(letter, [], new Date()) },
    ]);
    runTo('2027-01-16T00:00:00Z');
    expect(fired.map((lines) => lines.map((line) => line.text))).toEqual([
      ['临江镇承诺书：今天到期：第 1 项承诺事项到期：完成供水管网改造。', '白鹭乡承诺书：今天到期：第 1 项承诺事项到期：完成供水管网改造。'],
      ['临江镇承诺书：已逾期：第 1 项承诺事项到期：完成供水管网改造。', '白鹭乡承诺书：已逾期：第 1 项承诺事项到期：完成供水管网改造。'],
      ['今天是报送日：报送 2026 年度承诺履行情况（年终）'],
    ]);
    service.stop();
  });

  it('stops for good: no timer is left behind', () => {
    const { service, arm } = start();
    arm();
    expect(vi.getTimerCount()).toBe(1);
    service.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
