import { describe, expect, it } from 'vitest';
import { localFileStamp, localIsoDate } from '../../../renderer/shared/local-date';

describe('local dates', () => {
  it('writes the day on the computer’s own calendar as YYYY-MM-DD', () => {
    expect(localIsoDate(new Date(2026, 3, 20, 8, 30))).toBe('2026-04-20');
    expect(localIsoDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });

  it('stamps a file name with the local day and minute, padded so names sort by time', () => {
    expect(localFileStamp(new Date(2026, 3, 20, 8, 5))).toBe('20260420-0805');
    expect(localFileStamp(new Date(2026, 10, 3, 17, 45))).toBe('20261103-1745');
  });
});
