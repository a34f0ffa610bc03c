import { describe, expect, it } from 'vitest';
import { applyProfile } from '../../../core/profile/apply-profile';
import { EMPTY_PROFILE, isProfileEmpty, profileProblems, type UnitProfile } from '../../../core/profile/unit-profile';
import { letterFromTemplate } from '../../../core/letter/templates';
import { validateLetter } from '../../../core/letter/validate-letter';

// A real-shaped code: both check characters hold.
const PROFILE: UnitProfile = {
  unitName: '松岭县白鹭乡人民政府',
  creditCode: '11239921003582157D',
  unitType: '乡镇人民政府',
  principalName: '周文静',
  principalTitle: '乡长',
  phone: '0458-6127788',
  email: 'blx@qingshan.gov.cn',
  updatedAt: 1,
};

describe('profileProblems', () => {
  it('finds nothing in a complete profile', () => {
    expect(profileProblems(PROFILE).size).toBe(0);
  });

  it('checks the credit code, phone and email by the letter rules, naming the field', () => {
    const problems = profileProblems({ ...PROFILE, creditCode: '11239921003582157E', phone: '电话', email: 'not-an-address' });
    expect(problems.get('creditCode')?.join('')).toContain('统一社会信用代码');
    expect(problems.get('phone')?.join('')).toContain('监督电话');
    expect(problems.get('email')?.join('')).toContain('监督邮箱');
    expect([...problems.keys()].sort()).toEqual(['creditCode', 'email', 'phone']);
  });

  it('requires the name, code, principal and phone, not the title, type or email', () => {
    const problems = profileProblems(EMPTY_PROFILE);
    expect([...problems.keys()].sort()).toEqual(['creditCode', 'phone', 'principalName', 'unitName']);
    expect(problems.get('unitName')?.[0]).toBe('单位全称不能为空。');
  });
});

describe('isProfileEmpty', () => {
  it('is true for nothing or blanks only', () => {
    expect(isProfileEmpty(undefined)).toBe(true);
    expect(isProfileEmpty({ ...EMPTY_PROFILE, phone: '  ' })).toBe(true);
    expect(isProfileEmpty({ ...EMPTY_PROFILE, phone: '1' })).toBe(false);
  });
});

describe('applyProfile', () => {
  it('replaces the sample unit everywhere it appears in a unit letter, and the signer and contacts', () => {
    const template = letterFromTemplate('key-task', { year: 2026 });
    const letter = applyProfile(template, PROFILE);
    expect(letter.unit).toEqual({ name: PROFILE.unitName, creditCode: PROFILE.creditCode, type: PROFILE.unitType });
    expect(letter.principal).toEqual({ name: '周文静', title: '乡长' });
    expect(letter.supervision).toMatchObject({ phone: PROFILE.phone, email: PROFILE.email });
    expect(JSON.stringify(letter)).not.toContain(template.unit.name);
    expect(letter.statement).toContain(PROFILE.unitName);
    expect(validateLetter(letter).ok).toBe(true);
  });

  it('gives a personal letter the unit and contacts but keeps the person as signer', () => {
    const template = letterFromTemplate('person', { year: 2026 });
    const letter = applyProfile(template, PROFILE);
    expect(letter.unit.name).toBe(PROFILE.unitName);
    expect(letter.supervision.email).toBe(PROFILE.email);
    expect(letter.principal).toEqual(template.principal);
  });

  it('keeps the template value where the profile is empty', () => {
    const template = letterFromTemplate('policy', { year: 2026 });
    const letter = applyProfile(template, { ...EMPTY_PROFILE, unitName: '青山县财政局' });
    expect(letter.unit).toMatchObject({ name: '青山县财政局', creditCode: template.unit.creditCode });
    expect(letter.principal).toEqual(template.principal);
    expect(applyProfile(template, undefined)).toBe(template);
  });
});
