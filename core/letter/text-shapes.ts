import { t } from '../i18n/translate';

/** Shapes of the free-text fields that are not names: dates, phone numbers and e-mail addresses. */

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The first half of a character standing alone (a UTF-16 surrogate without its partner), as
 * `U+D800`, or `undefined` for well-formed text. Such text comes from a cut-off copy of a rare
 * character or an emoji, or from a JSON `"\uD800"`; no font draws it and no encoder can write it.
 *
 * @example findLoneSurrogate('青山\uD840县') // 'U+D840'
 * @example findLoneSurrogate('𠀀县') // undefined
 */
export function findLoneSurrogate(value: string): string | undefined {
  const found = LONE_SURROGATE.exec(value)?.[0];
  return found === undefined ? undefined : `U+${found.charCodeAt(0).toString(16).toUpperCase()}`;
}

/** Folds full-width digits and letters and trims, as IME input needs before any shape check. */
export function foldWidth(value: string): string {
  return value.normalize('NFKC').trim();
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(?:\(0\d{2,3}\)|0\d{2,3}-?)?[2-9]\d{6,7}(?:(?:-|转|#)\d{1,6})?$/;
const SERVICE_NUMBER = /^(?:1\d{4}|[48]00-?\d{3}-?\d{4})$/;

/**
 * Mainland phone numbers as offices print them: mobiles, landlines with or without area code and
 * extension, five-digit service numbers such as 12345, and 400/800 numbers. Spaces are ignored.
 *
 * @example isPhoneNumber('0451-8276 1234') // true
 */
export function isPhoneNumber(value: string): boolean {
  const compact = foldWidth(value).replace(/\s/g, '');
  return MOBILE.test(compact) || LANDLINE.test(compact) || SERVICE_NUMBER.test(compact);
}

/** @example isEmailAddress('xinyong@example.gov.cn') // true */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(foldWidth(value));
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when `YYYY-MM-DD` names a day that exists in the Gregorian calendar.
 *
 * @example isRealDate('2026-02-29') // false
 */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const WRITTEN_DATE = /^(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?$/u;

/**
 * A date as offices write it, in the stored `YYYY-MM-DD` form: 2026年12月1日, 2026-12-1,
 * 2026/12/01 and 2026.12.1 (full-width digits too). Anything else is returned trimmed, for
 * the shape check to explain; the calendar check is separate.
 *
 * @example normalizeDate('2026年12月1日') // '2026-12-01'
 */
export function normalizeDate(value: string): string {
  const folded = foldWidth(value);
  const match = WRITTEN_DATE.exec(folded);
  if (match === null) return folded;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Deadlines that are a span rather than a day; the editor offers them as choices. */
export const DEADLINE_SPANS = ['全年', '长期'] as const;

/**
 * The day a deadline names, as `YYYY-MM-DD`, when it is written as a date ("2026年10月31日前",
 * "2026-10-31"); undefined for spans and free text ("全年", "每季度末", "项目合同期内").
 *
 * @example deadlineDate('2026年10月31日前') // '2026-10-31'
 */
export function deadlineDate(deadline: string): string | undefined {
  const bare = foldWidth(deadline).replace(/\s*(?:前|之前|以前)$/u, '');
  const iso = normalizeDate(bare);
  return ISO_DATE.test(iso) ? iso : undefined;
}

/** A deadline picked as a day, written as the templates write them: @example formatDeadline('2026-10-31') // '2026年10月31日前' */
export function formatDeadline(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return t('pdf.deadline.by-date', { year, month, day });
}
