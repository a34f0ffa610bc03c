import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../../core/i18n/translate';
import { PROGRESS_LIMITS } from '../../core/progress/progress-schema';
import type { ProgressReportRecord } from '../../core/progress-report/progress-report-record';
import type { ProgressReportStore } from '../store/progress-report-store';
import { describeStorageError } from '../store/storage-errors';

/** How long typing may pause before it is written: well inside the second every keystroke must be on disk by. */
const SAVE_AFTER_MS = 400;

interface AccountabilityFieldProps {
  readonly record: ProgressReportRecord;
  readonly reports: ProgressReportStore;
  /** Told of each write as it starts, so 提交审核 can wait for the last one. */
  readonly onSaving: (saved: Promise<unknown>) => void;
}

/**
 * 违诺责任追究内容 of a year-end report with items not kept: what the national record's field of
 * that name is filled from. Saved as it is typed, and at once when the field is left.
 */
export function AccountabilityField({ record, reports, onSaving }: AccountabilityFieldProps) {
  const id = useId();
  // The text as typed; the record's is only the starting point, so a write landing never moves the caret.
  const [text, setText] = useState(record.report.accountability ?? '');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | undefined>(undefined);

  const save = () => {
    clearTimeout(timer.current);
    const value = pending.current;
    if (value === undefined) return;
    pending.current = undefined;
    const saved = reports
      .setAccountability(record.id, value, new Date())
      .then((changed) => setMessage(changed.ok ? { error: false, text: t('ui.reports.accountability-saved') } : { error: true, text: changed.message }))
      .catch((error: unknown) => setMessage({ error: true, text: t('ui.reports.failed', { reason: describeStorageError(error) }) }));
    onSaving(saved);
  };

  // Leaving the tab or the report writes what is still waiting.
  useEffect(() => () => save(), []); // eslint-disable-line react-hooks/exhaustive-deps

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
        onChange={(e) => {
          setText(e.target.value);
          setMessage(null);
          pending.current = e.target.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(save, SAVE_AFTER_MS);
        }}
        onBlur={save}
      />
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'field-message'} data-testid="accountability-status">
          {message.text}
        </p>
      )}
    </div>
  );
}
