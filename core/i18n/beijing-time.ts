import { t } from './translate';

/** China has kept one offset all year since 1991; the platform's clock may be anywhere. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A moment in Beijing time, written as Chinese documents write it, whatever the computer's own
 * time zone: a printed receipt must say the same on every desk.
 *
 * @example formatBeijingTime('2026-12-01T06:05:00Z') // '2026年12月1日 14:05（北京时间）'
 */
export function formatBeijingTime(iso: string): string {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) throw new RangeError(`formatBeijingTime: not a date: ${iso}`);
  const local = new Date(epoch + BEIJING_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return t('time.beijing', {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`,
  });
}
