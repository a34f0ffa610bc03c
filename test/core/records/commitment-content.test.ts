import { describe, expect, it } from 'vitest';
import { printOrder } from '../../../core/letter/item-numbers';
import type { Letter } from '../../../core/letter/letter-schema';
import { commitmentContent, SHORTENED_MARK } from '../../../core/records/commitment-content';
import { commitmentRecord } from '../../../core/records/commitment-record';
import { clauseText, letterOfLength, letterWithItems } from './record-letters';

const chars = (text: string) => [...text].length;
/** The item lines as the record prints them in full. */
const fullLines = (letter: Letter) => printOrder(letter.items).map((index, position) => `${position + 1}.${letter.items[index]!.content}`);

/** Every line of a summary is its item, whole or cut after a clause end and marked; the last line says it is a summary. */
function expectFaithfulSummary(letter: Letter, text: string) {
  const full = fullLines(letter);
  const lines = text.split('\n');
  expect(lines).toHaveLength(full.length + 1);
  expect(lines.at(-1)).toBe(`（以上为 ${full.length} 项承诺事项的摘要，各项全文见承诺书。）`);
  lines.slice(0, -1).forEach((line, i) => {
    if (line === full[i]) return;
    expect(line.endsWith(SHORTENED_MARK), line).toBe(true);
    const kept = line.slice(0, -SHORTENED_MARK.length);
    expect(kept.startsWith(`${i + 1}.`)).toBe(true);
    expect(full[i]!.startsWith(kept), `line ${i + 1} is a prefix of its item`).toBe(true);
    expect('。；，').toContain(full[i]!.charAt(kept.length));
  });
  return lines.slice(0, -1).filter((line, i) => line !== full[i]).length;
}

describe('承诺内容 within the template’s 4000 characters', () => {
  it('is the items in full, one a line, up to exactly 4000 characters', () => {
    const letter = letterOfLength(4000, 9);
    expect(chars(fullLines(letter).join('\n'))).toBe(4000);
    expect(commitmentContent(letter)).toEqual({ text: fullLines(letter).join('\n'), summary: false });
    expect(commitmentRecord(letter).备注).not.toContain('摘要');
  });

  it('summarises a letter of 4001 characters faithfully, shortening no more than the limit needs', () => {
    const letter = letterOfLength(4001, 9);
    const content = commitmentContent(letter);
    expect(content.summary).toBe(true);
    expect(chars(content.text)).toBeLessThanOrEqual(4000);
    expect(expectFaithfulSummary(letter, content.text)).toBeGreaterThan(0);
    // The closing line takes some 30 characters: the items that make room lose only their last clause, and no more is left unused than a clause.
    const full = fullLines(letter);
    content.text.split('\n').slice(0, -1).forEach((line, i) => {
      const dropped = full[i]!.slice(line.length - SHORTENED_MARK.length);
      if (line !== full[i]) expect([...dropped].filter((c) => '。；，'.includes(c)).length, dropped).toBeLessThanOrEqual(2);
    });
    expect(chars(content.text)).toBeGreaterThan(4000 - 12);
    expect(commitmentRecord(letter).备注).toMatch(/；承诺内容为 9 项承诺事项的摘要，全文见承诺书$/);
  });

  it('keeps all 200 items of 500 characters, in order and numbered, and leaves the letter whole', () => {
    const letter = letterWithItems(Array.from({ length: 200 }, (_, i) => clauseText(500, i + 1)));
    const before = JSON.stringify(letter);
    const { text, summary } = commitmentContent(letter);
    expect(summary).toBe(true);
    expect(chars(text)).toBeLessThanOrEqual(4000);
    expect(chars(text)).toBeGreaterThan(3900);
    expect(expectFaithfulSummary(letter, text)).toBe(200);
    expect(JSON.stringify(letter)).toBe(before);
  });

  it('keeps the short items whole and shortens the long ones', () => {
    const contents = Array.from({ length: 16 }, (_, i) => clauseText(i % 2 === 0 ? 40 : 500, i + 1));
    const letter = letterWithItems(contents);
    const { text } = commitmentContent(letter);
    const lines = text.split('\n');
    lines.slice(0, -1).forEach((line, i) => {
      if (i % 2 === 0) expect(line).toBe(`${i + 1}.${contents[i]}`);
    });
    expect(expectFaithfulSummary(letter, text)).toBeGreaterThan(0);
  });

  it('numbers in print order and keeps deadlines of items it need not shorten', () => {
    const letter = letterWithItems(['全面推行政务服务“一网通办”，压缩办理时限。', '落实首问负责制。']);
    const shuffled: Letter = { ...letter, items: [{ ...letter.items[0]!, category: 'duty' }, { ...letter.items[1]!, deadline: '2026年6月30日前' }] };
    expect(commitmentContent(shuffled).text).toBe('1.落实首问负责制。（完成时限：2026年6月30日前）\n2.全面推行政务服务“一网通办”，压缩办理时限。');
  });
});
