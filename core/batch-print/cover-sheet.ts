import { t, type MessageKey } from '../i18n/translate';
import { breakParagraph } from '../layout/break-lines';
import type { FontMetrics, FontMetricsSet } from '../layout/font-metrics';
import { lineRuns } from '../layout/line-runs';
import { MM, PAGE, SIZE, TYPE_AREA } from '../layout/page-geometry';
import type { TextRun } from '../layout/page-plan';
import { measureText, type TextStyle } from '../layout/text-measure';
import { COVER_ROWS_PER_PAGE, coverPageCount } from './print-sequence';

/** One letter's row on the cover: what the clerk and the signer see, and where it is in the file. */
export interface CoverRow {
  readonly name: string;
  readonly position: string;
  readonly department?: string | undefined;
  /** File pages of the letter, 1-based. */
  readonly firstPage: number;
  readonly lastPage: number;
}

export interface CoverFacts {
  readonly title: string;
  readonly unitName: string;
  readonly rows: readonly CoverRow[];
}

/** A line of the cover as drawn, and its text for tests. */
export interface CoverLine {
  readonly text: string;
  readonly runs: readonly TextRun[];
}

export interface CoverLineSegment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface CoverPage {
  readonly lines: readonly CoverLine[];
  /** The table's rules. */
  readonly rules: readonly CoverLineSegment[];
}

const TABLE_SIZE = 12;
/** Below this a cell's text goes onto two lines rather than shrink further. */
const ONE_LINE_MIN_SIZE = 9.5;
const TWO_LINE_MIN_SIZE = 7;
const PADDING = 1.5 * MM;
const ROW = 9 * MM;
const TITLE_ROW = 15 * MM;
const INFO_ROW = 8 * MM;

/** The table's columns, in mm, filling the 156 mm type area; the last is left blank for the signature. */
const COLUMNS: readonly { readonly key: MessageKey; readonly width: number; readonly centred: boolean }[] = [
  { key: 'batch-print.cover.column.number', width: 12 * MM, centred: true },
  { key: 'batch-print.cover.column.name', width: 24 * MM, centred: false },
  { key: 'batch-print.cover.column.position', width: 36 * MM, centred: false },
  { key: 'batch-print.cover.column.department', width: 30 * MM, centred: false },
  { key: 'batch-print.cover.column.pages', width: 18 * MM, centred: true },
  { key: 'batch-print.cover.column.signature', width: 36 * MM, centred: true },
];

/**
 * Lays out the cover sheet (封面/签字清单) of a batch's print file on as many A4 pages as its
 * rows need, twenty rows a page, each page with the title, the unit and the table's header, in
 * the letter's faces and type area. Text too long for its cell is set smaller, then on two lines.
 *
 * @example layoutCoverSheet({ title: '2026年度公职人员履职尽责承诺书', unitName, rows }, metrics).length // 1 for up to 20 rows
 */
export function layoutCoverSheet(facts: CoverFacts, fonts: FontMetricsSet): CoverPage[] {
  const pageCount = coverPageCount(facts.rows.length);
  const pages: CoverPage[] = [];
  for (let index = 0; index < pageCount; index += 1) {
    const rows = facts.rows.slice(index * COVER_ROWS_PER_PAGE, (index + 1) * COVER_ROWS_PER_PAGE);
    pages.push(coverPage(facts, rows, index * COVER_ROWS_PER_PAGE, fonts));
  }
  return pages;
}

