import { describe, expect, it } from 'vitest';
import { formatBeijingTime } from '../../../core/i18n/beijing-time';

describe('formatBeijingTime', () => {
  it('writes a UTC moment in Beijing time, as a Chinese document does', () => {
    expect(formatBeijingTime('2026-12-01T06:05:00Z')).toBe('2026年12月1日 14:05（北京时间）');
  });

  it('reads any offset the platform answers with', () => {
    expect(formatBeijingTime('2026-12-01T23:30:00+08:00')).toBe('2026年12月1日 23:30（北京时间）');
    expect(formatBeijingTime('2026-04-20T09:07:00-05:00')).toBe('2026年4月20日 22:07（北京时间）');
  });

  it('moves to the next day and year where Beijing already has', () => {
    expect(formatBeijingTime('2026-12-31T16:00:00.000Z')).toBe('2027年1月1日 00:00（北京时间）');
  });

  it('refuses what is not a time rather than printing NaN', () => {
    expect(() => formatBeijingTime('soon')).toThrow(RangeError);
  });
});
