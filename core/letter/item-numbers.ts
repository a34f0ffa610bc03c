import { isRecord } from '../json/is-record';
import { CATEGORY_KEYS } from './categories';
import { fieldLabel } from './field-path';
import type { Problem } from './problem';

/**
 * The one numbering of a letter's items, the printed letter's: items stand in category order
 * (the five sections of the notice), as stored within a category, and are counted 1…n through
 * the sections, so "第 5 项" names one item on paper, in the form, in messages and in the
 * record. Items of no known category (a damaged file) come last.
 *
 * @example printOrder([{ category: 'duty' }, { category: 'key-task' }]) // [1, 0]
 */
export function printOrder(items: readonly unknown[]): number[] {
  const rank = (item: unknown) => {
    const category = isRecord(item) ? item['category'] : undefined;
    const at = CATEGORY_KEYS.findIndex((key) => key === category);
    return at < 0 ? CATEGORY_KEYS.length : at;
  };
  // Array.prototype.sort is stable, so items keep their stored order within a category.
  return items.map((_, index) => index).sort((a, b) => rank(items[a]) - rank(items[b]));
}

/**
 * The printed number of each item, by stored index.
 *
 * @example itemNumbers([{ category: 'duty' }, { category: 'key-task' }]) // [2, 1]
 */
export function itemNumbers(items: readonly unknown[]): number[] {
  const numbers: number[] = new Array<number>(items.length);
  printOrder(items).forEach((index, position) => (numbers[index] = position + 1));
  return numbers;
}

const ITEM_PATH = /^items\[(\d+)\](?:\.([A-Za-z]+))?/;

/**
 * Problems are found by stored index; this rewrites the item they name with its printed number.
 * `letter` is the letter the problems were found in, as typed.
 */
export function numberItemProblems<P extends Problem>(problems: readonly P[], letter: unknown): P[] {
  const items = isRecord(letter) && Array.isArray(letter['items']) ? letter['items'] : [];
  const numbers = itemNumbers(items);
  return problems.map((problem) => {
    const match = ITEM_PATH.exec(problem.path);
    if (match === null) return problem;
    const index = Number(match[1]);
    const path = match[2] === undefined ? ['items', index] : ['items', index, match[2]];
    const field = fieldLabel(path, (i) => numbers[i] ?? i + 1);
    if (field === problem.field) return problem;
    return { ...problem, field, message: problem.message.split(problem.field).join(field) };
  });
}
