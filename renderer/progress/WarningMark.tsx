import { beijingDay, daysBetween } from '../../core/calendar/calendar-day';
import type { CalendarEvent } from '../../core/calendar/calendar-events';
import { t } from '../../core/i18n/translate';

/** An item's 三色预警 as words beside its deadline; nothing while it is green or settled. */
export function WarningMark({ event, today }: { event: CalendarEvent; today: Date }) {
  const warning = event.item?.warning;
  if (warning === undefined || warning === 'green') return null;
  const left = daysBetween(beijingDay(today), event.date);
  const text = warning === 'red' ? t('ui.progress.warning.red', { n: -left }) : left === 0 ? t('ui.progress.warning.today') : t('ui.progress.warning.yellow', { n: left });
  return (
    <span className={`badge badge--warning-${warning}`} data-testid="item-warning" data-warning={warning}>
      {text}
    </span>
  );
}
