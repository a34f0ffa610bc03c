import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  creditCodeCheckCharacter,
  normalizeCreditCode,
  singleCharacterFixes,
  organisationCheckCharacter,
} from '../../../core/letter/credit-code';

// 91350100M000100Y43 is the worked example printed in GB 32100-2015's explanatory material.
const STANDARD_EXAMPLE = '91350100M000100Y43';

describe('normalizeCreditCode', () => {
  it('folds full-width characters, lower case and every kind of space', () => {
    expect(normalizeCreditCode('９１３５０１００ｍ０００\u3000100y43')).toBe(STANDARD_EXAMPLE);
    expect(normalizeCreditCode(' 9135 0100 m000 100y43 ')).toBe(STANDARD_EXAMPLE);
    expect(normalizeCreditCode('91350100-M000100-Y4\t3')).toBe(STANDARD_EXAMPLE);
  });
});

describe('check characters', () => {
  it('computes the check character of the standard example', () => {
    expect(creditCodeCheckCharacter(STANDARD_EXAMPLE.slice(0, 17))).toBe('3');
    // M=22: 22·3 + 1·5 + Y=34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4.
    expect(organisationCheckCharacter('M000100Y')).toBe('4');
  });

  it('maps organisation-code remainders 10 to X and 11 to 0', () => {
    expect(organisationCheckCharacter('00000001')).toBe('9'); // sum 2 → 11 − 2
    expect(organisationCheckCharacter('00000000')).toBe('0'); // sum 0 → 11 → '0'
    expect(organisationCheckCharacter('00000006')).toBe('X'); // sum 12 ≡ 1 → 10 → 'X'
  });

  it('rejects characters outside the alphabet', () => {
    expect(creditCodeCheckCharacter('9135010OM000100Y4')).toBeNull();
    expect(organisationCheckCharacter('M00010-Y')).toBeNull();
  });
});

describe('checkCreditCode', () => {
  it('accepts the standard example', () => {
    expect(checkCreditCode(STANDARD_EXAMPLE)).toEqual([]);
  });

  it('reports the expected check character when the last one is wrong', () => {
    expect(checkCreditCode('91350100M000100Y40')).toEqual([{ kind: 'check', expected: '3', actual: '0', overridable: true }]);
  });

  it('reports a wrong organisation-code check character at position 17', () => {
    const findings = checkCreditCode('91350100M000100X43');
    expect(findings.map((f) => f.kind)).toContain('org-check');
  });

  it('reports a wrong length without trying the checks', () => {
    expect(checkCreditCode('9135010')).toEqual([{ kind: 'length', actual: 7, overridable: false }]);
  });

  it('names the first forbidden character and its position', () => {
    expect(checkCreditCode('91350100M0001O0Y43')).toEqual([{ kind: 'charset', position: 14, char: 'O', overridable: false }]);
  });

  it('flags an unknown registration authority and a non-numeric division as overridable', () => {
    const body = 'B1AB0100M000100Y4';
    const findings = checkCreditCode(body + (creditCodeCheckCharacter(body) ?? ''));
    expect(findings.map((f) => [f.kind, f.overridable])).toEqual([
      ['authority', true],
      ['division', true],
    ]);
  });
});

describe('singleCharacterFixes', () => {
  it('finds every single change that passes, the real typo among them', () => {
    const typo = '122399294012771583'; // the 8th character of 122399214012771583 typed wrong
    const fixes = singleCharacterFixes(typo);
    expect(fixes).toContainEqual({ position: 8, char: '1' });
    expect(fixes).toContainEqual({ position: 18, char: 'N' });
    for (const { position, char } of fixes) {
      expect(checkCreditCode(typo.slice(0, position - 1) + char + typo.slice(position))).toEqual([]);
    }
  });

  it('offers only digits 1–9 at position 2, the kind of body', () => {
    expect(singleCharacterFixes('11239921003582149K').filter((f) => f.position === 2)).toEqual([]);
  });

  it('offers nothing for a code that is not 18 characters of the alphabet', () => {
    expect(singleCharacterFixes('1123992100358')).toEqual([]);
    expect(singleCharacterFixes('11239921003582149I')).toEqual([]);
  });
});
