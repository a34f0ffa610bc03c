import { describe, expect, it } from 'vitest';
import { breakParagraph, CLOSING, OPENING } from '../../../core/layout/break-lines';
import { GRID, SIZE } from '../../../core/layout/page-geometry';
import type { TextStyle } from '../../../core/layout/text-measure';
import { syntheticMetrics } from './synthetic-metrics';

const body: TextStyle = { metrics: syntheticMetrics, size: SIZE.body, gridAdvance: GRID.cell };
const fullLine = { width: 28 * GRID.cell, firstIndent: 0, indent: 0 };

function lines(text: string, shape = fullLine): string[] {
  return breakParagraph(text, body, shape).map((l) => l.text);
}

describe('breakParagraph', () => {
  it('fills a line with exactly 28 ideographs', () => {
    const text = '政'.repeat(60);
    expect(lines(text).map((l) => l.length)).toEqual([28, 28, 4]);
  });

  it('indents the first line by two characters', () => {
    const broken = breakParagraph('政'.repeat(40), body, { ...fullLine, firstIndent: 2 * GRID.cell });
    expect(broken.map((l) => [l.text.length, l.indent])).toEqual([
      [26, 2 * GRID.cell],
      [14, 0],
    ]);
  });

  it('never starts a line with closing punctuation: the last character moves down with it', () => {
    const text = `${'政'.repeat(28)}。${'务'.repeat(10)}`;
    const result = lines(text);
    expect(result[0]).toBe('政'.repeat(27));
    expect(result[1]?.startsWith('政。')).toBe(true);
  });

  it('never ends a line with opening punctuation', () => {
    const text = `${'政'.repeat(27)}（务${'诚'.repeat(10)}）`;
    const result = lines(text);
    expect(result[0]).toBe('政'.repeat(27));
    expect(result[1]?.startsWith('（务')).toBe(true);
  });

  it('keeps numbers, phone numbers and e-mail addresses whole', () => {
    for (const word of ['20261031', '0451-82761234', 'xinyong@example.com']) {
      for (let before = 20; before <= 28; before += 1) {
        const result = lines(`${'政'.repeat(before)}${word}${'务'.repeat(5)}`);
        expect(result.some((l) => l.includes(word)), `${before} + ${word}`).toBe(true);
      }
    }
  });

  it('cuts a word longer than a line by characters rather than overflowing', () => {
    const word = 'a'.repeat(80); // half-width, 8 pt each: 55 fit in 442.2 pt
    const result = lines(word);
    expect(result.map((l) => l.length)).toEqual([55, 25]);
  });

  it('starts a new line at every line break', () => {
    expect(lines('第一段\n第二段\n\n第三段')).toEqual(['第一段', '第二段', '第三段']);
  });

  it('does not leave quotation marks glued into long unbreakable runs', () => {
    const text = `${'政'.repeat(20)}例如：“是”“否”“以及”“或者”等${'务'.repeat(10)}`;
    // “否” must stay together and may not start or end a line; with the pairs `：“` and `”“`
    // closed up by half a cell each the first line holds 29 characters in 28 cells, where
    // treating the quotes as UAX #14 does would give 21.
    expect(lines(text)[0]).toBe(`${'政'.repeat(20)}例如：“是”“否”`);
  });

  it('obeys the punctuation rules on a long mixed text', () => {
    // A deterministic jumble of ideographs, punctuation, Latin words and numbers.
    const pieces = ['政务', '诚信', '，', '。', '、', '（', '）', '“', '”', '《', '》', '；', '：', '2026', 'PPP', '12345', '……', '！', '？'];
    let seed = 7;
    let text = '';
    for (let i = 0; i < 3000; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += pieces[seed % pieces.length];
    }
    const result = breakParagraph(text, body, fullLine);
    expect(result.map((l) => l.text).join('')).toBe(text);
    for (const [i, line] of result.entries()) {
      if (i > 0) expect(CLOSING.has(line.text.charAt(0)), `line ${i} starts with ${line.text.charAt(0)}`).toBe(false);
      if (i < result.length - 1) expect(OPENING.has(line.text.charAt(line.text.length - 1)), `line ${i} ends with an opening mark`).toBe(false);
    }
  });
});
