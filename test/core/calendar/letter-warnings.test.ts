import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../../core/calendar/calendar-events';
import { letterWarnings } from '../../../core/calendar/letter-warnings';
import { beijing, calendarLetter, progressWith } from './calendar-fixtures';

// Printed numbers: 1 the 10月31日 item, 2 the 8月31日 one, 3 the 12月31日 one (全年 has no date).
const letter = calendarLetter();
const read = (day: string, time = '00:00', statuses: Parameters<typeof progressWith>[1] | undefined = undefined) => {
  const today = beijing(day, time);
  return letterWarnings(calendarEvents(letter, { today, ...(statuses ? { progress: progressWith(letter, statuses) } : {}) }), today);
};
const numbers = (items: readonly { number: number }[]) => items.map((item) => item.number);

describe('letterWarnings', () => {
  it('counts the items due within ten days and those past their deadline, by printed number', () => {
    const warnings = read('2026-12-25');
    expect(numbers(warnings.dueSoon)).toEqual([3]);
    expect(numbers(warnings.overdue)).toEqual([1, 2]);
    expect(warnings.worst).toBe('red');
  });

  it('is green with nothing to count before any warning, yellow with only a deadline near', () => {
    expect(read('2026-06-01')).toMatchObject({ dueSoon: [], overdue: [], worst: 'green' });
    expect(read('2026-08-21')).toMatchObject({ worst: 'yellow' });
    expect(numbers(read('2026-08-21').dueSoon)).toEqual([2]);
  });

  it('counts no settled item, whatever the date', () => {
    const warnings = read('2026-12-25', '10:00', { 1: '已兑现', 2: '未兑现', 3: '已调整' });
    expect(warnings).toMatchObject({ dueSoon: [], overdue: [], worst: 'green' });
  });

  it('names the unit’s own dates ten days ahead and a report due today', () => {
    expect(read('2026-08-21').upcoming.map((e) => e.key)).toEqual(['publication']);
    expect(read('2026-08-20').upcoming.map((e) => e.key)).toEqual([]);
    expect(read('2026-09-05').upcoming.map((e) => e.key)).toEqual(['report-2026-08']);
    expect(read('2026-09-06').upcoming).toEqual([]);
  });
});
