import { useId, useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { Letter } from '../../core/letter/letter-schema';
import { parsePeriod, periodKey, type ProgressPeriod } from '../../core/progress/progress-period';
import { periodLabel } from '../../core/progress-report/period-label';
import { defaultPeriod } from '../../core/progress-report/report-workflow';
import { describeStorageError } from '../store/storage-errors';
import type { ProgressReportStore } from '../store/progress-report-store';
import type { ProgressStore } from '../store/progress-store';

const KINDS = ['month', 'quarter', 'year'] as const satisfies readonly ProgressPeriod['kind'][];
type Kind = (typeof KINDS)[number];

/** Every period of the kind in the letter's year, by key, as the PDF names them. */
function periodsOf(kind: Kind, year: number): string[] {
  if (kind === 'month') return Array.from({ length: 12 }, (_, i) => periodKey({ kind, year, month: i + 1 }));
  if (kind === 'quarter') return Array.from({ length: 4 }, (_, i) => periodKey({ kind, year, quarter: i + 1 }));
  return [periodKey({ kind, year })];
}

interface NewReportFormProps {
  readonly letter: Letter;
  readonly draftId: string;
  readonly submissionId: string;
  readonly reports: ProgressReportStore;
  readonly progress: ProgressStore;
  readonly onCreated: (id: string, message: string) => void;
}

/** 新建报告: a kind (月度调度, 季度通报, 年终报告) and a period of the letter's year, defaulting to the one today is in. */
export function NewReportForm({ letter, draftId, submissionId, reports, progress, onCreated }: NewReportFormProps) {
  const id = useId();
  const [kind, setKind] = useState<Kind>('quarter');
  const [period, setPeriod] = useState(() => periodKey(defaultPeriod('quarter', letter.year, new Date())));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const chooseKind = (next: Kind) => {
    setKind(next);
    setPeriod(periodKey(defaultPeriod(next, letter.year, new Date())));
  };

  const create = async () => {
    setBusy(true);
    setProblem(null);
    try {
      // The options are periodKey's own output, so they always parse.
      const chosen = parsePeriod(period)!;
      const made = await reports.create({ draftId, letter, submissionId, period: chosen, progress: await progress.read(submissionId), now: new Date() });
      if (made.ok) onCreated(made.record.id, t('ui.reports.created', { period: periodLabel(made.record.period) }));
      else setProblem(made.message);
    } catch (error) {
      setProblem(t('ui.reports.failed', { reason: describeStorageError(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="report-new" aria-label={t('ui.reports.new')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('ui.reports.new-kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => chooseKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ui.reports.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-period`}>{t('ui.reports.new-period')}</label>
        <select id={`${id}-period`} value={period} onChange={(e) => setPeriod(e.target.value)}>
          {periodsOf(kind, letter.year).map((key) => (
            <option key={key} value={key}>
              {periodLabel(key)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
        {t('ui.reports.new')}
      </button>
      {problem && (
        <p role="alert" className="error" data-testid="report-new-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
