import { t } from '../i18n/translate';
import { numberItemProblems } from './item-numbers';
import { fieldLabel, formatPath, type FieldPath } from './field-path';
import { MAX_LETTER_DEPTH } from './json-depth';
import type { Problem } from './problem';

/** A character of the letter that none of the document fonts can draw. */
export interface UncoveredCharacter extends Problem {
  readonly code: 'coverage.missing';
  readonly char: string;
  /** `U+20000` style. */
  readonly codePoint: string;
}

/** What the fonts can draw: a set of code points, or a lookup into the fonts' cmaps. */
export type GlyphCoverage = ReadonlySet<number> | ((codePoint: number) => boolean);

/** Keys whose values are codes, not text: they are never drawn as typed. */
const NOT_DRAWN = new Set(['format', 'kind', 'category', 'creditCodeOverride']);

/** White space and controls are laid out by the renderer, not drawn from a font. */
const LAID_OUT = /^[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]$/u;
const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

/**
 * Lists every character in the letter's drawn text that no document font has, once per field,
 * in document order, so the person can fix it where it was typed before any PDF is made.
 *
 * @example
 * findUncoveredCharacters({ unit: { name: '𠀀县政府' } }, new Set([0x53bf, 0x653f, 0x5e9c]))
 * // [{ path: 'unit.name', char: '𠀀', codePoint: 'U+20000', message: '单位全称中的“𠀀”…' }]
 */
export function findUncoveredCharacters(letter: unknown, coverage: GlyphCoverage): UncoveredCharacter[] {
  const has = typeof coverage === 'function' ? coverage : (cp: number) => coverage.has(cp);
  const found: UncoveredCharacter[] = [];
  walkText(letter, (text, path) => {
    const seen = new Set<number>();
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      if (seen.has(cp) || LAID_OUT.test(char) || isSurrogate(cp) || has(cp)) continue;
      seen.add(cp);
      found.push(uncovered(path, char, cp));
    }
  });
  return numberItemProblems(found, letter);
}

/** A lone surrogate is no character at all; the letter schema refuses it, naming the field, so it is not reported twice. */
function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}

function uncovered(path: FieldPath, char: string, cp: number): UncoveredCharacter {
  const field = fieldLabel(path);
  const codePoint = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const message = VISIBLE.test(char)
    ? t('coverage.missing', { field, char, codePoint })
    : t('coverage.missing-invisible', { field, codePoint });
  return { path: formatPath(path), field, code: 'coverage.missing', severity: 'error', message, char, codePoint };
}

/**
 * Every string in the letter with its path, in document order. Without recursion, and no deeper
 * than a letter may nest: what lies below is refused by validation as too deep, and walking it
 * would only cost time (every path a copy of the one above).
 */
function walkText(root: unknown, visit: (text: string, path: FieldPath) => void): void {
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') visit(value, path);
    if (typeof value !== 'object' || value === null || path.length >= MAX_LETTER_DEPTH) continue;
    const children: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value).filter(([key]) => !NOT_DRAWN.has(key));
    for (const [key, child] of children.reverse()) pending.push({ value: child, path: [...path, key] });
  }
}
