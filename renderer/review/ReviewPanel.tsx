import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import { currentSubmission, type DraftRecord, type ReviewDecision } from '../../core/drafts/draft-record';
import { saveFile } from '../bridge/save-file';
import type { DraftStore } from '../store/draft-store';
import type { ProfileStore } from '../store/profile-store';
import { describeStorageError } from '../store/storage-errors';
import { formatTime } from '../shared/format-time';
import { PdfPreview } from '../pdf/PdfPreview';
import { printPdf } from './print-pdf';
import { renderAndSubmit } from './submit-for-review';
import { ReturnedComments } from './ReturnedComments';
import { DecisionForm } from './DecisionForm';
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
