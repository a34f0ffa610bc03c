import { describe, expect, it } from 'vitest';
import { addDays, atBeijingHour, beijingDay, daysBetween } from '../../../core/calendar/calendar-day';

describe('Beijing calendar days', () => {
  it('changes day at Beijing midnight, 16:00 UTC, not at UTC midnight', () => {
    expect(beijingDay(new Date('2026-12-21T15:59:59.999Z'))).toBe('2026-12-21');
    expect(beijingDay(new Date('2026-12-21T16:00:00.000Z'))).toBe('2026-12-22');
    expect(beijingDay(new Date('2026-12-21T23:59:59Z'))).toBe('2026-12-22');
    expect(beijingDay(new Date('2026-12-22T00:00:00Z'))).toBe('2026-12-22');
  });

  it('moves to the next year where Beijing already has', () => {
    expect(beijingDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('refuses what is not a time', () => {
    expect(() => beijingDay(new Date('soon'))).toThrow(RangeError);
  });

  it('counts days across months, leap days and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-12-21', '2026-12-31')).toBe(10);
    expect(daysBetween('2026-12-31', '2026-12-21')).toBe(-10);
  });

  it('places an hour of a Beijing day on the UTC time line', () => {
    expect(atBeijingHour('2026-12-31', 9).toISOString()).toBe('2026-12-31T01:00:00.000Z');
    expect(atBeijingHour('2027-01-01', 0).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
