import { t } from '../../core/i18n/translate';
import type { DeliveredLetterProps } from '../progress/delivered-letter';

/**
 * Reports are not yet made in the app (issue 18): until they are, the tab says so and names the
 * commands that do make, pack and send them, rather than showing an empty page a clerk could read
 * as "nothing to report".
 */
export function ReportsTab(_props: DeliveredLetterProps) {
  return (
    <p role="status" className="notice" data-testid="reports-not-in-app">
      {t('ui.reports.use-command-line')}
    </p>
  );
}
