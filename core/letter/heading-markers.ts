import { paragraphHeading, type HeadingLevel } from './paragraph-headings';

/**
 * The markers that open a heading paragraph (`一、`, `（一）`), numbered the way a clerk numbers
 * them in Word: first-level headings run through the field, second-level ones start again at
 * （一） after each first-level heading. paragraph-headings.ts reads them back for the PDF.
 */

const DIGITS = '一二三四五六七八九';
/** paragraphHeading reads one to three numerals, so 九十九 is the last number a marker can carry. */
export const LAST_HEADING_NUMBER = 99;

/**
 * @example chineseNumeral(11) // '十一'
 * @example chineseNumeral(20) // '二十'
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > LAST_HEADING_NUMBER) throw new RangeError(`No heading numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const ten = tens === 0 ? '' : `${tens === 1 ? '' : DIGITS.charAt(tens - 1)}十`;
  return ten + (ones === 0 ? '' : DIGITS.charAt(ones - 1));
}

const NUMERAL = new RegExp(`^(?:([${DIGITS}])?(十))?([${DIGITS}])?$`);

/** The number a numeral writes, or null for one nobody writes (`一一`, `十十`). */
export function parseChineseNumeral(text: string): number | null {
  const match = NUMERAL.exec(text);
  if (match === null || text === '') return null;
  const [, tensDigit, ten, ones] = match;
  const tens = ten === undefined ? 0 : tensDigit === undefined ? 1 : DIGITS.indexOf(tensDigit) + 1;
  return tens * 10 + (ones === undefined ? 0 : DIGITS.indexOf(ones) + 1);
}

/** @example headingMarker(2, 3) // '（三）' */
export function headingMarker(level: HeadingLevel, n: number): string {
  return level === 1 ? `${chineseNumeral(n)}、` : `（${chineseNumeral(n)}）`;
}

const MARKER = /^(?:[（(]([一二三四五六七八九十]{1,3})[）)]|([一二三四五六七八九十]{1,3})、)/;

interface LineHeading {
  readonly level: HeadingLevel;
  /** The marker's length in UTF-16 code units. */
  readonly markerLength: number;
  readonly numeral: string;
}

/** The heading a line opens, if any; leading white space is the layout's to trim. */
function lineHeading(line: string): LineHeading | null {
  const heading = paragraphHeading(line);
  const match = heading === null ? null : MARKER.exec(line);
  if (heading === null || match === null) return null;
  return { level: heading.level, markerLength: match[0].length, numeral: match[1] ?? match[2] ?? '' };
}

/**
 * The marker a new heading of `level` gets after the text above it, or null past 九十九.
 * A heading with a numeral nobody writes counts as the one after its predecessor.
 *
 * @example nextHeadingMarker('一、总体要求\n（一）加强领导\n', 2) // '（二）'
 * @example nextHeadingMarker('一、总体要求\n（一）加强领导\n二、保障措施\n', 2) // '（一）'
 */
export function nextHeadingMarker(above: string, level: HeadingLevel): string | null {
  let first = 0;
  let second = 0;
  for (const line of above.split('\n')) {
    const heading = lineHeading(line.trimStart());
    if (heading === null) continue;
    if (heading.level === 1) {
      first = parseChineseNumeral(heading.numeral) ?? first + 1;
      second = 0;
    } else {
      second = parseChineseNumeral(heading.numeral) ?? second + 1;
    }
  }
  const n = (level === 1 ? first : second) + 1;
  return n > LAST_HEADING_NUMBER ? null : headingMarker(level, n);
}

/** Replace `from`…`to` of the text with `insert`, then put the caret at `caret`. */
export interface TextEdit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
  readonly caret: number;
}

/**
 * The edit that makes the caret's line a heading of `level`: the next marker goes where the line's
 * text starts, in place of a marker the line has already (so a heading changes level or number).
 * The caret stays with the text it was in, and lands after the marker when it was before or in it.
 * Null when no marker is left (past 九十九).
 *
 * @example headingMarkerEdit('保障措施\n', 4, 1) // { from: 0, to: 0, insert: '一、', caret: 6 }
 */
export function headingMarkerEdit(text: string, caret: number, level: HeadingLevel): TextEdit | null {
  const lineStart = caret === 0 ? 0 : text.lastIndexOf('\n', caret - 1) + 1;
  const lineEnd = text.indexOf('\n', caret);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const from = lineStart + (line.length - line.trimStart().length);
  const marker = nextHeadingMarker(text.slice(0, lineStart), level);
  if (marker === null) return null;
  const to = from + (lineHeading(text.slice(from, lineStart + line.length))?.markerLength ?? 0);
  return { from, to, insert: marker, caret: caret <= to ? from + marker.length : caret + marker.length - (to - from) };
}

/** The text after applying an edit, and where the caret goes. */
export function applyTextEdit(text: string, edit: TextEdit): { readonly text: string; readonly caret: number } {
  return { text: text.slice(0, edit.from) + edit.insert + text.slice(edit.to), caret: edit.caret };
}

/** One heading of a field, as its outline lists it. */
export interface OutlineEntry {
  readonly level: HeadingLevel;
  /** The heading's words: a run-in heading up to its 。, without the body text after it. */
  readonly text: string;
}

/** @example headingOutline('一、保障措施\n（一）加强领导。成立专班。') // [{ level: 1, text: '一、保障措施' }, { level: 2, text: '（一）加强领导。' }] */
export function headingOutline(text: string): OutlineEntry[] {
  return text.split('\n').flatMap((raw) => {
    const line = raw.trim();
    const heading = paragraphHeading(line);
    return heading === null ? [] : [{ level: heading.level, text: line.slice(0, heading.end) }];
  });
}
