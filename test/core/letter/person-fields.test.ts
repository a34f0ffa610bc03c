import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../core/letter/letter-schema';
import { validateLetter } from '../../../core/letter/validate-letter';
import { idNumberCheckCharacter } from '../../../core/staff/id-number';
import { ownLetter } from '../../support/letter-fixtures';

// Invented numbers: GB 11643's example and one built with its check character.
const EXAMPLE = '11010519491231002X';
const BUILT = `23012219850312471${idNumberCheckCharacter('23012219850312471')}`;

const personJson = (person: Record<string, unknown>): Record<string, unknown> => {
  const letter = JSON.parse(JSON.stringify(ownLetter('person'))) as Record<string, unknown>;
  return { ...letter, person: { ...(letter['person'] as Record<string, unknown>), ...person } };
};

const problemsAt = (input: unknown, path: string) => validateLetter(input).problems.filter((p) => p.path === path);

describe('the person’s 科室, 岗位类别 and 身份证号', () => {
  it('accepts them and keeps them, the ID number normalised', () => {
    const result = validateLetter(personJson({ department: ' 便民服务中心 ', postType: 'enforcement', idNumber: ' １１０１０５１９４９１２３１００２ｘ ' }));
    expect(result.problems).toEqual([]);
    expect(result.ok && result.letter.kind === 'person' && result.letter.person).toMatchObject({ department: '便民服务中心', postType: 'enforcement', idNumber: EXAMPLE });
  });

  it('leaves all three optional, as letters before them have none', () => {
    expect(validateLetter(personJson({})).ok).toBe(true);
  });

  it('limits the department', () => {
    const [problem] = problemsAt(personJson({ department: '科'.repeat(LIMITS.department + 1) }), 'person.department');
    expect(problem).toMatchObject({ code: 'too-long', message: `承诺人所在科室最多 ${LIMITS.department} 个字，现有 ${LIMITS.department + 1} 个字。` });
  });

  it('offers the post types by code and name', () => {
    const [problem] = problemsAt(personJson({ postType: '窗口' }), 'person.postType');
    expect(problem?.code).toBe('choice');
    expect(problem?.message).toBe('承诺人岗位类别只能是：window（窗口服务）、enforcement（行政执法）、other（其他）。');
  });

  it.each([
    ['a wrong length', BUILT.slice(0, 16), 'id-number.length', '承诺人身份证号应为 18 位，现为 16 位。'],
    ['a letter inside', `${BUILT.slice(0, 10)}A${BUILT.slice(11)}`, 'id-number.charset', '承诺人身份证号应为 17 位数字加最后一位数字或 X。'],
    ['no such birth day', `11010519490230002${idNumberCheckCharacter('11010519490230002')}`, 'id-number.birth-date', '承诺人身份证号第 7 至 14 位的出生日期不是真实的日期，请与身份证核对。'],
    ['a wrong check character', `${EXAMPLE.slice(0, 17)}1`, 'id-number.check', '承诺人身份证号未通过校验：有一位输错，请与身份证逐位核对。'],
  ])('refuses %s, naming the field and never the number', (_, idNumber, code, message) => {
    const result = validateLetter(personJson({ idNumber }));
    expect(result.ok).toBe(false);
    const problems = result.problems.filter((p) => p.path === 'person.idNumber');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, field: '承诺人身份证号', message });
    // No run of the number's digits, nor the check character it should have, in anything said.
    const said = JSON.stringify(result.problems);
    for (let start = 0; start + 6 <= idNumber.length; start += 1) expect(said).not.toContain(idNumber.slice(start, start + 6));
  });

  it('refuses an empty ID number rather than storing one', () => {
    expect(problemsAt(personJson({ idNumber: '  ' }), 'person.idNumber')[0]?.code).toBe('id-number.length');
  });

  it('refuses the person fields on a unit letter like the rest of person', () => {
    const unit = JSON.parse(JSON.stringify(ownLetter('key-task'))) as Record<string, unknown>;
    expect(problemsAt({ ...unit, person: { name: '马骏', position: '科员', idNumber: EXAMPLE } }, 'person')[0]?.code).toBe('person-not-allowed');
  });
});
