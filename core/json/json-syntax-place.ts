/** Where a text stopped being JSON: a line and column a person can find in an editor. */
export type JsonSyntaxPlace =
  | { readonly kind: 'at'; readonly line: number; readonly column: number; readonly char: string }
  | { readonly kind: 'end'; readonly line: number }
  | { readonly kind: 'unknown' };

/**
 * The place a `JSON.parse` error points to, from the position V8 puts in its (English) message;
 * `unknown` when the message gives none. Columns count characters, not UTF-16 units, so a line
 * of Chinese text points where an editor's cursor would.
 *
 * @example jsonSyntaxPlace('{\n  "a": 1,\n}', error) // { kind: 'at', line: 3, column: 1, char: '}' }
 */
export function jsonSyntaxPlace(text: string, error: unknown): JsonSyntaxPlace {
  const message = error instanceof Error ? error.message : '';
  const position = /\bat position (\d+)/.exec(message)?.[1];
  if (position === undefined) return /Unexpected end of JSON input/.test(message) ? { kind: 'end', line: lineCount(text) } : { kind: 'unknown' };
  const offset = Number(position);
  if (offset >= text.length) return { kind: 'end', line: lineCount(text) };
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const char = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  return { kind: 'at', line: lineCount(before), column: [...before.slice(lineStart)].length + 1, char };
}

function lineCount(text: string): number {
  return text.split('\n').length;
}
