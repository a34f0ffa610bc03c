import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckCharacter, maskIdNumber, normalizeIdNumber } from '../../../core/staff/id-number';

// GB 11643's own worked example (北京市朝阳区, 1949-12-31) and numbers built from it: invented, nobody's.
const EXAMPLE = '11010519491231002X';
const TODAY = new Date('2026-12-02T00:00:00Z');

describe('居民身份证号码 (GB 11643)', () => {
  it('accepts the standard example and computes its check character', () => {
    expect(idNumberCheckCharacter(EXAMPLE.slice(0, 17))).toBe('X');
    expect(checkIdNumber(EXAMPLE, TODAY)).toBeUndefined();
  });

  it('names the expected check character when the last one is wrong', () => {
    expect(checkIdNumber('110105194912310021', TODAY)).toEqual({ kind: 'check', expected: 'X' });
  });

  it('refuses a birth date that is no day, or in the future', () => {
    const withBirth = (date: string) => {
      const first17 = `110105${date}002`;
      return `${first17}${idNumberCheckCharacter(first17)}`;
    };
    expect(checkIdNumber(withBirth('19490230'), TODAY)).toEqual({ kind: 'birth-date' });
    expect(checkIdNumber(withBirth('20270101'), TODAY)).toEqual({ kind: 'birth-date' });
    expect(checkIdNumber(withBirth('18991231'), TODAY)).toEqual({ kind: 'birth-date' });
    expect(checkIdNumber(withBirth('20000229'), TODAY)).toBeUndefined();
  });

  it('refuses a wrong length or characters, and says so before anything else', () => {
    expect(checkIdNumber('1101051949123100', TODAY)).toEqual({ kind: 'length', actual: 16 });
    expect(checkIdNumber('11010519491231002Y', TODAY)).toEqual({ kind: 'charset' });
    expect(checkIdNumber('1101051949123X002X', TODAY)).toEqual({ kind: 'charset' });
  });

  it('normalises what an IME types, and masks for screens', () => {
    expect(normalizeIdNumber(' １１０１０５ 19491231002ｘ ')).toBe(EXAMPLE);
    expect(maskIdNumber(EXAMPLE)).toBe('110105**********2X');
    expect(maskIdNumber(EXAMPLE)).not.toContain('19491231');
  });
});
