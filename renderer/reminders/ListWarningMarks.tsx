import type { LetterWarnings } from '../../core/calendar/letter-warnings';
import { t } from '../../core/i18n/translate';

/** The draft list's 三色预警 of a delivered letter: red for items overdue, yellow for items due within ten days; nothing when on track. */
export function ListWarningMarks({ warnings }: { warnings: LetterWarnings | undefined }) {
  if (warnings === undefined) return null;
  return (
    <>
      {warnings.overdue.length > 0 && (
        <span className="badge badge--warning-red" data-testid="list-warning" data-warning="red">
          {t('ui.reminders.mark.red', { count: warnings.overdue.length })}
        </span>
      )}
      {warnings.dueSoon.length > 0 && (
        <span className="badge badge--warning-yellow" data-testid="list-warning" data-warning="yellow">
          {t('ui.reminders.mark.yellow', { count: warnings.dueSoon.length })}
        </span>
      )}
    </>
  );
}
