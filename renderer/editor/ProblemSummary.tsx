import { useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { t } from '../../core/i18n/translate';
import { fromFormValues, type LetterFormValues } from '../../core/letter/form-values';
import type { Problem } from '../../core/letter/problem';
import { letterProblems } from '../../core/letter/letter-problems';
import { formFieldOf } from './letter-resolver';
import { useProblemVisibility } from './problem-visibility';

/**
 * Everything still wrong with the letter, at the top of the form: the same problems the fields,
 * the draft list and the "还差" line count (letterProblems). Each entry moves the focus to its
 * field and shows the field's message there, so a long letter can be fixed from the keyboard.
 */
export function ProblemSummary({ original }: { original: unknown }) {
  const { setFocus, control } = useFormContext<LetterFormValues>();
  const values = useWatch({ control }) as LetterFormValues;
  const visibility = useProblemVisibility();
  const problems = letterProblems(fromFormValues(values, original));
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const focus = (problem: Problem) => {
    const field = formFieldOf(problem.path);
    if (field === 'root') return;
    visibility.reveal(field);
    setFocus(field as FieldPath<LetterFormValues>);
  };
  if (problems.length === 0) {
    return (
      <p className="badge badge--ok" data-testid="validation-ok">
        {t('ui.no-problems')}
      </p>
    );
  }
  return (
    <div className="problem-summary">
      {errors.length > 0 && <ProblemList title={t('ui.problems-count', { count: errors.length })} problems={errors} onFocus={focus} testId="problem-list" />}
      {warnings.length > 0 && <ProblemList title={t('ui.warnings')} problems={warnings} onFocus={focus} testId="warning-list" />}
    </div>
  );
}

function ProblemList({ title, problems, onFocus, testId }: { title: string; problems: readonly Problem[]; onFocus: (p: Problem) => void; testId: string }) {
  return (
    <section aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      <ul className="problems">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <button type="button" className="link" onClick={() => onFocus(p)}>
              {p.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