function coverPage(facts: CoverFacts, rows: readonly CoverRow[], firstNumber: number, fonts: FontMetricsSet): CoverPage {
  const lines: CoverLine[] = [];
  const rules: CoverLineSegment[] = [];
  let top = TYPE_AREA.top;

  const titleText = t('batch-print.cover.title', { title: facts.title });
  lines.push(...cellLines(titleText, TYPE_AREA.left, TYPE_AREA.width, top, TITLE_ROW, fonts.title, SIZE.title, true));
  top -= TITLE_ROW;
  const info = t('batch-print.cover.info', { unit: facts.unitName, count: facts.rows.length });
  lines.push(...cellLines(info, TYPE_AREA.left, TYPE_AREA.width, top, INFO_ROW, fonts.body, TABLE_SIZE, false));
  top -= INFO_ROW;
  lines.push(...cellLines(t('batch-print.cover.note'), TYPE_AREA.left, TYPE_AREA.width, top, INFO_ROW, fonts.body, 10.5, false));
  top -= INFO_ROW;

  const tableTop = top;
  const cells = (values: readonly string[], metrics: FontMetrics) => {
    let x = TYPE_AREA.left;
    COLUMNS.forEach((column, i) => {
      const value = values[i] ?? '';
      if (value !== '') lines.push(...cellLines(value, x + PADDING, column.width - 2 * PADDING, top, ROW, metrics, TABLE_SIZE, column.centred));
      x += column.width;
    });
    top -= ROW;
  };
  cells(COLUMNS.map((column) => t(column.key)), fonts.heading);
  rows.forEach((row, i) => {
    const pagesText = row.firstPage === row.lastPage ? String(row.firstPage) : `${row.firstPage}-${row.lastPage}`;
    cells([String(firstNumber + i + 1), row.name, row.position, row.department ?? '', pagesText, ''], fonts.body);
  });

  for (let y = tableTop, n = 0; n <= rows.length + 1; n += 1, y -= ROW) rules.push({ x1: TYPE_AREA.left, y1: y, x2: TYPE_AREA.right, y2: y });
  const tableBottom = tableTop - (rows.length + 1) * ROW;
  let x = TYPE_AREA.left;
  for (const column of [{ width: 0 }, ...COLUMNS]) {
    x += column.width;
    rules.push({ x1: x, y1: tableTop, x2: x, y2: tableBottom });
  }
  return { lines, rules };
}

/**
 * The lines of one cell `width` wide whose row spans `height` down from `top`: at `size` when the
 * text fits, else smaller down to ONE_LINE_MIN_SIZE, else on two lines, and past TWO_LINE_MIN_SIZE
 * cut with an ellipsis (the letter itself carries the full text).
 */
function cellLines(text: string, x: number, width: number, top: number, height: number, metrics: FontMetrics, size: number, centred: boolean): CoverLine[] {
  const style = (s: number): TextStyle => ({ metrics, size: s, gridAdvance: s });
  const natural = measureText(style(size), text);
  let texts = [text];
  let fitted = size;
  if (natural > width) {
    fitted = (size * width) / natural;
    if (fitted < ONE_LINE_MIN_SIZE) {
      fitted = Math.max(TWO_LINE_MIN_SIZE, Math.min(size, fitted * 2));
      for (; ; fitted -= 0.5) {
        texts = breakParagraph(text, style(fitted), { width, firstIndent: 0, indent: 0 }).map((line) => line.text);
        if (texts.length <= 2 || fitted <= TWO_LINE_MIN_SIZE) break;
      }
      if (texts.length > 2) texts = [texts[0] ?? '', ellipsis(texts.slice(1).join(''), style(fitted), width)];
    }
  }
  const pitch = fitted * 1.25;
  return texts.map((line, i) => {
    // Each line's em box centred in its share of the row, as the letter centres it in a grid row.
    const middle = top - height / 2 + ((texts.length - 1) / 2 - i) * pitch;
    const y = middle - 0.38 * fitted;
    const lineWidth = measureText(style(fitted), line);
    const left = centred ? x + (width - lineWidth) / 2 : x;
    return { text: line, runs: lineRuns(line, left, y, style(fitted)) };
  });
}

function ellipsis(text: string, style: TextStyle, width: number): string {
  const chars = [...text];
  while (chars.length > 0 && measureText(style, `${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** The sentence printed on an inserted blank page, centred on it. */
export function blankPageLine(fonts: FontMetricsSet): CoverLine {
  const style: TextStyle = { metrics: fonts.body, size: TABLE_SIZE, gridAdvance: TABLE_SIZE };
  const text = t('batch-print.blank.text');
  return { text, runs: lineRuns(text, (PAGE.width - measureText(style, text)) / 2, PAGE.height / 2, style) };
}
