import { describe, expect, it } from 'vitest';
import { fromFormValues, toFormValues } from '../../../core/letter/form-values';
import { validateLetter } from '../../../core/letter/validate-letter';
import { commitmentRecord } from '../../../core/records/commitment-record';
import { ownLetter } from '../../support/letter-fixtures';

describe('the form’s 公开类型', () => {
  const letter = ownLetter('service');

  it('shows a letter without it as public and leaves it unsaid when left so, keeping the letter as it was', () => {
    const values = toFormValues(letter);
    expect(values.publicity).toBe('public');
    expect(fromFormValues(values, letter)).toEqual(fromFormValues(toFormValues(letter), letter));
    expect('publicity' in fromFormValues(values, letter)).toBe(false);
  });

  it('writes the unit’s choice, which the record then carries in the template’s words', () => {
    const chosen = fromFormValues({ ...toFormValues(letter), publicity: 'restricted' }, letter);
    expect(chosen['publicity']).toBe('restricted');
    const result = validateLetter(chosen);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(commitmentRecord(result.letter).公开类型).toBe('特定范围内公开');
    // Back to public after a choice: said, since the letter said something before.
    expect(fromFormValues({ ...toFormValues(chosen), publicity: 'public' }, chosen)['publicity']).toBe('public');
  });

  it('refuses an unknown value with the field’s name and the template’s words', () => {
    const result = validateLetter({ ...letter, publicity: 'everyone' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/公开类型.*public（可向社会公开）/);
  });
});
