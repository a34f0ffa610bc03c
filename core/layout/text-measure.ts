import { FULL_WIDTH_EM, type FontMetrics } from './font-metrics';

/**
 * How one role at one size is set: full-width characters advance by `gridAdvance` (the grid
 * cell, which may be a little narrower than the size), everything else by its own width.
 */
export interface TextStyle {
  readonly metrics: FontMetrics;
  readonly size: number;
  readonly gridAdvance: number;
}

/**
 * The style of each character of a text: one for all, or one per UTF-16 offset (a paragraph
 * whose heading sentence is set in a heading face and the rest in the body face).
 */
export type TextStyles = TextStyle | ((offset: number) => TextStyle);

export function styleAt(styles: TextStyles, offset: number): TextStyle {
  return typeof styles === 'function' ? styles(offset) : styles;
}

/** The styles of a text that starts `start` code units into another. */
export function stylesFrom(styles: TextStyles, start: number): TextStyles {
  return typeof styles === 'function' && start !== 0 ? (offset) => styles(start + offset) : styles;
}

export function isGridChar(style: TextStyle, codePoint: number): boolean {
  return style.metrics.advance(codePoint) >= FULL_WIDTH_EM;
}

/** Advance of one character in points. */
export function charAdvance(style: TextStyle, char: string): number {
  const cp = char.codePointAt(0) ?? 0;
  const em = style.metrics.advance(cp);
  return em >= FULL_WIDTH_EM ? style.gridAdvance : em * style.size;
}

/** Width of a string in points. */
export function measureText(styles: TextStyles, text: string): number {
  let width = 0;
  let offset = 0;
  for (const char of text) {
    width += charAdvance(styleAt(styles, offset), char);
    offset += char.length;
  }
  return width;
}
