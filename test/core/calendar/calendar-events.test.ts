import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../../core/calendar/calendar-events';
import { CALENDAR_DAYS } from '../../../core/calendar/report-days';
import { itemWarning } from '../../../core/calendar/warning';
import { beijing, calendarLetter, progressWith } from './calendar-fixtures';

const today = beijing('2026-06-01', '10:00');

describe('the events of a letter’s year', () => {
  it('lists every dated item, the unit’s dates and every report, in date order', () => {
    const events = calendarEvents(calendarLetter(), { today });
    expect(events.map((e) => [e.date, e.key])).toEqual([
      ['2026-05-01', 'commitment'],
      ['2026-05-05', 'report-2026-04'],
      ['2026-06-05', 'report-2026-05'],
      ['2026-07-05', 'report-2026-06'],
      ['2026-07-10', 'report-2026-Q2'],
      ['2026-08-05', 'report-2026-07'],
      ['2026-08-31', 'item-2'],
      ['2026-08-31', 'publication'],
      ['2026-09-05', 'report-2026-08'],
      ['2026-10-05', 'report-2026-09'],
      ['2026-10-10', 'report-2026-Q3'],
      ['2026-10-31', 'item-1'],
      ['2026-11-05', 'report-2026-10'],
      ['2026-12-05', 'report-2026-11'],
      ['2026-12-31', 'item-3'],
      ['2027-01-15', 'report-2026'],
    ]);
  });

  it('numbers items as the printed letter does and titles them in Chinese', () => {
    const events = calendarEvents(calendarLetter(), { today });
    const items = events.filter((e) => e.kind === 'item-deadline');
    // The duty item is stored first but printed last, and 全年 names no day.
    expect(items.map((e) => e.item?.number)).toEqual([2, 1, 3]);
    expect(items[0]).toMatchObject({ title: '第 2 项承诺事项到期：建成农村生活垃圾分类收集点 12 处。', item: { deadline: '2026-08-31', warning: 'green' } });
    expect(items[2]?.item?.deadline).toBe('２０２６年１２月３１日前');
    expect(events.find((e) => e.key === 'report-2026-05')?.title).toBe('报送 5 月承诺事项进展（月调度）');
    expect(events.find((e) => e.key === 'report-2026-Q2')?.title).toBe('报送第 2 季度承诺事项进展（季通报）');
    expect(events.find((e) => e.key === 'report-2026')).toMatchObject({ title: '报送 2026 年度承诺履行情况（年终）', period: '2026' });
  });

  it('reports from January for a letter made the year before, December and Q4 left to the year-end report', () => {
    const letter = { ...calendarLetter(), date: '2025-12-20' };
    const reports = calendarEvents(letter, { today }).filter((e) => e.period !== undefined).map((e) => e.period);
    expect(reports.filter((p) => /-\d\d$/.test(p!))).toHaveLength(11);
    expect(reports).toContain('2026-01');
    expect(reports).not.toContain('2026-12');
    expect(reports.filter((p) => p!.includes('Q'))).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });

  it('keeps the unit’s dates and report days in one place', () => {
    expect(CALENDAR_DAYS).toEqual({ commitment: { month: 5, day: 1 }, publication: { month: 8, day: 31 }, monthReportDay: 5, quarterReportDay: 10, yearReport: { month: 1, day: 15 } });
  });

  it('refuses a progress report of another year', () => {
    const letter = calendarLetter();
    expect(() => calendarEvents(letter, { today, progress: { ...progressWith(letter, {}), year: 2025 } })).toThrow(RangeError);
  });
});

describe('三色预警', () => {
  it('is green until ten days before, yellow from then through the deadline day, red after', () => {
    expect(itemWarning('2026-12-31', '2026-12-20')).toBe('green');
    expect(itemWarning('2026-12-31', '2026-12-21')).toBe('yellow');
    expect(itemWarning('2026-12-31', '2026-12-31')).toBe('yellow');
    expect(itemWarning('2026-12-31', '2027-01-01')).toBe('red');
  });

  it('turns at Beijing midnight: 16:00 UTC the day before', () => {
    const warning = (moment: Date) => calendarEvents(calendarLetter(), { today: moment }).find((e) => e.key === 'item-3')?.item?.warning;
    expect(warning(new Date('2026-12-20T15:59:59Z'))).toBe('green');
    expect(warning(new Date('2026-12-20T16:00:00Z'))).toBe('yellow');
    // UTC midnight of the 31st is already 08:00 there: still the deadline day.
    expect(warning(new Date('2026-12-31T15:59:59Z'))).toBe('yellow');
    expect(warning(new Date('2026-12-31T16:00:00Z'))).toBe('red');
  });

  it('never warns of an item settled (kept, not kept or changed), whatever the date', () => {
    const letter = calendarLetter();
    const progress = progressWith(letter, { 1: '已兑现', 2: '已调整', 3: '未兑现' });
    const events = calendarEvents(letter, { today: beijing('2027-01-05'), progress });
    const byNumber = new Map(events.flatMap((e) => (e.item ? [[e.item.number, e.item]] : [])));
    expect(byNumber.get(1)).toMatchObject({ status: '已兑现', warning: 'green' });
    expect(byNumber.get(2)).toMatchObject({ status: '已调整', warning: 'green' });
    // Not kept is an outcome, followed by rectification: a deadline warning has nothing left to prompt.
    expect(byNumber.get(3)).toMatchObject({ status: '未兑现', warning: 'green' });
    const open = calendarEvents(letter, { today: beijing('2027-01-05'), progress: progressWith(letter, {}) });
    expect(open.find((e) => e.item?.number === 3)?.item).toMatchObject({ status: '推进中', warning: 'red' });
    expect(itemWarning('2026-12-31', '2026-12-25', '已兑现')).toBe('green');
    expect(itemWarning('2026-12-31', '2026-12-25', '推进中')).toBe('yellow');
  });
});
