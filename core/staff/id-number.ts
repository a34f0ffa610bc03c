/**
 * 居民身份证号码 (GB 11643-1999): 18 characters, positions 7–14 a real birth date, the last a check
 * character over the first 17 digits. Findings never repeat the number itself: an ID number is
 * personal data and must not reach a message that could end up in a log.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export const ID_NUMBER_LENGTH = 18;

export type IdNumberFinding =
  | { readonly kind: 'length'; readonly actual: number }
  | { readonly kind: 'charset' }
  | { readonly kind: 'birth-date' }
  | { readonly kind: 'check'; readonly expected: string };

/**
 * Full-width forms folded, spaces dropped, `x` upper-cased: what a person types with a Chinese IME.
 *
 * @example normalizeIdNumber(' １１０１０５１９４９１２３１００２ｘ ') // '11010519491231002X'
 */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s/gu, '').toUpperCase();
}

/** The check character for the first 17 digits, or null if they are not 17 digits. */
export function idNumberCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/u.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * What is wrong with a normalised ID number, or undefined when it is well formed: length, then
 * characters, then the birth date (a real day, not in the future of `today`), then the check character.
 *
 * @example checkIdNumber('11010519491231002X') // undefined
 * @example checkIdNumber('110105194912310021') // { kind: 'check', expected: 'X' }
 */
export function checkIdNumber(value: string, today: Date = new Date()): IdNumberFinding | undefined {
  if (value.length !== ID_NUMBER_LENGTH) return { kind: 'length', actual: value.length };
  if (!/^\d{17}[\dX]$/u.test(value)) return { kind: 'charset' };
  const [year, month, day] = [value.slice(6, 10), value.slice(10, 12), value.slice(12, 14)].map(Number) as [number, number, number];
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!real || year < 1900 || birth.getTime() > today.getTime()) return { kind: 'birth-date' };
  const expected = idNumberCheckCharacter(value.slice(0, 17));
  if (expected !== value.charAt(17)) return { kind: 'check', expected: expected ?? '' };
  return undefined;
}

/**
 * The number as a screen that must identify a person may show it: the region and the last two
 * characters, the birth date and the rest hidden.
 *
 * @example maskIdNumber('11010519491231002X') // '110105**********2X'
 */
export function maskIdNumber(value: string): string {
  return value.length === ID_NUMBER_LENGTH ? `${value.slice(0, 6)}${'*'.repeat(10)}${value.slice(16)}` : '*'.repeat(value.length);
}
