import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { Connection, OutboxItem, SubmissionDetails } from '../../core/outbox/outbox-item';
import type { ReceiptProof } from '../../core/protocol/receipt-proof';
import { formatSize } from '../../core/i18n/format-size';
import { desktop } from '../bridge/desktop';
import { describeSaved, saveFile } from '../bridge/save-file';
import { formatTime } from '../shared/format-time';
import { saveReceiptPdf } from './save-receipt-pdf';
import { describeRejection } from '../../core/drafts/delivery-state';
import { describeQueueReason, isPending, queueReason, queueReasonLabel } from '../../core/outbox/queue-reason';
import { sendNowMessage } from './send-now-message';
import { errorText } from '../../core/errors/error-text';
import { PublicationPanel } from '../publication/PublicationPanel';
import { progressOf } from '../../core/outbox/submission-kind';
import { periodLabel } from '../../core/progress-report/period-label';

/** Each proof a receipt can have, in the clerk's words. */
const PROOF_TEXT = {
  verified: 'ui.outbox.proof.verified',
  unsigned: 'ui.outbox.proof.unsigned',
  'untrusted-key': 'ui.outbox.proof.untrusted-key',
  forged: 'ui.outbox.proof.forged',
} as const satisfies Record<ReceiptProof, string>;

/** One submission: what it is, where it stands (with a progress bar while sending), its receipt or the platform's refusal. */
export function OutboxItemView({ item, connection }: { item: OutboxItem; connection: Connection }) {
  const { entry, details } = item;
  const { state } = entry;
  const id = entry.package.submissionId;
  const [message, setMessage] = useState<string | null>(null);
  // On its way: the label and the note say why it has not arrived yet, settings first.
  const reason = isPending(state) ? queueReason(state, connection) : undefined;
  const label = reason ? queueReasonLabel(reason) : t(`ui.outbox.status.${state.status as 'delivered' | 'rejected'}`);
  const title = details ? itemTitle(details) : null;
  // A progress report shares the letter's unit and year but none of what is made of a letter's content.
  const report = progressOf(item);

  const act = (action: () => Promise<string | null>) => {
    setMessage(null);
    action().then(setMessage, (error: unknown) => setMessage(t('ui.outbox.action-failed', { reason: errorText(error) })));
  };
  const exportPackage = () => act(async () => describeSaved(await desktop.call('outbox.exportPackage', { submissionId: id })));
  const saveReceipt = () =>
    act(async () => {
      if (state.status !== 'delivered') return null;
      const unit = details?.unitName ?? '';
      const name = report
        ? t('ui.outbox.progress-receipt-file-name', { unit, period: report.period, id: id.slice(0, 8) })
        : t('ui.outbox.receipt-file-name', { unit, year: details?.year ?? '', id: id.slice(0, 8) });
      return saveFile('receipt', name, new TextEncoder().encode(`${JSON.stringify(state.receipt, null, 2)}\n`));
    });

  return (
    <li className="outbox-item" data-testid="outbox-item" data-status={state.status} aria-label={title ?? id}>
      <div className="outbox-item__head">
        <strong>{title ?? t('ui.outbox.unknown-details')}</strong>
        <span className={`badge badge--outbox-${reason ? reason.kind : state.status}`} data-testid="outbox-status" data-reason={reason?.kind}>
          {label}
        </span>
      </div>
      <p className="outbox-item__meta">
        {t('ui.outbox.submission-id', { id })} · {formatSize(entry.package.size)}
        {details?.supersedes && ` · ${t('ui.outbox.supersedes', { id: details.supersedes })}`}
        {report && ` · ${t('ui.outbox.progress-of', { id: report.letterSubmissionId })}`}
        {details?.origin.kind === 'import' && ` · ${t('ui.outbox.origin.import', { fileName: details.origin.fileName })}`}
      </p>
      {state.status === 'sending' && (
        <p className="outbox-item__progress">
          <progress max={state.total} value={state.sent} aria-label={label} />{' '}
          <span data-testid="outbox-progress">{t('ui.outbox.progress', { sent: formatSize(state.sent), total: formatSize(state.total) })}</span>
        </p>
      )}
      {reason && reason.kind !== 'sending' && (
        <p className="outbox-item__note" data-testid="outbox-reason">
          {describeQueueReason(reason, formatTime)}
        </p>
      )}
      {state.status === 'queued' && state.lastError && <p className="outbox-item__note">{t('ui.outbox.last-error', { reason: state.lastError.message })}</p>}
      {state.status === 'rejected' && (
        <p className="error" data-testid="outbox-rejection">
          {describeRejection(state.code, state.message)}
        </p>
      )}
      {state.status === 'delivered' && (
        <dl className="facts outbox-item__receipt" data-testid="outbox-receipt">
          <div>
            <dt>{t('ui.outbox.receipt-label')}</dt>
            <dd>{t('ui.outbox.receipt', { receiptId: state.receipt.receiptId, receivedAt: formatTime(Date.parse(state.receipt.receivedAt)) })}</dd>
          </div>
          <div>
            <dt>{t('ui.outbox.hash-label')}</dt>
            <dd className="hash">{t('ui.outbox.package-hash', { sha256: state.receipt.sha256 })}</dd>
          </div>
          {item.proof && (
            <div>
              <dt>{t('ui.outbox.proof-label')}</dt>
              <dd className={item.proof === 'verified' ? 'receipt-proof' : 'receipt-proof error'} data-testid="receipt-proof" data-proof={item.proof}>
                {t(PROOF_TEXT[item.proof])}
              </dd>
            </div>
          )}
        </dl>
      )}
      {state.status !== 'rejected' && details && !report && (
        <PublicationPanel submissionId={id} delivered={state.status === 'delivered'} commitmentCode={state.status === 'delivered' ? state.receipt.commitmentCode : undefined} />
      )}
      <div className="outbox-item__actions">
        {(state.status === 'queued' || state.status === 'waiting') && (
          <button type="button" onClick={() => act(async () => sendNowMessage((await desktop.call('outbox.sendNow', { submissionId: id })).connection))}>
            {t('ui.outbox.send-now')}
          </button>
        )}
        {state.status === 'rejected' && (
          <button type="button" onClick={() => act(async () => (await desktop.call('outbox.resend', { submissionId: id }), null))}>
            {t('ui.outbox.resend')}
          </button>
        )}
        {state.status === 'delivered' && (
          <button type="button" onClick={saveReceipt}>
            {t('ui.outbox.save-receipt')}
          </button>
        )}
        {state.status === 'delivered' && details && !report && (
          <button type="button" onClick={() => act(() => saveReceiptPdf(details, state.receipt))}>
            {t('ui.outbox.save-receipt-pdf')}
          </button>
        )}
        <button type="button" onClick={exportPackage}>
          {t('ui.outbox.export')}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </li>
  );
}

/**
 * A unit's letter by its unit and year; a person's letter by the person first, since a batch holds
 * many of one unit; a progress report by its period first, then whose letter it reports on.
 */
function itemTitle(details: SubmissionDetails): string {
  if (details.progress) {
    return t('ui.outbox.progress-title', { period: periodLabel(details.progress.period), name: details.personName ?? details.unitName, year: details.year });
  }
  if (details.personName !== undefined) return t('ui.outbox-batch.person-title', { name: details.personName, unit: details.unitName, year: details.year });
  return t('ui.outbox.item-title', { unit: details.unitName, year: details.year });
}
