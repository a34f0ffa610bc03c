import { describe, expect, it } from 'vitest';
import { validateLetter } from '../../../core/letter/validate-letter';
import { letterFromTemplate } from '../../../core/letter/templates';
import { idNumberCheckCharacter } from '../../../core/staff/id-number';
import { staffLetter, staffLetterBaseFromLetter, staffLetterBaseFromProfile } from '../../../core/staff/staff-letter';
import type { StaffMember } from '../../../core/staff/staff-member';
import { OWN_UNIT, ownLetter } from '../../support/letter-fixtures';

const withCheck = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
const member = (overrides: Partial<StaffMember> = {}): StaffMember => ({
  row: 4,
  name: '韩雪梅',
  position: '便民服务中心窗口工作人员',
  department: '便民服务中心',
  postType: 'window',
  idNumber: withCheck('23012219850312471'),
  ...overrides,
});

describe('staffLetter', () => {
  const base = staffLetterBaseFromLetter(ownLetter('key-task'));

  it('makes a letter that passes the full check, samples not allowed, from a real unit letter and member', () => {
    const result = validateLetter(staffLetter(base, member()));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('fills the unit, the person, the signer and the supervision channels', () => {
    const letter = staffLetter(base, member());
    expect(letter).toMatchObject({
      kind: 'person',
      year: 2026,
      date: ownLetter('key-task').date,
      unit: { name: OWN_UNIT.name, creditCode: OWN_UNIT.creditCode },
      person: { name: '韩雪梅', position: '便民服务中心窗口工作人员', department: '便民服务中心', postType: 'window', idNumber: withCheck('23012219850312471') },
      principal: { name: '韩雪梅', title: '便民服务中心窗口工作人员' },
      supervision: { phone: OWN_UNIT.phone, email: OWN_UNIT.email },
    });
  });

  it('takes the template of the member’s post type: different items for window, enforcement and other staff', () => {
    const contents = (postType: StaffMember['postType']) => staffLetter(base, member({ postType })).items.map((item) => item.content).join('\n');
    expect(contents('window')).toMatch(/首问负责[\s\S]*一次性告知[\s\S]*限时办结[\s\S]*好差评/u);
    expect(contents('enforcement')).toMatch(/亮证执法[\s\S]*全程记录|全过程记录/u);
    expect(contents('enforcement')).toMatch(/裁量基准[\s\S]*不吃拿卡要/u);
    expect(contents('other')).toMatch(/岗位职责[\s\S]*工作纪律[\s\S]*廉洁自律/u);
    expect(new Set([contents('window'), contents('enforcement'), contents('other')]).size).toBe(3);
    for (const postType of ['window', 'enforcement', 'other'] as const) {
      const letter = staffLetter(base, member({ postType }));
      expect(letter.items.every((item) => item.category === 'duty')).toBe(true);
      expect(validateLetter(letter).ok).toBe(true);
    }
  });

  it('leaves out a blank department and a missing ID number', () => {
    const letter = staffLetter(base, { row: 5, name: '马骏', position: '科员', department: ' ', postType: 'other' });
    expect(letter.person).toEqual({ name: '马骏', position: '科员', postType: 'other' });
    expect(validateLetter(letter).ok).toBe(true);
  });

  it('signs with the post when it fits the signer’s title, by name alone when it is longer', () => {
    const long = '镇综合行政执法队第一中队城乡建设、生态环境和农业农村领域执法队员兼内勤';
    expect(long.length).toBeGreaterThan(30);
    const letter = staffLetter(base, member({ position: long, postType: 'enforcement' }));
    expect(letter.principal).toEqual({ name: '韩雪梅' });
    expect(validateLetter(letter).ok).toBe(true);
  });

  it('keeps a confirmed credit-code override of the unit', () => {
    const unit = ownLetter('key-task');
    const code = `${OWN_UNIT.creditCode.slice(0, 17)}${OWN_UNIT.creditCode.endsWith('3') ? '4' : '3'}`;
    const override = { code, reason: '与登记证书核对无误', confirmedAt: '2026-04-01T09:00:00+08:00' };
    const confirmed = validateLetter({ ...unit, unit: { ...unit.unit, creditCode: code, creditCodeOverride: override } });
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    expect(validateLetter(staffLetter(staffLetterBaseFromLetter(confirmed.letter), member())).ok).toBe(true);
  });

  it('still reports the samples when the unit letter is the template’s', () => {
    const sample = staffLetter(staffLetterBaseFromLetter(letterFromTemplate('key-task', { year: 2026 })), member());
    expect(validateLetter(sample).problems.map((p) => p.path)).toEqual(expect.arrayContaining(['unit.name', 'unit.creditCode', 'supervision.phone']));
  });
});

describe('staffLetterBaseFromProfile', () => {
  const profile = { unitName: ' 白鹭乡人民政府 ', creditCode: '12239921401258766P', unitType: '', principalName: '周文静', principalTitle: '乡长', phone: '0458-6127788', email: '', updatedAt: 0 };

  it('takes the unit and the phone, leaving out empty optional fields', () => {
    expect(staffLetterBaseFromProfile(profile, 2027, '2027-04-15')).toEqual({
      year: 2027,
      date: '2027-04-15',
      unit: { name: '白鹭乡人民政府', creditCode: '12239921401258766P' },
      supervision: { phone: '0458-6127788' },
    });
  });

  it('gives letters that validate', () => {
    const result = validateLetter(staffLetter(staffLetterBaseFromProfile({ ...profile, unitType: '乡镇人民政府', email: 'blx@bailu.gov.cn' }, 2027, '2027-04-15'), member()));
    expect(result.problems).toEqual([]);
    expect(result.ok && result.letter.unit.type).toBe('乡镇人民政府');
  });
});
