import { describe, expect, it } from 'vitest';
import { summarizeLetter } from '../../../core/drafts/summarize-letter';
import { letterProblems } from '../../../core/letter/letter-problems';
import { validateLetter } from '../../../core/letter/validate-letter';
import { ownLetter } from '../../support/letter-fixtures';

describe('letterProblems', () => {
  it('adds a character the fonts lack to what validation finds, naming its field', () => {
    const letter = { ...ownLetter('service'), statement: '为𠀀村修路。' };
    expect(validateLetter(letter).ok).toBe(true);
    expect(letterProblems(letter)).toMatchObject([{ code: 'coverage.missing', path: 'statement', severity: 'error', char: '𠀀' }]);
  });

  it('flags the character while other fields are still wrong, as the renderer does', () => {
    const letter = { ...ownLetter('service'), statement: '为𠀀村修路。', date: '明天' };
    expect(letterProblems(letter).map((p) => p.path)).toEqual(['date', 'statement']);
  });

  it('finds nothing in a template letter with the unit\'s own details in', () => {
    expect(letterProblems(ownLetter('person'))).toEqual([]);
  });

  it('is what the draft list counts, so the list and the form agree', () => {
    const letter = { ...ownLetter('duty'), closing: '😀' };
    expect(summarizeLetter(letter).errorCount).toBe(1);
  });
});
