import { useState } from 'react';
import { describeDelivery, describeRejection, type DeliveryState } from '../../core/drafts/delivery-state';
import type { ReviewDecision } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import type { Letter } from '../../core/letter/letter-schema';
import type { OutboxSnapshot } from '../../core/outbox/outbox-item';
import { periodLabel } from '../../core/progress-report/period-label';
import type { ProgressReportRecord } from '../../core/progress-report/progress-report-record';
import { reportDelivery } from '../../core/progress-report/report-delivery';
import { needsAccountability } from '../../core/progress-report/report-workflow';
import { saveFile } from '../bridge/save-file';
import { DeliveryBadge } from '../drafts/DeliveryBadge';
import { PdfPreview } from '../pdf/PdfPreview';
import { DecisionForm } from '../review/DecisionForm';
import { settleAllSaves } from '../app/pending-saves';
import { formatTime } from '../shared/format-time';
import type { ProgressReportStore } from '../store/progress-report-store';
import type { ProgressStore } from '../store/progress-store';
import { AccountabilityField } from './AccountabilityField';
import { guarded, packAndQueueReport, refreshFromProgress, submitForReview, type ActionOutcome } from './report-actions';
import { ReportItemsTable } from './ReportItemsTable';

interface ReportViewProps {
  readonly record: ProgressReportRecord;
  readonly letter: Letter;
  readonly snapshot: OutboxSnapshot | null;
  readonly reports: ProgressReportStore;
  readonly progress: ProgressStore;
  /** What the PDF is saved as, before the period. */
  readonly unitName: string;
}

/**
 * One report through its workflow: the draft (its table, 违诺责任追究内容 where required,
 * 提交审核), the frozen PDF with its hash for the principal's decision, and once approved the
 * package handed to the outbox, with where it stands there, in the outbox's own words.
 */
export function ReportView({ record, letter, snapshot, reports, progress, unitName }: ReportViewProps) {
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const { review } = record;
  const delivery = reportDelivery(record, snapshot);
  const lastReturn = record.status === 'draft' ? record.returns?.at(-1) : undefined;
  const fileName = t('ui.reports.file-name', { unit: unitName, period: periodLabel(record.period) });

  const run = async (step: () => Promise<ActionOutcome>, progressMessage?: string) => {
    setBusy(true);
    setOutcome(progressMessage ? { ok: true, message: progressMessage } : null);
    try {
      setOutcome(await guarded(step));
    } finally {
      setBusy(false);
    }
  };
  /** A store change, its refusal shown as the message. */
  const change = (apply: () => Promise<{ ok: boolean; message?: string }>) =>
    void run(async () => {
      const changed = await apply();
      return changed.ok ? { ok: true, message: null } : { ok: false, message: changed.message ?? null };
    });
  const decide = (decision: ReviewDecision) => change(() => reports.decide(record.id, decision));

  return (
    <section className="report-view" aria-label={t('ui.reports.report', { period: periodLabel(record.period) })} data-testid="report-view">
      <h3>
        {t('ui.reports.report', { period: periodLabel(record.period) })}{' '}
        <span className={`badge badge--${record.status}`} data-testid="report-status">
          {t(`ui.reports.status.${record.status}`)}
        </span>{' '}
        <DeliveryBadge state={delivery} />
      </h3>
      {record.status === 'approved' && (
        <p role="status" data-testid="report-delivery">
          {deliveryLine(delivery)}
        </p>
      )}
      {outcome?.message && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? undefined : 'error'} data-testid="report-message">
          {outcome.message}
        </p>
      )}
      {lastReturn && (
        <div className="banner banner--warning" data-testid="report-returned">
          <p>{t('ui.review.returned-by', { by: lastReturn.by, at: formatTime(lastReturn.at) })}</p>
          <blockquote>{lastReturn.comments}</blockquote>
        </div>
      )}
      <p>{t('ui.reports.item-count', { n: record.report.items.length, files: record.report.evidence.length })}</p>
      {record.status === 'draft' && (
        <>
          <ReportItemsTable report={record.report} />
          {needsAccountability(record.report) && <AccountabilityField key={record.id} record={record} reports={reports} readOnly={busy} />}
          <div className="actions actions--start">
            <button type="button" disabled={busy} onClick={() => void run(() => refreshFromProgress(reports, progress, record, letter, new Date()))}>
              {t('ui.reports.refresh')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  // The last keystrokes of 违诺责任追究内容 are written before the report is read to freeze.
                  await settleAllSaves();
                  const current = await reports.get(record.id);
                  return current ? submitForReview(reports, progress, current, letter, new Date()) : { ok: false, message: t('report.error.missing') };
                }, t('ui.reports.rendering'))
              }
            >
              {t('ui.reports.submit')}
            </button>
            <button type="button" disabled={busy} onClick={() => change(() => reports.remove(record.id))}>
              {t('ui.reports.remove')}
            </button>
          </div>
        </>
      )}
      {review && record.status !== 'draft' && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('ui.review.submitted-at')}</dt>
              <dd>{formatTime(review.submittedAt)}</dd>
            </div>
            <div>
              <dt>{t('ui.review.sha256')}</dt>
              <dd>
                <code data-testid="report-sha256">{review.pdfSha256}</code>
              </dd>
            </div>
            {review.decision?.kind === 'approved' && (
              <div>
                <dt>{t('ui.review.approved')}</dt>
                <dd data-testid="report-approval">
                  {t('ui.review.approved-by', { by: review.decision.by, at: formatTime(review.decision.at) })}
                  {review.decision.delegated && t('ui.review.delegated', { principal: letter.principal.name })}
                </dd>
              </div>
            )}
          </dl>
          <div className="review-body">
            <PdfPreview bytes={review.pdf} />
            <div className="review-side">
              {record.status === 'in-review' && <DecisionForm pdfSha256={review.pdfSha256} principalName={letter.principal.name} onDecide={decide} />}
              {record.status === 'approved' && (
                <div className="actions actions--start">
                  {(delivery.kind === 'not-packed' || delivery.kind === 'not-queued') && (
                    <button type="button" className="primary" disabled={busy} onClick={() => void run(() => packAndQueueReport(reports, record.id, new Date()), t('ui.reports.sending-prepare'))}>
                      {t('ui.reports.send')}
                    </button>
                  )}
                  <button type="button" onClick={() => void saveFile('pdf', fileName, review.pdf).then((message) => setOutcome({ ok: true, message }))}>
                    {t('ui.save-pdf')}
                  </button>
                  {delivery.kind === 'not-packed' && (
                    <button type="button" disabled={busy} title={t('ui.reports.withdraw-explain')} onClick={() => change(() => reports.withdrawApproval(record.id, new Date()))}>
                      {t('ui.reports.withdraw')}
                    </button>
                  )}
                </div>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * Where the package stands, worded as a letter's is; a refusal with the platform's reason and
 * whom to ask, since the letter's to-dos (its signed copy, its form) do not apply to a report.
 */
function deliveryLine(delivery: DeliveryState): string {
  switch (delivery.kind) {
    case 'not-packed':
      return t('ui.reports.delivery.not-sent');
    case 'not-queued':
      return t('ui.reports.delivery-line.not-queued');
    case 'rejected':
      // These two codes' to-dos speak of the letter's form and signed copy: for a report, whom to ask instead.
      return describeRejection(delivery.code === 'invalid-package' || delivery.code === 'too-large' ? 'server-error' : delivery.code, delivery.message);
    case 'unknown':
      return t('ui.reports.delivery.unknown');
    default:
      return describeDelivery(delivery, formatTime);
  }
}
