import LineBreaker from 'linebreak';
import { isCompressiblePair } from './punctuation-pairs';
import { charAdvance, isGridChar, styleAt, type TextStyles } from './text-measure';

/**
 * Chinese line breaking: UAX #14 break opportunities (the `linebreak` package) narrowed by the
 * rules in docs/domain/letter-format.md, so no line starts with closing punctuation and none ends with opening
 * punctuation; Latin words and numbers stay whole unless one alone is wider than a line.
 */

/** May not start a line. */
export const CLOSING = new Set([...'，。、；：？！）》」』】〕〉”’…,.;:?!)]}%·']);
/** May not end a line. */
export const OPENING = new Set([...'（《「『【〔〈“‘([{']);

export interface ParagraphShape {
  /** Width available for a line, in points. */
  readonly width: number;
  /** Indent of the first line and of the others, in points. */
  readonly firstIndent: number;
  readonly indent: number;
}

export interface BrokenLine {
  readonly text: string;
  /** Where the line's text starts in the paragraph, in UTF-16 code units. */
  readonly start: number;
  /** In points from the left edge of the type area. */
  readonly indent: number;
  /**
   * Whether the line continues its paragraph, and so is set full to the right edge (两端对齐):
   * every line but a paragraph's last and one ended by a typed line break.
   */
  readonly justify: boolean;
}

/**
 * Breaks a paragraph into lines. A `\n` always ends a line; trailing white space never counts.
 * A line may hold a little more than its width where punctuation pairs inside it can be closed up
 * (`punctuation-pairs.ts`), rather than push its last character down before a closing mark.
 *
 * @example breakParagraph('为深入贯彻……', bodyStyle, { width: 442.2, firstIndent: 31.6, indent: 0 })
 */
export function breakParagraph(text: string, style: TextStyles, shape: ParagraphShape): BrokenLine[] {
  const widthTo = prefixWidths(text, style);
  const shrinkTo = prefixShrink(text, style);
  const { allowed, required } = breakOpportunities(text);
  const lines: BrokenLine[] = [];
  let start = 0;
  let next = 0; // index into `allowed` of the first opportunity after `start`
  while (start < text.length) {
    const indent = lines.length === 0 ? shape.firstIndent : shape.indent;
    const limit = shape.width - indent + 0.01;
    while (next < allowed.length && (allowed[next] ?? 0) <= start) next += 1;

    let end = -1;
    let forced = false;
    for (let i = next; i < allowed.length; i += 1) {
      const position = allowed[i] ?? 0;
      const lineEnd = trimmedEnd(text, start, position);
      const shrink = lineEnd - 1 > start ? (shrinkTo[lineEnd - 1] ?? 0) - (shrinkTo[start] ?? 0) : 0;
      if ((widthTo[lineEnd] ?? 0) - (widthTo[start] ?? 0) - shrink > limit) break;
      end = position;
      if (required.has(position)) break;
    }
    if (end <= start) {
      end = forcedEnd(text, start, limit, style);
      forced = true;
    }

    const ended = required.has(end) && !forced;
    lines.push({ text: text.slice(start, trimmedEnd(text, start, end)), start, indent, justify: !ended && end < text.length });
    start = end;
    while (start < text.length && /[ \t\r\n]/.test(text.charAt(start))) start += 1;
  }
  return lines.length > 0 ? lines : [{ text: '', start: 0, indent: shape.firstIndent, justify: false }];
}

/** `shrink[p]` is how far the gaps at positions 1…p may close up: half a cell at each compressible pair. */
function prefixShrink(text: string, styles: TextStyles): Float64Array {
  const shrink = new Float64Array(text.length + 1);
  for (let p = 1; p <= text.length; p += 1) {
    const style = styleAt(styles, p - 1);
    const isGrid = (char: string) => isGridChar(style, char.codePointAt(0) ?? 0);
    const pair = p < text.length && isCompressiblePair(text.charAt(p - 1), text.charAt(p), isGrid);
    shrink[p] = (shrink[p - 1] ?? 0) + (pair ? style.gridAdvance / 2 : 0);
  }
  return shrink;
}

/** `widths[i]` is the width of `text.slice(0, i)`; indexes inside a surrogate pair repeat the previous value. */
function prefixWidths(text: string, styles: TextStyles): Float64Array {
  const widths = new Float64Array(text.length + 1);
  let i = 0;
  for (const char of text) {
    const w = widths[i] ?? 0;
    const style = styleAt(styles, i);
    if (char.length === 2) widths[i + 1] = w;
    i += char.length;
    widths[i] = w + charAdvance(style, char);
  }
  return widths;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text.charAt(e - 1))) e -= 1;
  return e;
}

/** A run with no allowed break that is wider than the line: cut it by characters, still minding punctuation. */
function forcedEnd(text: string, start: number, limit: number, styles: TextStyles): number {
  let width = 0;
  let end = start;
  for (const char of text.slice(start)) {
    const w = charAdvance(styleAt(styles, end), char);
    if (width + w > limit && end > start) break;
    width += w;
    end += char.length;
  }
  while (end - start > 1 && end < text.length && (CLOSING.has(text.charAt(end)) || OPENING.has(text.charAt(end - 1)))) end -= 1;
  return end;
}

function breakOpportunities(text: string): { allowed: number[]; required: Set<number> } {
  const allowed: number[] = [];
  const required = new Set<number>();
  // UAX #14 (Unicode 13 in this package) forbids breaks on both sides of “ ” ‘ ’, gluing quoted
  // terms into long unbreakable runs. Chinese treats them as opening and closing brackets, as
  // ICU's zh tailoring does; both are one UTF-16 unit, so positions stay the same.
  const breaker = new LineBreaker(text.replace(/[“‘]/g, '（').replace(/[”’]/g, '）'));
  for (let bk = breaker.nextBreak(); bk !== null; bk = breaker.nextBreak()) {
    const p = bk.position;
    const forbidden = p < text.length && (CLOSING.has(text.charAt(p)) || OPENING.has(text.charAt(p - 1)));
    if (forbidden && !bk.required) continue;
    allowed.push(p);
    if (bk.required) required.add(p);
  }
  return { allowed, required };
}
