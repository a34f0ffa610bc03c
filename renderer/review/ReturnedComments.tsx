import type { DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { formatTime } from '../shared/format-time';

/**
 * Who sent the letter back, when, and what they asked for: shown on the form, where the changes
 * are made, as well as on the review tab.
 */
export function ReturnedComments({ draft }: { draft: Pick<DraftRecord, 'status' | 'review'> }) {
  const decision = draft.review?.decision;
  if (draft.status !== 'returned' || decision?.kind !== 'returned') return null;
  return (
    <div className="banner banner--warning" data-testid="returned-comments">
      <p>{t('ui.review.returned-by', { by: decision.by, at: formatTime(decision.at) })}</p>
      <blockquote>{decision.comments}</blockquote>
    </div>
  );
}
