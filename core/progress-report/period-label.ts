import { periodText } from '../layout/layout-progress';
import { parsePeriod } from '../progress/progress-period';

/**
 * A report's period as the clerk reads it, the words its PDF prints (2026年6月, 2026年第二季度,
 * 2026年度); a key that does not parse (damaged data) is shown as it is stored.
 *
 * @example periodLabel('2026-Q2') // '2026年第二季度'
 */
export function periodLabel(key: string): string {
  const period = parsePeriod(key);
  return period === undefined ? key : periodText(period);
}
