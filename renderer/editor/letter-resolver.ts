import { set, type FieldErrors, type Resolver } from 'react-hook-form';
import { fromFormValues, toDottedPath, type LetterFormValues } from '../../core/letter/form-values';
import type { Problem } from '../../core/letter/problem';
import { validateLetter } from '../../core/letter/validate-letter';

/**
 * react-hook-form's resolver over the model's own validation, so a field shows exactly the
 * Chinese message `pledge validate` prints for it. `original` is the letter as loaded, for the
 * keys the form does not edit.
 */
export function letterResolver(original: () => unknown): Resolver<LetterFormValues> {
  return (values) => {
    const result = validateLetter(fromFormValues(values, original()));
    const errors = problemsToFieldErrors(result.problems.filter((p) => p.severity === 'error'));
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors };
  };
}

/** The first problem of each field, placed where the form keeps that field's error. */
export function problemsToFieldErrors(problems: readonly Problem[]): FieldErrors<LetterFormValues> {
  const errors: FieldErrors<LetterFormValues> = {};
  const seen = new Set<string>();
  for (const problem of problems) {
    const path = formFieldOf(problem.path);
    if (seen.has(path)) continue;
    seen.add(path);
    set(errors, path, { type: problem.code, message: problem.message });
  }
  return errors;
}

/**
 * Where a problem shows in the form. A confirmed override belongs to the code it confirms; a
 * problem with no field of its own (an unknown key, the format) shows on the whole letter.
 */
export function formFieldOf(problemPath: string): string {
  const path = toDottedPath(problemPath);
  if (path.startsWith('unit.creditCodeOverride')) return 'unit.creditCode';
  if (path === '$' || path === 'format' || !EDITABLE_ROOTS.has(path.split('.')[0]!)) return 'root';
  return path;
}

const EDITABLE_ROOTS = new Set(['kind', 'year', 'title', 'statement', 'closing', 'unit', 'person', 'items', 'supervision', 'principal', 'date']);
