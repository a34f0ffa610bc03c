import type { ItemStatus } from '../progress/progress-schema';
import { daysBetween } from './calendar-day';
import { WARNING_DAYS } from './report-days';

/** 三色预警: green on track, yellow due within {@link WARNING_DAYS} days, red past its deadline. */
export type Warning = 'green' | 'yellow' | 'red';

/**
 * Settled one way or the other: kept, not kept, or changed with a reason. Nothing is left to warn
 * about before the deadline; an item not kept is followed by its rectification (限期整改) and the
 * year-end record, not by a calendar reminder.
 */
const SETTLED: readonly ItemStatus[] = ['已兑现', '未兑现', '已调整'];

export const isSettled = (status: ItemStatus | undefined) => status !== undefined && SETTLED.includes(status);

/**
 * The colour of an item with deadline `deadline` on `today` (both `YYYY-MM-DD`, Beijing days).
 * The deadline day itself is still yellow: "2026年12月31日前" is met by work done that day, so the
 * item is late only from the day after.
 *
 * @example itemWarning('2026-12-31', '2026-12-21') // 'yellow'
 */
export function itemWarning(deadline: string, today: string, status?: ItemStatus): Warning {
  if (isSettled(status)) return 'green';
  const left = daysBetween(today, deadline);
  if (left < 0) return 'red';
  return left <= WARNING_DAYS ? 'yellow' : 'green';
}
