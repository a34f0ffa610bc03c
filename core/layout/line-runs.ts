import type { TextRun } from './page-plan';
import { isCompressiblePair } from './punctuation-pairs';
import { charAdvance, isGridChar, styleAt, type TextStyle, type TextStyles } from './text-measure';

/**
 * Splits a line into runs that can each be drawn with one text-state: full-width characters on
 * the grid (drawn with negative tracking when the cell is narrower than the type size) and
 * proportional stretches such as Latin words and numbers. A run is drawn in one face, so it also
 * ends where the next character comes from another face of the chain or from another role.
 *
 * With `fit`, a line wider than `fit.width` (line breaking let it hold a little more) closes up
 * its punctuation pairs to that width, and a line to `justify` is set full to it (两端对齐): the
 * slack spread evenly over the gaps next to a full-width character, never inside a Latin word or
 * a number. The characters and their order stay exactly as they are, only where each run starts
 * and its tracking change.
 */
export function lineRuns(text: string, x: number, y: number, styles: TextStyles, fit?: { readonly width: number; readonly justify: boolean }): TextRun[] {
  const chars = [...text];
  const charStyles: TextStyle[] = [];
  let offset = 0;
  for (const char of chars) {
    charStyles.push(styleAt(styles, offset));
    offset += char.length;
  }
  const styleOf = (i: number) => charStyles[i] as TextStyle;
  const codePoint = (i: number) => chars[i]?.codePointAt(0) ?? 0;
  const faces = chars.map((_, i) => styleOf(i).metrics.faceOf(codePoint(i)));
  const grid = chars.map((_, i) => isGridChar(styleOf(i), codePoint(i)));
  const advances = chars.map((char, i) => charAdvance(styleOf(i), char));
  const natural = advances.reduce((sum, w) => sum + w, 0);
  const set = fit !== undefined && (fit.justify || natural > fit.width + 1e-6);
  const after = set && chars.length > 1 ? gapAdjustments(chars, grid, advances, styleOf(0), fit.width) : chars.map(() => 0);

  const runs: TextRun[] = [];
  let cursor = x;
  let start = 0;
  while (start < chars.length) {
    // A run goes on while its characters share the grid or not, and the gaps inside it one adjustment;
    // the gap after its last character is where the next run starts.
    const extra = after[start] ?? 0;
    let end = start + 1;
    const style = styleOf(start);
    const face = faces[start] as string;
    while (end < chars.length && grid[end] === grid[start] && after[end - 1] === extra && faces[end] === face && styleOf(end).size === style.size) end += 1;
    const runText = chars.slice(start, end).join('');
    const base = grid[start] ? style.gridAdvance - style.size : 0;
    runs.push({ text: runText, x: cursor, y, face, size: style.size, tracking: base + (end - start > 1 ? extra : 0) });
    for (let i = start; i < end; i += 1) cursor += (advances[i] ?? 0) + (after[i] ?? 0);
    start = end;
  }
  return runs;
}

/** The space to add after each character (negative to close up) so the line is `target` wide; none after the last. */
function gapAdjustments(chars: readonly string[], grid: readonly boolean[], advances: readonly number[], style: TextStyle, target: number): number[] {
  const after = chars.map(() => 0);
  const natural = advances.reduce((sum, w) => sum + w, 0);
  const slack = target - natural;
  const gaps = chars.length - 1;
  if (gaps <= 0 || Math.abs(slack) < 1e-6) return after;
  const isGrid = (char: string) => isGridChar(style, char.codePointAt(0) ?? 0);
  const inGap = (i: number) => (slack < 0 ? isCompressiblePair(chars[i] ?? '', chars[i + 1] ?? '', isGrid) : Boolean(grid[i]) || Boolean(grid[i + 1]));
  let chosen = Array.from({ length: gaps }, (_, i) => i).filter(inGap);
  // A line of Latin alone (a cut URL) has no gap beside a full-width character: its letters spread instead.
  if (chosen.length === 0 && slack > 0) chosen = Array.from({ length: gaps }, (_, i) => i);
  if (chosen.length === 0) return after;
  const each = slack < 0 ? Math.max(slack / chosen.length, -style.gridAdvance / 2) : slack / chosen.length;
  for (const i of chosen) after[i] = each;
  return after;
}
