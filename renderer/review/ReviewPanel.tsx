import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { t } from '../../core/i18n/translate';
import { currentSubmission, type DraftRecord, type ReviewDecision } from '../../core/drafts/draft-record';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { saveFile } from '../bridge/save-file';
import type { DraftStore } from '../store/draft-store';
import type { ProfileStore } from '../store/profile-store';
import { describeStorageError } from '../store/storage-errors';
import { formatTime } from '../shared/format-time';
import { PdfPreview } from '../pdf/PdfPreview';
import { printPdf } from './print-pdf';
import { renderAndSubmit } from './submit-for-review';
import { ReturnedComments } from './ReturnedComments';
import { SignWithCertificate } from './SignWithCertificate';

interface ReviewPanelProps {
  readonly draft: DraftRecord;
  readonly store: DraftStore;
  /** The unit profile, whose signature and seal images signing uses. */
  readonly profile: ProfileStore;
  readonly fileName: string;
  /** The principal as the letter names them, offered as the reviewer. */
  readonly principalName: string;
  readonly onEdit: () => void;
}

/**
 * Submit for review, and the principal's screen: the exact PDF that was frozen, its SHA-256,
 * and approve or return. The decision is bound to that hash.
 */
export function ReviewPanel({ draft, store, profile, fileName, principalName, onEdit }: ReviewPanelProps) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reviewSha = draft.review?.pdfSha256;
  // undefined while loading, null when there is none or it no longer matches its hash.
  const document = useLiveQuery(async () => (reviewSha ? ((await store.reviewDocument(draft.id)) ?? null) : null), [store, draft.id, reviewSha]);

  const submit = async () => {
    setBusy(true);
    setMessage(t('ui.review.rendering'));
    try {
      const submitted = await renderAndSubmit(store, draft.id);
      setMessage(submitted.ok ? null : submitted.message);
    } catch (error) {
      setMessage(t('ui.review.failed', { reason: describeStorageError(error) }));
    } finally {
      setBusy(false);
    }
  };

  const decide = async (decision: ReviewDecision) => {
    try {
      await store.decide(draft.id, decision);
      setMessage(null);
    } catch (error) {
      setMessage(t('ui.review.failed', { reason: describeStorageError(error) }));
    }
  };

  return (
    <section className="review-panel" aria-label={t('ui.tab.review')}>
      {message && (
        <p role="status" data-testid="review-status">
          {message}
        </p>
      )}
      {(draft.status === 'draft' || draft.status === 'returned') && (
        <div className="review-submit">
          <ReturnedComments draft={draft} />
          <p>{t('ui.review.explain')}</p>
          {draft.summary.errorCount > 0 ? (
            <p className="error">
              {t('ui.review.fix-first', { count: draft.summary.errorCount })}{' '}
              <button type="button" className="link" onClick={onEdit}>
                {t('ui.tab.edit')}
              </button>
            </p>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
              {t('ui.review.submit')}
            </button>
          )}
        </div>
      )}
      {draft.review && (draft.status === 'in-review' || draft.status === 'approved') && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('ui.review.submitted-at')}</dt>
              <dd>{formatTime(draft.review.submittedAt)}</dd>
            </div>
            <div>
              <dt>{t('ui.review.sha256')}</dt>
              <dd>
                <code data-testid="review-sha256">{draft.review.pdfSha256}</code>
              </dd>
            </div>
            {draft.review.decision?.kind === 'approved' && (
              <div>
                <dt>{t('ui.review.approved')}</dt>
                <dd data-testid="approval">
                  {t('ui.review.approved-by', { by: draft.review.decision.by, at: formatTime(draft.review.decision.at) })}
                  {draft.review.decision.delegated && t('ui.review.delegated', { principal: principalName })}
                </dd>
              </div>
            )}
          </dl>
          {document === null && <p className="error">{t('ui.review.document-missing')}</p>}
          {/* The PDF beside the decision: the principal reads what they approve, page by page. */}
          <div className="review-body">
            {document && <PdfPreview bytes={document.bytes} />}
            <div className="review-side">
              {draft.status === 'in-review' && document && <DecisionForm pdfSha256={draft.review.pdfSha256} principalName={principalName} onDecide={(d) => void decide(d)} />}
              {draft.status === 'approved' && document && (
                <div className="actions actions--start">
                  <button type="button" onClick={() => void printPdf(document.bytes, fileName).then(setMessage)}>
                    {t('ui.print')}
                  </button>
                  <button type="button" onClick={() => void saveFile('pdf', fileName, document.bytes).then(setMessage)}>
                    {t('ui.save-pdf')}
                  </button>
                </div>
              )}
              {draft.status === 'approved' && document && currentSubmission(draft) === undefined && <SignWithCertificate draft={draft} store={store} profile={profile} pdf={document.bytes} fileName={fileName} />}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function DecisionForm({ pdfSha256, principalName, onDecide }: { pdfSha256: string; principalName: string; onDecide: (decision: ReviewDecision) => void }) {
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
