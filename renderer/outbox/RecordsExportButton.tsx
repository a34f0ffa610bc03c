import { useId, useState } from 'react';
import { errorText } from '../../core/errors/error-text';
import { t } from '../../core/i18n/translate';
import type { OutboxItem } from '../../core/outbox/outbox-item';
import { desktop } from '../bridge/desktop';
import { fromBase64, toBase64 } from '../shared/to-base64';
import { buildRecordsSheet, chooseYear, defaultExportYear, exportYears, unknownYearCount, type YearChoice } from './records-export';

const readPackage = async (submissionId: string) => fromBase64((await desktop.call('outbox.readPackage', { submissionId })).base64);

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly done: number; readonly total: number }
  | { readonly kind: 'saving' }
  | { readonly kind: 'finished'; readonly year: number; readonly status: string; readonly notes: readonly string[]; readonly failures: readonly string[]; readonly problems: readonly string[] };

/** What was left out of a year's export, in Chinese: said every time, so an empty or short sheet is never a surprise. */
function leftOut(choice: YearChoice, unknownYear: number): string[] {
  return [
    ...(choice.notDelivered > 0 ? [t('records.outbox.not-delivered', { n: choice.notDelivered })] : []),
    ...(choice.superseded > 0 ? [t('records.outbox.superseded', { n: choice.superseded })] : []),
    ...(unknownYear > 0 ? [t('records.outbox.unknown-year', { n: unknownYear })] : []),
  ];
}

/**
 * 导出信用承诺记录: one year's delivered letters, unit and personal (those of staff batches too),
 * as the national template's .xlsx a city platform imports. Only delivered letters have the
 * receipt that fills 承诺编码 and the receiving office, so the others are left out and counted.
 * The file holds the people's ID numbers, as the template wants; the screen names rows only by
 * the committer's name, and recordProblems' messages never repeat a number.
 */
export function RecordsExportButton({ items }: { items: readonly OutboxItem[] }) {
  const [chosen, setChosen] = useState<number | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const yearId = useId();
  const years = exportYears(items);
  // Until the clerk picks one, the default follows the outbox as letters arrive.
  const year = chosen !== null && years.includes(chosen) ? chosen : defaultExportYear(items);
  if (year === undefined) return null;
  const choice = chooseYear(items, year);
  const unknownYear = unknownYearCount(items);
  const busy = state.kind === 'reading' || state.kind === 'saving';

  const exportYear = async () => {
    // The choice as it stands at the click: deliveries arriving meanwhile belong to the next export.
    const taken = choice;
    const finish = (status: string, sheet?: { failures: readonly string[]; problems: readonly string[] }) =>
      setState({ kind: 'finished', year: taken.year, status, notes: leftOut(taken, unknownYear), failures: sheet?.failures ?? [], problems: sheet?.problems ?? [] });
    if (taken.delivered.length === 0) return finish(t('records.outbox.nothing-delivered', { year: taken.year }));
    setState({ kind: 'reading', done: 0, total: taken.delivered.length });
    try {
      const sheet = await buildRecordsSheet(taken.delivered, readPackage, (done) => setState({ kind: 'reading', done, total: taken.delivered.length }));
      if (sheet.bytes === null) return finish(t('records.outbox.nothing-read', { year: taken.year }), { failures: sheet.failures, problems: [] });
      setState({ kind: 'saving' });
      const name = t('records.outbox.file-name', { year: taken.year });
      const saved = await desktop.call('files.saveFile', { kind: 'spreadsheet', suggestedName: name, base64: toBase64(sheet.bytes) });
      // The rows' problems are worth reading only about a file that exists.
      if (saved.saved) finish(t('records.outbox.saved', { n: sheet.records, path: saved.path ?? name }), sheet);
      else finish(t('records.outbox.cancelled'), { failures: sheet.failures, problems: [] });
    } catch (error) {
      finish(t('records.outbox.failed', { reason: errorText(error) }));
    }
  };

  const result = state.kind === 'finished' && state.year === year ? state : null;
  return (
    <section className="records-export" data-testid="records-export" aria-labelledby={`${yearId}-title`}>
      <h3 id={`${yearId}-title`}>{t('records.outbox.title')}</h3>
      <p className="field-hint">{t('records.outbox.explain')}</p>
      <label className="field" htmlFor={yearId}>
        <span>{t('records.outbox.year')}</span>
        <select
          id={yearId}
          value={year}
          disabled={busy}
          onChange={(event) => {
            setChosen(Number(event.target.value));
            setState({ kind: 'idle' });
          }}
        >
          {years.map((option) => (
            <option key={option} value={option}>
              {t('records.outbox.year-option', { year: option })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void exportYear()} disabled={busy}>
        {state.kind === 'reading' ? t('records.outbox.reading', { n: state.done, total: state.total }) : state.kind === 'saving' ? t('records.outbox.saving') : t('records.outbox.export')}
      </button>
      {result === null ? (
        <div className="field-hint" data-testid="records-export-summary">
          <p>{t('records.outbox.ready', { year, n: choice.delivered.length })}</p>
          {leftOut(choice, unknownYear).map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      ) : (
        <div role="status" data-testid="records-export-status">
          <p>{result.status}</p>
          {result.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
      {result !== null && result.failures.length > 0 && (
        <ul className="error" data-testid="records-export-failures">
          {result.failures.map((failure, index) => (
            <li key={index}>{failure}</li>
          ))}
        </ul>
      )}
      {result !== null && result.problems.length > 0 && (
        <div data-testid="records-export-problems">
          <p>{t('records.outbox.problems')}</p>
          <ul>
            {result.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
