/**
 * 统一社会信用代码 (GB 32100-2015): normalisation and the two check characters.
 *
 * People type these codes with a Chinese IME, so full-width characters, lower case and stray
 * spaces are accepted and normalised away before anything is checked.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Registration-authority codes in use (first character). */
const AUTHORITIES = '123456789ANY';

export const CREDIT_CODE_LENGTH = 18;

/**
 * Whether `value` has the form of a normalised code (18 characters of the code's alphabet),
 * whatever its check characters say: for values that are only repeated, never trusted.
 *
 * @example hasCreditCodeShape('122399214012770352') // true
 */
export function hasCreditCodeShape(value: string): boolean {
  return value.length === CREDIT_CODE_LENGTH && [...value].every((char) => ALPHABET.includes(char));
}

/**
 * Folds full-width forms (NFKC), drops every kind of white space and hyphen, and upper-cases.
 *
 * @example normalizeCreditCode('９１３５０１００ｍ０００ 100y43') // '91350100M000100Y43'
 */
export function normalizeCreditCode(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-－—]/gu, '')
    .toUpperCase();
}

/** A reason a code fails; `overridable` ones may be a real code that breaks the rule. */
export type CreditCodeFinding =
  | { kind: 'length'; actual: number; overridable: false }
  | { kind: 'charset'; position: number; char: string; overridable: false }
  | { kind: 'authority'; char: string; overridable: true }
  | { kind: 'division'; value: string; overridable: true }
  | { kind: 'org-check'; expected: string; actual: string; overridable: true }
  | { kind: 'check'; expected: string; actual: string; overridable: true };

/** The check character (position 18) for the first 17 characters, or null if they are not valid. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The organisation-code check character (GB 11714) for its first 8 characters, or null. */
export function organisationCheckCharacter(first8: string): string | null {
  if (first8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = first8.charAt(i);
    const value = /[0-9]/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : -1;
    if (value < 0) return null;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Checks a normalised code. An empty list means the code is well formed and both check
 * characters match.
 *
 * @example checkCreditCode('11100000000013127D') // []
 */
export function checkCreditCode(code: string): CreditCodeFinding[] {
  if (code.length !== CREDIT_CODE_LENGTH) return [{ kind: 'length', actual: [...code].length, overridable: false }];
  for (let i = 0; i < code.length; i += 1) {
    const char = code.charAt(i);
    if (!ALPHABET.includes(char)) return [{ kind: 'charset', position: i + 1, char, overridable: false }];
  }
  const findings: CreditCodeFinding[] = [];
  const authority = code.charAt(0);
  if (!AUTHORITIES.includes(authority)) findings.push({ kind: 'authority', char: authority, overridable: true });
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division)) findings.push({ kind: 'division', value: division, overridable: true });
  const orgExpected = organisationCheckCharacter(code.slice(8, 16));
  const orgActual = code.charAt(16);
  // A null here means letters outside A–Z in the organisation code, already covered by charset.
  if (orgExpected !== null && orgExpected !== orgActual) {
    findings.push({ kind: 'org-check', expected: orgExpected, actual: orgActual, overridable: true });
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== null && expected !== actual) findings.push({ kind: 'check', expected, actual, overridable: true });
  return findings;
}

/** One character that, changed, would make a failing code pass every check. */
export interface CreditCodeCandidate {
  /** 1-based, as people count the characters on a certificate. */
  readonly position: number;
  readonly char: string;
}

/**
 * Every way of changing one character that makes the code pass all its checks. A typo can sit
 * at any position and the check character cannot say which, so these are possibilities for
 * the clerk to compare with the certificate, never a correction to apply.
 *
 * @example singleCharacterFixes('122399214012770353') // [{ position: 18, char: '2' }, …]
 */
export function singleCharacterFixes(code: string): CreditCodeCandidate[] {
  if (code.length !== CREDIT_CODE_LENGTH || !hasCreditCodeShape(code)) return [];
  const candidates: CreditCodeCandidate[] = [];
  for (let i = 0; i < CREDIT_CODE_LENGTH; i += 1) {
    for (const char of ALPHABET) {
      // Position 2 is the kind of body, a digit 1–9 under every registration authority.
      if (char === code.charAt(i) || (i === 1 && !/[1-9]/.test(char))) continue;
      const changed = code.slice(0, i) + char + code.slice(i + 1);
      if (checkCreditCode(changed).length === 0) candidates.push({ position: i + 1, char });
    }
  }
  return candidates;
}
