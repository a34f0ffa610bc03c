import { set, type FieldErrors, type Resolver } from 'react-hook-form';
import { fromFormValues, toDottedPath, type LetterFormValues } from '../../core/letter/form-values';
import type { Problem } from '../../core/letter/problem';
import { letterProblems } from '../../core/letter/letter-problems';

/**
 * react-hook-form's resolver over the letter's problems (letterProblems: the model's validation
 * and the characters no document font has), so a field shows exactly the Chinese message
 * `pledge validate` or `pledge render` prints for it. `original` is the letter as loaded, for the
 * keys the form does not edit.
 */
export function letterResolver(original: () => unknown): Resolver<LetterFormValues> {
  return (values) => {
    const problems = letterProblems(fromFormValues(values, original()));
    const errors = problemsToFieldErrors(problems.filter((p) => p.severity === 'error'));
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors };
  };
}

/**
 * Every problem of each field, placed where the form keeps that field's error: the messages
 * together, the code of the first (what the credit code's override offer looks at).
 */
export function problemsToFieldErrors(problems: readonly Problem[]): FieldErrors<LetterFormValues> {
  const byField = new Map<string, Problem[]>();
  for (const problem of problems) {
    const path = formFieldOf(problem.path);
    byField.set(path, [...(byField.get(path) ?? []), problem]);
  }
  const errors: FieldErrors<LetterFormValues> = {};
  for (const [path, found] of byField) set(errors, path, { type: found[0]!.code, message: found.map((p) => p.message).join(' ') });
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
