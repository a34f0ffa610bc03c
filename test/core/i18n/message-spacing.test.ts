import { describe, expect, it } from 'vitest';
import { ALL_MESSAGES } from './catalogues';

/**
 * The catalogue's one spacing rule: a space between a Chinese character and Arabic numerals or
 * Latin text ("第 18 位", "现为 16 位", "2026 年度", "超过 20 MB", "用 --token 或 PLEDGE_TOKEN"),
 * and none next to full-width punctuation. A placeholder counts by what it is filled with:
 * numbers, codes, file names and times are spaced like digits; Chinese text (a field's name, a
 * reason) joins the sentence. The letter's own text (what goes into its PDF, title and credit
 * record, and the printed receipt) writes dates solid, as official documents do (GB/T 9704: "2026年4月20日", "2026年度").
 */
type Fill = 'latin' | 'text' | 'date';

const FILL: Readonly<Record<string, Fill>> = {
  // Numbers.
  n: 'latin', min: 'latin', max: 'latin', actual: 'latin', expected: 'latin', position: 'latin', pages: 'latin',
  page: 'latin', count: 'latin', added: 'latin', replaced: 'latin', kept: 'latin', shown: 'latin', total: 'latin',
  attempt: 'latin', attempts: 'latin', seconds: 'latin', size: 'latin', limit: 'latin', bytes: 'latin',
  kilobytes: 'latin', sent: 'latin', degrees: 'latin', rest: 'latin', percent: 'latin', line: 'latin', column: 'latin', offset: 'latin',
  // Codes, identifiers, addresses, file names, times and other Latin text.
  id: 'latin', code: 'latin', own: 'latin', file: 'latin', fileName: 'latin', path: 'latin', url: 'latin',
  data: 'latin', dataDir: 'latin', host: 'latin', location: 'latin', at: 'latin', time: 'latin',
  createdAt: 'latin', receivedAt: 'latin', local: 'latin', incoming: 'latin', stamp: 'latin', sha256: 'latin',
  receiptId: 'latin', manifest: 'latin', claimed: 'latin', version: 'latin', electron: 'latin',
  platform: 'latin', method: 'latin', format: 'latin', templates: 'latin', template: 'latin',
  command: 'latin', option: 'latin', key: 'latin', value: 'latin', char: 'latin', codePoint: 'latin',
  phone: 'latin', hotline: 'latin', status: 'text',
  supersedes: 'latin', keyId: 'latin', unitCode: 'latin', platformCode: 'latin', commitmentCode: 'latin', submissionId: 'latin',
  where: 'latin', newKeyId: 'latin', pinnedKeyId: 'latin', region: 'latin', regionCode: 'latin', creditCode: 'latin',
  // Parts of a date.
  year: 'date', month: 'date', day: 'date', old: 'date',
  // Chinese text.
  field: 'text', office: 'text', choices: 'text', detail: 'text', reason: 'text', name: 'text', unit: 'text', title: 'text',
  ordinal: 'text', content: 'text', details: 'text', steps: 'text', category: 'text', by: 'text',
  draft: 'text', table: 'text', record: 'text', problems: 'text', other: 'text', role: 'text',
  period: 'text', what: 'text', found: 'text', kind: 'text', files: 'text', state: 'text', principal: 'text', candidates: 'text', list: 'text',
};

/** Where a placeholder's usual fill does not apply: the message fills it with something else. */
const FILL_IN: Readonly<Record<string, Readonly<Record<string, Fill>>>> = {
  'problem.wrong-type': { expected: 'text' },
};

/** Keys whose text becomes part of the letter or its receipt rather than a message about them. */
const LETTER_TEXT = (key: string) => key.startsWith('pdf.') || key.startsWith('package.record.') || key === 'ui.letter-title' || key === 'time.beijing';

/** Words written solid by convention (现代汉语词典 spells it so). */
const SOLID_WORDS = ['U盘'];

const SOLID_OR_PLACEHOLDER_OR_CHARACTER = new RegExp(`${SOLID_WORDS.join('|')}|\\{(\\w+)\\}|[\\s\\S]`, 'gu');
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z0-9]/;
// Not the dash: the page number is written “— 1 —” (GB/T 9704).
const FULL_WIDTH_PUNCTUATION = /[，。：；（）“”‘’、！？《》…]/u;
const DATE_UNITS = /[年月日]/u;

type Token = { kind: 'han' | 'latin' | 'date' | 'text' | 'space' | 'punct' | 'other'; text: string; dateUnit?: boolean };

