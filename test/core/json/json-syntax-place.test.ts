import { describe, expect, it } from 'vitest';
import { jsonSyntaxPlace } from '../../../core/json/json-syntax-place';

function placeOf(text: string) {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxPlace(text, error);
  }
  throw new Error('the text parsed');
}

describe('jsonSyntaxPlace', () => {
  it('points at the line and column where the text stops being JSON', () => {
    expect(placeOf('{\n  "a": 1,\n}')).toEqual({ kind: 'at', line: 3, column: 1, char: '}' });
    expect(placeOf('{\n  "year": 2026\n  "kind": "unit"\n}')).toEqual({ kind: 'at', line: 3, column: 3, char: '"' });
  });

  it('counts a Chinese line by characters, as an editor does', () => {
    expect(placeOf('{"unit": "青山县𠀀镇" x}')).toEqual({ kind: 'at', line: 1, column: 18, char: 'x' });
  });

  it('says when the text ends too early', () => {
    expect(placeOf('{"format": ')).toEqual({ kind: 'end', line: 1 });
    expect(placeOf('{\n"a": "x')).toEqual({ kind: 'end', line: 2 });
    expect(placeOf('')).toEqual({ kind: 'end', line: 1 });
  });

  it('gives no place when the message names none', () => {
    expect(jsonSyntaxPlace('x', new SyntaxError('Unexpected token'))).toEqual({ kind: 'unknown' });
    expect(jsonSyntaxPlace('x', 'not an error')).toEqual({ kind: 'unknown' });
  });
});
