import { useState, type FocusEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { t } from '../../core/i18n/translate';
import { deadlineDate, DEADLINE_SPANS, formatDeadline, isRealDate, normalizeDate } from '../../core/letter/text-shapes';
import type { LetterFormValues } from '../../core/letter/form-values';
import { TextField, type LetterField } from './TextField';

interface DateFieldProps {
  readonly name: LetterField;
  readonly label: string;
  readonly hint?: string;
}

/** The day a field's text names, for the picker; empty when it names none. */
const pickerValue = (day: string | undefined) => (day !== undefined && isRealDate(day) ? day : '');

/*
 * The calendar is named without the field's own name, so the field's name still finds only its
 * text box; it sits beside that box (and inside its item, for a deadline).
 */

/**
 * A date typed as offices write it (2026年12月1日) or picked from the browser's calendar; once the
 * field is left, a written date is shown in the stored form, so what is seen is what is kept.
 */
export function DateField({ name, label, hint }: DateFieldProps) {
  const { setValue } = useFormContext<LetterFormValues>();
  const value = String(useWatch<LetterFormValues>({ name }) ?? '');
  const day = normalizeDate(value);
  const set = (next: string) => setValue(name, next, { shouldDirty: true, shouldValidate: true });
  const normalise = (event: FocusEvent) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'text' && isRealDate(day) && day !== value) set(day);
  };
  return (
    <div className="date-field" onBlur={normalise}>
      <TextField name={name} label={label} hint={hint} />
      <input type="date" className="date-field__picker" aria-label={t('ui.date.pick')} value={pickerValue(day)} onChange={(e) => e.target.value && set(e.target.value)} />
    </div>
  );
}

type DeadlineKind = 'date' | (typeof DEADLINE_SPANS)[number] | 'other';

function deadlineKind(value: string): DeadlineKind {
  const trimmed = value.trim();
  const span = DEADLINE_SPANS.find((s) => s === trimmed);
  if (span) return span;
  return deadlineDate(trimmed) === undefined ? 'other' : 'date';
}

/**
 * An item's 完成时限: a day (from the calendar or typed), a span (全年, 长期), or, as older
 * letters have them, other words ("每季度末"). The text box always shows what will be printed.
 */
export function DeadlineField({ name, label, field }: { readonly name: LetterField; readonly label: string; /** The full name, which item's deadline. */ readonly field: string }) {
  const { setValue } = useFormContext<LetterFormValues>();
  const value = String(useWatch<LetterFormValues>({ name }) ?? '');
  // An empty box says nothing of the kind, so the choice made for it is remembered until a value comes.
  const [chosen, setChosen] = useState<DeadlineKind>('other');
  const kind = value.trim() === '' ? chosen : deadlineKind(value);
  const set = (next: string) => setValue(name, next, { shouldDirty: true, shouldValidate: true });
  const choose = (next: DeadlineKind) => {
    setChosen(next);
    if (next === '全年' || next === '长期') set(next);
    // A day or other words start from an empty box (and the calendar) rather than the span just left.
    else if (kind === '全年' || kind === '长期') set('');
  };
  return (
    <div className="deadline-field">
      <TextField name={name} label={label} />
      <select value={kind} onChange={(e) => choose(e.target.value as DeadlineKind)} aria-label={t('ui.deadline.kind', { field })}>
        <option value="date">{t('ui.deadline.kind.date')}</option>
        {DEADLINE_SPANS.map((span) => (
          <option key={span} value={span}>
            {span}
          </option>
        ))}
        <option value="other">{t('ui.deadline.kind.other')}</option>
      </select>
      {kind === 'date' || kind === 'other' ? (
        <input
          type="date"
          aria-label={t('ui.date.pick')}
          value={pickerValue(deadlineDate(value))}
          onChange={(e) => e.target.value && set(formatDeadline(e.target.value))}
        />
      ) : null}
    </div>
  );
}