function tokens(key: string, message: string, faults: string[]): Token[] {
  const out: Token[] = [];
  for (const match of message.replace(/\{\{/g, '{').matchAll(SOLID_OR_PLACEHOLDER_OR_CHARACTER)) {
    const [whole, name] = match;
    if (SOLID_WORDS.includes(whole)) out.push({ kind: 'han', text: whole });
    else if (name !== undefined) {
      const fill = FILL_IN[key]?.[name] ?? FILL[name];
      if (fill === undefined) faults.push(`say in FILL what fills {${name}}: numbers or Latin text, Chinese text or a date part`);
      out.push({ kind: fill ?? 'other', text: whole });
    } else if (HAN.test(whole)) out.push({ kind: 'han', text: whole, dateUnit: DATE_UNITS.test(whole) });
    else if (LATIN.test(whole)) out.push({ kind: 'latin', text: whole });
    else if (whole === ' ') out.push({ kind: 'space', text: whole });
    else if (FULL_WIDTH_PUNCTUATION.test(whole)) out.push({ kind: 'punct', text: whole });
    else out.push({ kind: 'other', text: whole });
  }
  return out;
}

const isNumberLike = (token: Token) => token.kind === 'latin' || token.kind === 'date';
const isDigitOrDate = (token: Token) => token.kind === 'date' || /[0-9]/.test(token.text);

/** The places in one message that break the rule, each shown with a character of context. */
function spacingFaults(key: string, message: string): string[] {
  const faults: string[] = [];
  const list = tokens(key, message, faults);
  const letterText = LETTER_TEXT(key);
  const show = (i: number) => list.slice(Math.max(0, i - 1), i + 3).map((t) => t.text).join('');
  for (let i = 0; i + 1 < list.length; i++) {
    const [a, b] = [list[i]!, list[i + 1]!];
    const hanNextToLatin = (a.kind === 'han' && isNumberLike(b)) || (isNumberLike(a) && b.kind === 'han');
    const solidDate = letterText && ((a.dateUnit === true && isDigitOrDate(b)) || (isDigitOrDate(a) && b.dateUnit === true));
    if (hanNextToLatin && !solidDate) faults.push(`no space in “${show(i)}”`);
    if (a.kind === 'space' && (b.kind === 'punct' || (i > 0 && list[i - 1]!.kind === 'punct'))) faults.push(`space beside full-width punctuation in “${show(i)}”`);
    if (a.kind === 'space' && i > 0 && list[i - 1]!.kind === 'han' && b.kind === 'han') faults.push(`space between Chinese characters in “${show(i)}”`);
    const splitDate = (i > 0 && isDigitOrDate(list[i - 1]!) && b.dateUnit === true) || (i > 0 && list[i - 1]!.dateUnit === true && isDigitOrDate(b));
    if (letterText && a.kind === 'space' && splitDate) faults.push(`date written apart in “${show(i)}”`);
  }
  for (const unit of message.matchAll(/(?:[0-9]+|\{\w+\})(?:[KMG]B|B\b)/g)) faults.push(`no space before the unit in “${unit[0]}”`);
  return faults;
}

describe('catalogue spacing', () => {
  it('every message spaces numbers and Latin text from Chinese the same way', () => {
    const faults = ALL_MESSAGES.flatMap(([key, message]) => spacingFaults(key, message).map((fault) => `${key}: ${fault}`));
    expect(faults).toEqual([]);
  });

  it('finds each kind of fault', () => {
    expect(spacingFaults('x', '现为16位')).toEqual(['no space in “现为16”', 'no space in “16位”']);
    expect(spacingFaults('x', '第{n}项')).toHaveLength(2);
    expect(spacingFaults('x', '超过 {max}MB，现有 20KB')).toEqual(['no space before the unit in “{max}MB”', 'no space before the unit in “20KB”']);
    expect(spacingFaults('x', '用PLEDGE_TOKEN')).toHaveLength(1);
    expect(spacingFaults('x', '（ {count} 份）')).toHaveLength(1);
    expect(spacingFaults('x', '草稿 列表')).toHaveLength(1);
    expect(spacingFaults('x', '{year}年度')).toEqual(['no space in “{year}年度”']);
    expect(spacingFaults('pdf.x', '{year} 年度')).toEqual(['date written apart in “{year} 年度”']);
    expect(spacingFaults('x', '{unknownFill}')).toEqual(['say in FILL what fills {unknownFill}: numbers or Latin text, Chinese text or a date part']);
  });

  it('leaves dates, Chinese fills and solid words alone', () => {
    expect(spacingFaults('pdf.x', '{year}年{month}月{day}日，{year}年度，2026年12月1日')).toEqual([]);
    expect(spacingFaults('x', '{year} 年 {month} 月，{year} 年度，2026 年')).toEqual([]);
    expect(spacingFaults('x', '{field}不能为空，导出到U盘')).toEqual([]);
    expect(spacingFaults('x', '第 {n} 项，现为 16 位，超过 20 MB，用 --token 或 PLEDGE_TOKEN')).toEqual([]);
  });
});
