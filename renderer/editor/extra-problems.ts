import { createContext, useContext } from 'react';
import type { Problem } from '../../core/letter/problem';
import { formFieldOf } from './letter-resolver';

/**
 * Problems found outside the form's own validation (a character the PDF fonts lack, found by the
 * PDF worker), keyed by form field, so they show where the character was typed.
 */
export const ExtraProblemsContext = createContext<ReadonlyMap<string, string>>(new Map());

export function extraProblemsByField(problems: readonly Problem[]): ReadonlyMap<string, string> {
  const byField = new Map<string, string>();
  for (const problem of problems) {
    if (problem.code !== 'coverage.missing') continue;
    const field = formFieldOf(problem.path);
    byField.set(field, byField.has(field) ? `${byField.get(field)} ${problem.message}` : problem.message);
  }
  return byField;
}

export const useExtraProblem = (name: string): string | undefined => useContext(ExtraProblemsContext).get(name);
