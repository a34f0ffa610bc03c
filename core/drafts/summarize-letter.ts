import { isRecord } from '../json/is-record';
import { letterProblems } from '../letter/letter-problems';
import type { LetterSummary } from './draft-record';

/** Reads what the list shows from a letter as typed; a half-written or damaged letter still summarises. */
export function summarizeLetter(letter: unknown): LetterSummary {
  const fields = isRecord(letter) ? letter : {};
  const kind = fields['kind'] === 'unit' || fields['kind'] === 'person' ? fields['kind'] : 'unknown';
  const ownerValue = fields[kind === 'person' ? 'person' : 'unit'];
  const owner = isRecord(ownerValue) ? ownerValue : {};
  const problems = letterProblems(letter);
  return {
    kind,
    name: typeof owner['name'] === 'string' ? owner['name'].trim() : '',
    year: typeof fields['year'] === 'number' && Number.isInteger(fields['year']) ? fields['year'] : null,
    itemCount: Array.isArray(fields['items']) ? fields['items'].length : 0,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
  };
}
