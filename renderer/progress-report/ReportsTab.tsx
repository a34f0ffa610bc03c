import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import { periodLabel } from '../../core/progress-report/period-label';
import { reportDelivery } from '../../core/progress-report/report-delivery';
import { DeliveryBadge } from '../drafts/DeliveryBadge';
import { useDeliveredLetter, type DeliveredLetterProps } from '../progress/delivered-letter';
import { useProgressReportStore, useProgressStore } from '../progress/progress-store-context';
import { describeStorageError } from '../store/storage-errors';
import { NewReportForm } from './NewReportForm';
import { ReportView } from './ReportView';

/**
 * The 进展报告 tab of a delivered letter: its monthly, quarterly and year-end reports, each made
 * from what the 践诺进展 tab records, reviewed and approved as the letter was, and delivered
 * through the outbox with its own receipt.
 */
export function ReportsTab({ draft, submissionId, snapshot }: DeliveredLetterProps) {
  const delivered = useDeliveredLetter(submissionId);
  const reports = useProgressReportStore();
  const progress = useProgressStore();
  const listed = useLiveQuery(() => reports.list(submissionId).catch((error: unknown) => ({ error: describeStorageError(error) })), [reports, submissionId]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  if (delivered.state === 'failed') {
    return (
      <p role="alert" className="error">
        {t('ui.reports.letter-failed', { reason: delivered.message })}
      </p>
    );
  }
  if (delivered.state === 'loading' || listed === undefined) return <p>{t('ui.loading')}</p>;
  if ('error' in listed) {
    return (
      <p role="alert" className="error">
        {t('ui.storage-failed', { reason: listed.error })}
      </p>
    );
  }
  const { letter } = delivered;
  // The newest is open until another is chosen: a report just made is the one being worked on.
  const open = listed.reports.find((record) => record.id === openId) ?? listed.reports[0];

  return (
    <section className="reports-tab" aria-label={t('ui.tab.reports')}>
      <p>{t('ui.reports.explain')}</p>
      <NewReportForm
        letter={letter}
        draftId={draft.id}
        submissionId={submissionId}
        reports={reports}
        progress={progress}
        onCreated={(id, message) => {
          setOpenId(id);
          setCreated(message);
        }}
      />
      {created && (
        <p role="status" data-testid="report-created">
          {created}
        </p>
      )}
      {listed.unreadable > 0 && (
        <p role="alert" className="error">
          {t('ui.reports.unreadable', { n: listed.unreadable })}
        </p>
      )}
      {listed.reports.length === 0 ? (
        <p data-testid="reports-empty">{t('ui.reports.empty')}</p>
      ) : (
        <ul className="report-list" aria-label={t('ui.reports.list')}>
          {listed.reports.map((record) => (
            <li key={record.id} data-testid="report-row" aria-current={record.id === open?.id ? 'true' : undefined}>
              <span>{periodLabel(record.period)}</span> <span className={`badge badge--${record.status}`}>{t(`ui.reports.status.${record.status}`)}</span>{' '}
              <DeliveryBadge state={reportDelivery(record, snapshot)} />{' '}
              {record.id !== open?.id && (
                <button type="button" className="link" onClick={() => setOpenId(record.id)} aria-label={t('ui.reports.open', { period: periodLabel(record.period) })}>
                  {t('ui.reports.open-short')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && <ReportView key={open.id} record={open} letter={letter} snapshot={snapshot} reports={reports} progress={progress} unitName={letter.unit.name} />}
    </section>
  );
}
