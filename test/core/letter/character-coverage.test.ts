import { describe, expect, it } from 'vitest';
import { findUncoveredCharacters } from '../../../core/letter/character-coverage';
import { letterFromTemplate } from '../../../core/letter/templates';
import { nestedArrays, validLetterJson, withValue } from '../../support/letter-fixtures';

/** Everything in the letter except what a test removes: a stand-in for a font's cmap. */
function coverageOf(letter: unknown, ...missing: string[]): Set<number> {
  const all = new Set<number>();
  for (const char of JSON.stringify(letter)) all.add(char.codePointAt(0) ?? 0);
  for (const char of missing) all.delete(char.codePointAt(0) ?? 0);
  return all;
}

describe('findUncoveredCharacters', () => {
  it('finds nothing when the fonts cover the whole letter', () => {
    const letter = letterFromTemplate('policy', { year: 2026 });
    expect(findUncoveredCharacters(letter, coverageOf(letter))).toEqual([]);
  });

  it('names a CJK Extension B character, its code point and its field', () => {
    const json = withValue(validLetterJson(), ['items', 2, 'content'], '年内完成𠀀改造');
    const found = findUncoveredCharacters(json, coverageOf(validLetterJson()));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'items[2].content', char: '𠀀', codePoint: 'U+20000', field: '第 3 项承诺事项的内容' });
    expect(found[0]?.message).toBe('第 3 项承诺事项的内容中的“𠀀”（U+20000）无法用文档字体显示，请改用常用字，或用文字说明该字。');
  });

  it('reports a character once per field, in document order', () => {
    let json = withValue(validLetterJson(), ['unit', 'name'], '松岭县😀😀镇');
    json = withValue(json, ['principal', 'name'], '周😀');
    const found = findUncoveredCharacters(json, coverageOf(validLetterJson()));
    expect(found.map((f) => [f.path, f.char])).toEqual([
      ['unit.name', '😀'],
      ['principal.name', '😀'],
    ]);
  });

  it('describes an invisible character by its code point only', () => {
    const json = withValue(validLetterJson(), ['unit', 'name'], '松岭县\u200d镇');
    const [found] = findUncoveredCharacters(json, coverageOf(validLetterJson()));
    expect(found?.message).toBe('单位全称中有一个无法显示的不可见字符（U+200D），请删除后重新输入。');
  });

  it('ignores codes that are never drawn and white space the layout handles', () => {
    // k and / occur only in format and category values; spaces and breaks only in the statement.
    const json = withValue(validLetterJson(), ['statement'], '年内完成\n\n年内 　完成');
    const cover = coverageOf(validLetterJson(), 'k', '/', ' ', '\n', '\u3000');
    expect(findUncoveredCharacters(json, cover)).toEqual([]);
  });

  it('accepts a lookup function as well as a set', () => {
    const found = findUncoveredCharacters({ unit: { name: 'AB' } }, (cp) => cp === 0x41);
    expect(found.map((f) => f.char)).toEqual(['B']);
  });

  it('walks a letter with 100 000 nested arrays in a field without overflowing the stack, still naming what it can reach', () => {
    const json = withValue(withValue(validLetterJson(), ['principal', 'name'], '周😀'), ['extra'], nestedArrays(100_000));
    const found = findUncoveredCharacters(json, coverageOf(validLetterJson()));
    expect(found).toEqual([expect.objectContaining({ path: 'principal.name', char: '😀' })]);
  });

  it('leaves a lone surrogate to the letter schema, which names it, so it is not reported twice', () => {
    const json = withValue(validLetterJson(), ['statement'], '承诺\uD800');
    expect(findUncoveredCharacters(json, coverageOf(validLetterJson()))).toEqual([]);
  });
});
