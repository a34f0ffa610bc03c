import { describe, expect, it } from 'vitest';
import { fromFormValues, toFormValues } from '../../../core/letter/form-values';
import { validateLetter } from '../../../core/letter/validate-letter';
import { ownLetter } from '../../support/letter-fixtures';

const EXAMPLE = '11010519491231002X';

describe('the form’s person fields', () => {
  const letter = ownLetter('person');
  const withFields = { ...letter, person: { name: '马骏', position: '科员', department: '党政办', postType: 'other', idNumber: EXAMPLE } };

  it('reads 科室, 岗位类别 and 身份证号 and writes them back unchanged', () => {
    const values = toFormValues(withFields);
    expect(values.person).toEqual({ name: '马骏', position: '科员', department: '党政办', postType: 'other', idNumber: EXAMPLE });
    expect(fromFormValues(values, withFields)['person']).toEqual(withFields.person);
    expect(validateLetter(fromFormValues(values, withFields)).ok).toBe(true);
  });

  it('drops the ones emptied, and an unknown post type reads as none', () => {
    const values = toFormValues({ ...withFields, person: { ...withFields.person, postType: 'clerk' } });
    expect(values.person.postType).toBe('');
    values.person.department = ' ';
    values.person.idNumber = '';
    expect(fromFormValues(values, withFields)['person']).toEqual({ name: '马骏', position: '科员' });
  });

  it('reads an older letter without them as empty', () => {
    expect(toFormValues(letter).person).toMatchObject({ department: '', postType: 'window', idNumber: '' });
  });
});
