import { memo, useEffect, useLayoutEffect, useState } from 'react';
import { FormProvider, useForm, useFormContext, useWatch } from 'react-hook-form';
import { t } from '../../core/i18n/translate';
import { fromFormValues, toFormValues, type LetterFormValues } from '../../core/letter/form-values';
import { fieldLabel } from '../../core/letter/field-path';
import { CreditCodeField } from './CreditCodeField';
import { ItemsEditor } from './ItemsEditor';
import { letterResolver } from './letter-resolver';
import { useProblemVisibility } from './problem-visibility';
import { ProblemSummary } from './ProblemSummary';
import { DateField } from './DateField';
import { HeadingField } from './HeadingField';
import { PersonFields } from './PersonFields';
import { PublicityField } from './PublicityField';
import { TextField } from './TextField';

interface LetterEditorProps {
  /** The letter as stored; read once, when the editor opens. */
  readonly letter: unknown;
  readonly readOnly: boolean;
  /** Every change, as the letter to store (valid or not). */
  readonly onChange: (letter: Record<string, unknown>) => void;
  /** A field lost focus: save now rather than after the pause. */
  readonly onFlush: () => void;
}

/**
 * The whole letter as a form, checked by letterProblems on every change. Memoised: the draft view
 * re-renders for the preview on each keystroke, the form does not.
 */
export const LetterEditor = memo(function LetterEditor({ letter, readOnly, onChange, onFlush }: LetterEditorProps) {
  // The letter as opened: keys the form does not edit are carried over from it on every save.
  const [original] = useState(letter);
  const form = useForm<LetterFormValues>({
    defaultValues: toFormValues(letter),
    resolver: letterResolver(() => original),
    mode: 'onChange',
  });
  const { trigger, subscribe, getValues } = form;

  // Every field's problem is known from the start; each shows it only when the clerk gets to it
  // (problem-visibility.ts). Revealing checks again, so a field never shows a problem since fixed elsewhere.
  const visibility = useProblemVisibility();
  useEffect(() => void trigger(), [trigger]);
  useEffect(() => visibility.subscribe(() => void trigger()), [visibility, trigger]);

  // A layout effect: it runs before the browser paints the fields, so no keystroke can reach a
  // field nobody listens to yet (a passive effect may run after the first input on a busy machine,
  // and that edit was never saved).
  useLayoutEffect(
    () => subscribe({ formState: { values: true }, callback: () => onChange(fromFormValues(getValues(), original)) }),
    [subscribe, getValues, onChange, original],
  );

  return (
    <FormProvider {...form}>
      <form className="letter-editor" onSubmit={(e) => e.preventDefault()} onBlur={onFlush} aria-label={t('ui.editor')} noValidate>
        <ProblemSummary original={original} />
        <fieldset disabled={readOnly} className="letter-editor__body">
          <KindChoice />
          <section className="form-section" aria-labelledby="section-unit">
            <h3 id="section-unit">{t('ui.section.unit')}</h3>
            <WhoFields />
          </section>
          <section className="form-section" aria-labelledby="section-text">
            <h3 id="section-text">{t('ui.section.text')}</h3>
            <div className="field-row">
              <TextField name="year" label={fieldLabel(['year'])} inputMode="numeric" />
              <TextField name="title" label={fieldLabel(['title'])} hint={t('ui.hint.title')} />
            </div>
            <HeadingField name="statement" label={fieldLabel(['statement'])} rows={5} />
            <YearItems />
            <HeadingField name="closing" label={fieldLabel(['closing'])} rows={3} />
          </section>
          <section className="form-section" aria-labelledby="section-supervision">
            <h3 id="section-supervision">{t('field.supervision')}</h3>
            <div className="field-row">
              <TextField name="supervision.phone" label={fieldLabel(['supervision', 'phone'])} inputMode="tel" />
              <TextField name="supervision.email" label={fieldLabel(['supervision', 'email'])} inputMode="email" />
              <TextField name="supervision.hotline" label={fieldLabel(['supervision', 'hotline'])} inputMode="tel" hint={t('ui.hint.hotline')} />
            </div>
          </section>
          <section className="form-section" aria-labelledby="section-signing">
            <h3 id="section-signing">{t('ui.section.signing')}</h3>
            <div className="field-row">
              <TextField name="principal.name" label={fieldLabel(['principal', 'name'])} />
              <TextField name="principal.title" label={fieldLabel(['principal', 'title'])} />
              <DateField name="date" label={fieldLabel(['date'])} hint={t('ui.hint.date')} />
            </div>
            <div className="field-row">
              <PublicityField />
            </div>
          </section>
        </fieldset>
      </form>
    </FormProvider>
  );
});

function KindChoice() {
  const { register } = useFormContext<LetterFormValues>();
  return (
    <fieldset className="kind-choice">
      <legend>{fieldLabel(['kind'])}</legend>
      <label>
        <input type="radio" value="unit" {...register('kind')} /> {t('ui.kind.unit')}
      </label>
      <label>
        <input type="radio" value="person" {...register('kind')} /> {t('ui.kind.person')}
      </label>
    </fieldset>
  );
}

function WhoFields() {
  const kind = useWatch<LetterFormValues, 'kind'>({ name: 'kind' });
  return (
    <>
      {kind === 'person' && <PersonFields />}
      <div className="field-row">
        <TextField name="unit.name" label={fieldLabel(['unit', 'name'])} className="field--wide" />
        <TextField name="unit.type" label={fieldLabel(['unit', 'type'])} />
      </div>
      <CreditCodeField />
    </>
  );
}

/** Snippets are offered for the letter's year, which the person may be typing. */
function YearItems() {
  const year = Number(useWatch<LetterFormValues, 'year'>({ name: 'year' }));
  return <ItemsEditor year={Number.isInteger(year) && year > 1999 && year < 2101 ? year : new Date().getFullYear()} />;
}
