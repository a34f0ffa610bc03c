import { useId, useState } from 'react';
import type { ReviewDecision } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { ConfirmDialog } from '../app/ConfirmDialog';

/**
 * The principal's approve-or-return on a frozen PDF, bound to its SHA-256: a letter's
 * (ReviewPanel) and a progress report's (renderer/progress-report) are decided the same way.
 */
export function DecisionForm({ pdfSha256, principalName, onDecide }: { pdfSha256: string; principalName: string; onDecide: (decision: ReviewDecision) => void }) {
  const id = useId();
  const [by, setBy] = useState(principalName);
  const [comments, setComments] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Someone other than the letter's principal approving is allowed (a deputy), but only knowingly, and it is recorded.
  const [askingDelegate, setAskingDelegate] = useState(false);
  const principal = principalName.trim();
  const decide = (kind: 'approved' | 'returned', confirmedDelegate = false) => {
    const name = by.trim();
    if (name === '') return setProblem(t('ui.review.name-required'));
    if (kind === 'returned' && comments.trim() === '') return setProblem(t('ui.review.comments-required'));
    const delegated = kind === 'approved' && principal !== '' && name !== principal;
    if (delegated && !confirmedDelegate) return setAskingDelegate(true);
    const at = Date.now();
    onDecide(kind === 'approved' ? { kind, by: name, at, pdfSha256, ...(delegated ? { delegated: true } : {}) } : { kind, by: name, at, pdfSha256, comments: comments.trim() });
  };
  return (
    <form className="decision-form" onSubmit={(e) => e.preventDefault()} aria-label={t('ui.review.decision')}>
      <div className="field">
        <label htmlFor={`${id}-by`}>{t('ui.review.reviewer')}</label>
        <input id={`${id}-by`} value={by} onChange={(e) => setBy(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-comments`}>{t('ui.review.comments')}</label>
        <textarea id={`${id}-comments`} rows={3} value={comments} onChange={(e) => setComments(e.target.value)} />
      </div>
      {problem && <p className="field-message">{problem}</p>}
      <div className="actions actions--start">
        <button type="button" className="primary" onClick={() => decide('approved')}>
          {t('ui.review.approve')}
        </button>
        <button type="button" onClick={() => decide('returned')}>
          {t('ui.review.return')}
        </button>
      </div>
      {askingDelegate && (
        <ConfirmDialog
          title={t('ui.review.confirm-delegate-title')}
          message={t('ui.review.confirm-delegate', { principal, by: by.trim() })}
          confirmLabel={t('ui.review.confirm-delegate-ok')}
          onCancel={() => setAskingDelegate(false)}
          onConfirm={() => {
            setAskingDelegate(false);
            decide('approved', true);
          }}
        />
      )}
    </form>
  );
}
