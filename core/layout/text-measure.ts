import { FULL_WIDTH_EM, type FontMetrics } from './font-metrics';

/**
 * How one face at one size is set: full-width characters advance by `gridAdvance` (the grid
 * cell, which may be a little narrower than the size), everything else by its own width.
 */
export interface TextStyle {
  readonly metrics: FontMetrics;
  readonly size: number;
  readonly gridAdvance: number;
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
export function measureText(style: TextStyle, text: string): number {
  let width = 0;
  for (const char of text) width += charAdvance(style, char);
  return width;
}
