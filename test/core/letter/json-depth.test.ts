import { describe, expect, it } from 'vitest';
import { findTooDeep, MAX_LETTER_DEPTH } from '../../../core/letter/json-depth';
import { nestedArrays, validLetterJson } from '../../support/letter-fixtures';

describe('findTooDeep', () => {
  it('finds nothing in a real letter, which nests three levels', () => {
    expect(findTooDeep(validLetterJson())).toBeUndefined();
    expect(findTooDeep('text')).toBeUndefined();
    expect(findTooDeep(null)).toBeUndefined();
  });

  it('counts the letter itself as the first level', () => {
    expect(findTooDeep({ statement: nestedArrays(MAX_LETTER_DEPTH - 1) })).toBeUndefined();
    expect(findTooDeep({ statement: nestedArrays(MAX_LETTER_DEPTH) })).toEqual(['statement', 0, 0]);
  });

  it('measures 100 000 nested arrays without overflowing the stack, naming only the start of the path', () => {
    expect(findTooDeep({ format: 'pledge-letter/1', items: [{ content: nestedArrays(100_000) }] })).toEqual(['items', 0, 'content']);
  });

  it('reports the first too-deep value in document order', () => {
    expect(findTooDeep({ title: 'x', statement: nestedArrays(40), closing: nestedArrays(40) }, 4)).toEqual(['statement', 0, 0]);
  });
});
