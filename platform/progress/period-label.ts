import { parsePeriod } from '../../core/progress/progress-period';
import { t } from '../i18n/translate';

/**
 * A report's period as a Chinese reader says it: `2026-06` → 2026 年 6 月, `2026-Q2` → 2026 年第 2 季度,
 * `2026` → 2026 年度（年终）. A period that does not parse (none the check let in) is shown as stored.
 */
export function periodLabel(period: string): string {
  const parsed = parsePeriod(period);
  if (parsed === undefined) return period;
  if (parsed.kind === 'month') return t('platform.fulfilment.period.month', { year: parsed.year, month: parsed.month });
  if (parsed.kind === 'quarter') return t('platform.fulfilment.period.quarter', { year: parsed.year, n: parsed.quarter });
  return t('platform.fulfilment.period.year', { year: parsed.year });
}
