import { describe, expect, it } from 'vitest';
import { layoutLetter } from '../../../core/layout/layout-letter';
import { itemNumbers, printOrder } from '../../../core/letter/item-numbers';
import type { Letter, LetterItem } from '../../../core/letter/letter-schema';
import { validateLetter } from '../../../core/letter/validate-letter';
import { commitmentRecord } from '../../../core/records/commitment-record';
import { syntheticFonts } from '../layout/synthetic-metrics';
import { ownLetter, validLetterJson, withValue } from '../../support/letter-fixtures';

/** Stored out of print order: a duty item first, a key-task item last. */
function shuffled(): Letter {
  const letter = ownLetter('key-task');
  const [a, b, c, d, service] = letter.items as [LetterItem, LetterItem, LetterItem, LetterItem, LetterItem];
  return { ...letter, items: [{ ...a, category: 'duty' }, b, service, c, d] };
}

describe('item numbers (the printed letter\'s, everywhere)', () => {
  it('orders by category, keeps the stored order within one, and counts through the sections', () => {
    const items = [{ category: 'duty' }, { category: 'key-task' }, { category: 'service' }, { category: 'key-task' }, { category: 'bogus' }];
    expect(printOrder(items)).toEqual([1, 3, 2, 0, 4]);
    expect(itemNumbers(items)).toEqual([4, 1, 3, 2, 5]);
  });

  it('numbers the PDF, the record and the messages alike', () => {
    const letter = shuffled();
    const text = (layoutLetter(letter, syntheticFonts).pages.flatMap((p) => p.lines).filter((l) => l.role === 'item').map((l) => l.text)).join('');
    const printed = [...text.matchAll(/(\d+)\.(.{6})/g)].map((m) => [m[1], m[2]]);
    expect(printed.map(([n]) => n)).toEqual(['1', '2', '3', '4', '5']);
    // The duty item, stored first, is printed last as 第 5 项.
    expect(printed[4]?.[1]).toBe(letter.items[0]?.content.slice(0, 6));
    const record = commitmentRecord(letter).承诺内容.split('\n');
    expect(record[4]).toBe(`5.${letter.items[0]?.content}（完成时限：${letter.items[0]?.deadline}）`);
    const emptied = withValue(JSON.parse(JSON.stringify(letter)) as Record<string, unknown>, ['items', 0, 'content'], '');
    expect(validateLetter(emptied).problems).toMatchObject([{ path: 'items[0].content', field: '第 5 项承诺事项的内容', message: '第 5 项承诺事项的内容不能为空。' }]);
  });

  it('leaves a letter in print order numbered as stored', () => {
    const emptied = withValue(validLetterJson(), ['items', 2, 'content'], '');
    expect(validateLetter(emptied).problems[0]?.message).toBe('第 3 项承诺事项的内容不能为空。');
  });
});
