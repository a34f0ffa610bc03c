import { useCallback, useId, useState } from 'react';
import { t } from '../../core/i18n/translate';
import { PROGRESS_LIMITS } from '../../core/progress/progress-schema';
import type { ProgressReportRecord } from '../../core/progress-report/progress-report-record';
import { useDebouncedSave } from '../app/use-debounced-save';
import type { ProgressReportStore } from '../store/progress-report-store';
import { describeStorageError } from '../store/storage-errors';

/**
 * 违诺责任追究内容 of a year-end report with items not kept: what the national record's field of
 * that name is filled from. Saved as it is typed (the app's one debounce), and at once when the
 * field is left; 提交审核 waits for every save (settleAllSaves) before it reads the report.
 */
/** `readOnly` while 提交审核 renders the PDF: text typed then would not be in what is frozen. */
export function AccountabilityField({ record, reports, readOnly }: { record: ProgressReportRecord; reports: ProgressReportStore; readOnly: boolean }) {
  const id = useId();
  // The text as typed; the record's is only the starting point, so a write landing never moves the caret.
  const [text, setText] = useState(record.report.accountability ?? '');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const save = useCallback(
    (value: string) =>
      reports
        .setAccountability(record.id, value, new Date())
        .then((changed) => setMessage(changed.ok ? { error: false, text: t('ui.reports.accountability-saved') } : { error: true, text: changed.message }))
        .catch((error: unknown) => setMessage({ error: true, text: t('ui.reports.failed', { reason: describeStorageError(error) }) })),
    [reports, record.id],
  );
  const debounced = useDebouncedSave(save);

  return (
    <div className="field report-accountability">
      <label htmlFor={`${id}-text`}>{t('ui.reports.accountability')}</label>
      <p className="progress-tab__hint" id={`${id}-explain`}>
        {t('ui.reports.accountability-explain')}
      </p>
      <textarea
        id={`${id}-text`}
        rows={4}
        maxLength={PROGRESS_LIMITS.accountability}
        aria-describedby={`${id}-explain`}
        value={text}
        readOnly={readOnly}
        onChange={(e) => {
          setText(e.target.value);
          setMessage(null);
          debounced.schedule(e.target.value);
        }}
        onBlur={debounced.flush}
      />
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'field-message'} data-testid="accountability-status">
          {message.text}
        </p>
      )}
    </div>
  );
}
