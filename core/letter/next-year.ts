import { t } from '../i18n/translate';
import { isRecord } from '../json/is-record';
import { fieldLabel, formatPath, type FieldPath } from './field-path';
import type { Problem } from './problem';
import { isRealDate, ISO_DATE } from './text-shapes';

/**
 * "复制为下一年度": last year's letter as the start of this year's. The year goes up by one, the
 * date (成文日期) and every deadline that is a date of the old year move one year on, and a title
 * naming the old 年度 names the new one. Everything else is left as typed, on purpose: whether
 * "2026年完成改造" in an item is still true is for the clerk to decide, so
 * {@link staleYearProblems} flags it instead of rewriting it. Works on a letter as typed, valid or not.
 *
 * @example nextYearLetter({ year: 2026, date: '2026-04-20', items: [] }, '2027-01-05').date // '2027-04-20'
 */
export function nextYearLetter(letter: unknown, today: string): unknown {
  if (!isRecord(letter) || typeof letter['year'] !== 'number') return jsonCopy(letter);
  const old = letter['year'];
  const next = jsonCopy(letter) as Record<string, unknown>;
  next['year'] = old + 1;
  const date = typeof letter['date'] === 'string' ? letter['date'].trim() : '';
  next['date'] = ISO_DATE.test(date) && isRealDate(date) ? shiftIsoDate(date) : today;
  if (typeof letter['title'] === 'string') next['title'] = letter['title'].split(`${old}年度`).join(`${old + 1}年度`);
  if (Array.isArray(next['items'])) {
    next['items'] = next['items'].map((item: unknown) =>
      isRecord(item) && typeof item['deadline'] === 'string' ? { ...item, deadline: shiftDeadline(item['deadline'], old) } : item,
    );
  }
  return next;
}

/** A letter as typed is JSON data (it is stored and backed up as such), so a JSON copy is whole. */
function jsonCopy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** A year on; 29 February becomes 28 February. */
function shiftIsoDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isRealDate(shifted) ? shifted : `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-28`;
}

/** "2026年10月31日前" and "2026-10-31" of the old year move on; "全年", "每季度末" stay. */
function shiftDeadline(deadline: string, old: number): string {
  return deadline
    .replace(new RegExp(`(?<!\\d)${old}(\\s*年\\s*\\d{1,2}\\s*月)`, 'g'), `${old + 1}$1`)
    .replace(new RegExp(`(?<!\\d)${old}-(\\d{2})-(\\d{2})(?!\\d)`, 'g'), (_all, m: string, d: string) => shiftIsoDate(`${old}-${m}-${d}`));
}

/** Texts of a letter that may still speak of last year after it was carried over. */
function yearTexts(letter: Record<string, unknown>): [FieldPath, string][] {
  const texts: [FieldPath, string][] = [];
  for (const key of ['title', 'statement', 'closing']) {
    const value = letter[key];
    if (typeof value === 'string') texts.push([[key], value]);
  }
  const items = Array.isArray(letter['items']) ? letter['items'] : [];
  items.forEach((item: unknown, i) => {
    if (!isRecord(item)) return;
    for (const key of ['content', 'deadline']) {
      const value = item[key];
      if (typeof value === 'string') texts.push([['items', i, key], value]);
    }
  });
  return texts;
}

/**
 * A warning for each text that names the year before the commitment year ("2026年" in a 2027
 * letter), typically a deadline or an item carried over unchanged. Warnings, not errors: a 2027
 * letter may rightly speak of work begun in 2026.
 *
 * @example staleYearProblems({ year: 2027, items: [{ deadline: '2026年12月31日前' }] })[0].path // 'items[0].deadline'
 */
export function staleYearProblems(letter: unknown): Problem[] {
  if (!isRecord(letter) || typeof letter['year'] !== 'number' || !Number.isInteger(letter['year'])) return [];
  const year = letter['year'];
  const old = new RegExp(`(?<!\\d)${year - 1}(?=\\s*年)`);
  return yearTexts(letter)
    .filter(([, text]) => old.test(text))
    .map(([path]) => {
      const field = fieldLabel(path);
      return { path: formatPath(path), field, code: 'year-stale', severity: 'warning', message: t('problem.year-stale', { field, old: year - 1, year }) };
    });
}
