import { t } from '../i18n/translate';
import type { Letter } from '../letter/letter-schema';
import { printOrder } from '../letter/item-numbers';
import { characterCount, maxLength } from './national-template';

/** Where an item may be shortened: after a complete clause, never inside one. */
const CLAUSE_END = new Set(['。', '；', '，']);
/** Shows the reader that the item goes on in the letter. */
export const SHORTENED_MARK = '……';

export interface CommitmentContent {
  readonly text: string;
  /** True when the items did not fit 承诺内容 and `text` is their summary; the letter has them in full. */
  readonly summary: boolean;
}

/**
 * 承诺内容: the items in the printed letter's order and numbering, one per line, with their
 * deadlines. A letter longer than the template's 4000 characters gets a faithful summary rather
 * than a cut: every item stays, in order and numbered; only the longest are shortened, each after
 * its last clause that fits (。；，) and marked with ……, no more than the limit needs; a closing
 * line says that this is a summary of N items and that the letter holds them in full.
 *
 * @example commitmentContent(letter).text.split('\n')[0] // '1.全面推行“一网通办”……（完成时限：2026年12月31日前）'
 */
export function commitmentContent(letter: Pick<Letter, 'items'>): CommitmentContent {
  const bodies = itemBodies(letter);
  return faithfulSummary(
    bodies.map((body, position) => ({ n: position + 1, body })),
    maxLength('承诺内容'),
    t('records.summary.closing', { n: bodies.length }),
  );
}

/** One numbered line of a record's text: `n` is the item's printed number. */
export interface NumberedLine {
  readonly n: number;
  readonly body: string;
}

/**
 * The lines, one per line as `n.body`, whole when they fit `limit` characters; else a faithful
 * summary (see {@link commitmentContent}) ending with `closing`, which says what it summarises.
 */
export function faithfulSummary(entries: readonly NumberedLine[], limit: number, closing: string): CommitmentContent {
  const full = entries.map((entry) => line(entry.body, entry.n)).join('\n');
  if (characterCount(full) <= limit) return { text: full, summary: false };

  const budget = limit - characterCount(closing) - 1;
  const chars = entries.map((entry) => [...entry.body]);
  const fit = (cap: number, anywhere: boolean) => chars.map((body) => shorten(body, cap, anywhere));
  const size = (lines: readonly string[]) => lines.reduce((sum, body, position) => sum + characterCount(line(body, entries[position]!.n)), lines.length - 1);
  // Clause boundaries first; only if even every item's first clause is too long together does a cut fall mid-clause (still marked).
  const anywhere = size(fit(0, false)) > budget;
  // The largest common cap that fits: items shorter than it stay whole, so only the longest lose anything.
  let [low, high] = [0, Math.max(...chars.map((body) => body.length))];
  while (low < high) {
    const cap = Math.ceil((low + high) / 2);
    if (size(fit(cap, anywhere)) <= budget) low = cap;
    else high = cap - 1;
  }
  // What the common cap leaves over goes back to the items in order, so no more is shortened than the limit needs.
  const lines = fit(low, anywhere);
  let spare = budget - size(lines);
  for (const [position, body] of chars.entries()) {
    const now = lines[position] as string;
    const grown = shorten(body, characterCount(now) + spare, anywhere);
    const gain = characterCount(grown) - characterCount(now);
    if (gain > 0 && gain <= spare) [lines[position], spare] = [grown, spare - gain];
  }
  return { text: [...lines.map((body, position) => line(body, entries[position]!.n)), closing].join('\n'), summary: true };
}

/** Each item's text and deadline, in print order. */
function itemBodies(letter: Pick<Letter, 'items'>): string[] {
  return printOrder(letter.items).map((index) => {
    const item = letter.items[index] as Letter['items'][number];
    return item.content + (item.deadline ? t('package.record.deadline', { value: item.deadline }) : '');
  });
}

const line = (body: string, n: number) => t('package.record.item', { n, content: body });

/**
 * The items in full, one line each, numbered as printed (`1.<content>（完成时限：…）`), however long.
 *
 * @example itemLines(letter)[0] // '1.全面推行“一网通办”，压缩办理时限。（完成时限：2026年12月31日前）'
 */
export function itemLines(letter: Pick<Letter, 'items'>): string[] {
  return itemBodies(letter).map((body, position) => line(body, position + 1));
}

/**
 * The item within `cap` characters: whole when it fits, else up to its last clause end that leaves
 * room for the mark. With no such clause end, the first clause stands (over the cap), unless
 * `anywhere` allows a cut mid-clause.
 */
function shorten(body: readonly string[], cap: number, anywhere: boolean): string {
  if (body.length <= cap) return body.join('');
  const room = cap - characterCount(SHORTENED_MARK);
  let end = -1;
  for (let i = Math.min(room, body.length - 1); i >= 1 && end < 0; i -= 1) if (CLAUSE_END.has(body[i] as string)) end = i;
  if (end < 0 && anywhere) end = Math.max(1, room);
  if (end < 0) end = body.findIndex((char, i) => i >= 1 && CLAUSE_END.has(char));
  if (end < 0) end = Math.max(1, room);
  // A "summary" no shorter than the item would only hide its last characters.
  if (end + characterCount(SHORTENED_MARK) >= body.length) return body.join('');
  return body.slice(0, end).join('') + SHORTENED_MARK;
}
