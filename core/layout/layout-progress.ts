import { t, type MessageKey } from '../i18n/translate';
import { formatSize } from '../i18n/format-size';
import { chineseNumeral } from '../letter/heading-markers';
import { parsePeriod, periodEnd, type ProgressPeriod } from '../progress/progress-period';
import { ITEM_STATUSES, type ProgressItem, type ProgressReport } from '../progress/progress-schema';
import { breakParagraph } from './break-lines';
import type { FontMetricsSet } from './font-metrics';
import { lineRuns } from './line-runs';
import { GRID, PAGE, PAGE_NUMBER_GAP, SIZE, TYPE_AREA } from './page-geometry';
import type { Rect, TextRun } from './page-plan';
import { measureText, stylesFrom, type TextStyle } from './text-measure';
import { titleLines } from './title-lines';

/** One line of text: what it says (for tests and text checks) and how it is drawn. */
export interface ProgressLine {
  readonly text: string;
  readonly runs: readonly TextRun[];
}

/** A stroked line segment; the platform's drawing check refuses fills, so a table is drawn from these alone. */
export interface ProgressRule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The columns of the table, left to right. */
export const PROGRESS_COLUMNS = ['number', 'content', 'deadline', 'status', 'note'] as const;
export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number];

/** One cell of the table on one page: a row that breaks across pages has a cell on each. */
export interface ProgressCell {
  /** The item's printed number, or 'header' for the header row (repeated on every page the table reaches). */
  readonly row: number | 'header';
  readonly column: ProgressColumn;
  /** The ruled cell. */
  readonly box: Rect;
  /** Where its text may go, left edge and width: the box less its padding. */
  readonly textX: number;
  readonly textWidth: number;
  readonly lines: readonly ProgressLine[];
}

export interface ProgressPage {
  /** Text outside the table: title, particulars, summary, evidence, accountability. */
  readonly lines: readonly ProgressLine[];
  readonly cells: readonly ProgressCell[];
  readonly rules: readonly ProgressRule[];
  /** `— 1 —`, placed as the letter places it. */
  readonly pageNumber: ProgressLine;
}

export interface ProgressPlan {
  readonly width: number;
  readonly height: number;
  readonly pages: readonly ProgressPage[];
  /** `date` is `YYYY-MM-DD`: the report's own date, else the last day of its period (never the clock). */
  readonly info: { readonly title: string; readonly author: string; readonly subject: string; readonly date: string };
}

/**
 * A table in 3号 would leave the note column a handful of characters wide; 4号 (the size GB/T 9704
 * gives page numbers, and a usual size for tables in official documents) keeps five columns readable.
 */
const TABLE_SIZE = SIZE.pageNumber;
/** Line pitch inside a cell: one and a half times the size, close enough to read, loose enough to annotate by hand. */
const CELL_PITCH = 1.5 * TABLE_SIZE;
const PAD_X = 0.3 * TABLE_SIZE;
const PAD_Y = 0.3 * TABLE_SIZE;
/** Column widths in characters of the table size; the note column takes what is left. */
const FIXED_COLUMNS: Readonly<Record<Exclude<ProgressColumn, 'note'>, number>> = { number: 3, content: 8.5, deadline: 5, status: 5 };
const CENTRED: ReadonlySet<ProgressColumn> = new Set(['number', 'status']);
/** A row split across pages keeps at least this many lines on each side, unless it has fewer. */
const KEEP_LINES = 2;
const TITLE_DROP = 0.2 * SIZE.title;

const HEADER_KEYS: Readonly<Record<ProgressColumn, MessageKey>> = {
  number: 'pdf.progress.column.number',
  content: 'pdf.progress.column.content',
  deadline: 'pdf.progress.column.deadline',
  status: 'pdf.progress.column.status',
  note: 'pdf.progress.column.note',
};

/** The text of each column of an item's row: nothing the report does not hold. */
function cellTexts(item: ProgressItem): Record<ProgressColumn, string> {
  const reason = item.status === '已调整' && item.reason ? t('pdf.progress.reason', { reason: item.reason }) : '';
  return {
    number: String(item.number),
    content: item.content,
    deadline: item.deadline ?? '',
    status: item.status,
    note: [item.note, reason].filter((part) => part !== '').join('\n'),
  };
}

/** The period as the title and the particulars write it: 2026年6月, 2026年第二季度, 2026年度. */
export function periodText(period: ProgressPeriod): string {
  if (period.kind === 'month') return t('pdf.progress.period.month', { year: period.year, month: period.month });
  if (period.kind === 'quarter') return t('pdf.progress.period.quarter', { year: period.year, ordinal: chineseNumeral(period.quarter) });
  return t('pdf.progress.period.year', { year: period.year });
}

interface Column {
  readonly key: ProgressColumn;
  readonly x: number;
  readonly width: number;
}

function columns(): Column[] {
  const fixed = Object.values(FIXED_COLUMNS).reduce((sum, cells) => sum + cells, 0) * TABLE_SIZE;
  let x = TYPE_AREA.left;
  return PROGRESS_COLUMNS.map((key) => {
    const width = key === 'note' ? TYPE_AREA.width - fixed : FIXED_COLUMNS[key] * TABLE_SIZE;
    const column = { key, x, width };
    x += width;
    return column;
  });
}

/**
 * A cell's text broken to its column, each line at y = 0. Lines are set ragged, not full to the
 * right: a column holds ten characters or so, and spreading a line's slack over so few gaps opens
 * holes a reader notices; a line that breaking let run a little long still closes up to the column.
 */
function cellLines(text: string, column: Column, style: TextStyle): ProgressLine[] {
  if (text === '') return [];
  const width = column.width - 2 * PAD_X;
  const left = column.x + PAD_X;
  return breakParagraph(text, style, { width, firstIndent: 0, indent: 0 }).map((line) => {
    const styles = stylesFrom(style, line.start);
    const x = CENTRED.has(column.key) ? left + Math.max(0, (width - measureText(styles, line.text)) / 2) : left;
    return { text: line.text, runs: lineRuns(line.text, x, 0, styles, { width: width - (x - left), justify: false }) };
  });
}

const at = (line: ProgressLine, y: number): ProgressLine => ({ text: line.text, runs: line.runs.map((run) => ({ ...run, y })) });

interface PageBuild {
  lines: ProgressLine[];
  cells: ProgressCell[];
  rules: ProgressRule[];
}

/**
 * Lays a progress report out on GB/T 9704 pages in the letter's style: the title in the title
 * face, the particulars in the body face, then a ruled table of every item (序号, 承诺事项, 完成时限,
 * 履行状态, 进展说明) whose rows break across pages under a repeated header row, then the count of
 * items per status, the evidence files and, at the year's end, the 违诺责任追究内容. Pure, given
 * the fonts' metrics: the same report gives the same plan.
 *
 * @example layoutProgress(report, '青山县政务服务中心2026年度政务诚信承诺书', metrics).pages[0].lines[0].text
 */
export function layoutProgress(report: ProgressReport, letterTitle: string, fonts: FontMetricsSet): ProgressPlan {
  const period = parsePeriod(report.period);
  if (period === undefined) throw new Error(`layoutProgress: not a period: ${report.period}`);
  const titleStyle: TextStyle = { metrics: fonts.title, size: SIZE.title, gridAdvance: SIZE.title };
  const body: TextStyle = { metrics: fonts.body, size: SIZE.body, gridAdvance: GRID.cell };
  const heading: TextStyle = { metrics: fonts.heading, size: SIZE.body, gridAdvance: GRID.cell };
  const cellStyle: TextStyle = { metrics: fonts.body, size: TABLE_SIZE, gridAdvance: TABLE_SIZE };
  const headerStyle: TextStyle = { metrics: fonts.heading, size: TABLE_SIZE, gridAdvance: TABLE_SIZE };
  const pageNumberStyle: TextStyle = { metrics: fonts.body, size: SIZE.pageNumber, gridAdvance: SIZE.pageNumber };

  const pages: PageBuild[] = [];
  let page: PageBuild = { lines: [], cells: [], rules: [] };
  let top = TYPE_AREA.top;
  const newPage = () => {
    pages.push(page);
    page = { lines: [], cells: [], rules: [] };
    top = TYPE_AREA.top;
  };
  const room = () => top - TYPE_AREA.bottom;

  /** A row of the letter's grid; `drop` lowers a title's glyphs, which would rise above the type area. */
  const gridRow = (line: ProgressLine | null, size: number, drop = 0) => {
    if (room() < GRID.pitch - 0.01) newPage();
    if (line !== null) page.lines.push(at(line, top - GRID.pitch / 2 - 0.38 * size - drop));
    top -= GRID.pitch;
  };
  /** `ragged` for a list entry whose long hash or file name would leave wide holes in a justified line. */
  const paragraph = (text: string, style: TextStyle, indentCells: number, ragged = false): ProgressLine[] =>
    breakParagraph(text, style, { width: TYPE_AREA.width, firstIndent: indentCells * GRID.cell, indent: 0 }).map((line) => ({
      text: line.text,
      runs: lineRuns(line.text, TYPE_AREA.left + line.indent, 0, stylesFrom(style, line.start), { width: TYPE_AREA.width - line.indent, justify: line.justify && !ragged }),
    }));
  /** A paragraph's lines on grid rows: one that breaks across pages leaves no single line on either side. */
  const flow = (lines: readonly ProgressLine[], size: number) => {
    let from = 0;
    while (from < lines.length) {
      const rest = lines.length - from;
      const take = splitAt(rest, Math.floor((room() + 0.01) / GRID.pitch));
      for (const line of lines.slice(from, from + take)) gridRow(line, size);
      from += take;
      if (from < lines.length) newPage();
    }
  };
  // Title and particulars.
  const periodWords = periodText(period);
  const tail = t('pdf.progress.title', { what: periodWords });
  const titleRows = reportTitleLines(letterTitle, tail, report.person?.name ?? report.unit.name, titleStyle);
  for (const text of titleRows) {
    const x = TYPE_AREA.left + (TYPE_AREA.width - measureText(titleStyle, text)) / 2;
    gridRow({ text, runs: lineRuns(text, x, 0, titleStyle) }, SIZE.title, TITLE_DROP);
  }
  gridRow(null, SIZE.body);
  // As the letter names them: a personal letter's unit is where the person works.
  const particulars = [
    ...(report.person ? [t('pdf.person', { name: report.person.name }), t('pdf.person.unit', { value: report.unit.name })] : [t('pdf.unit', { value: report.unit.name })]),
    t('pdf.credit-code', { value: report.unit.creditCode }),
    t('pdf.progress.submission-id', { id: report.submissionId }),
    t('pdf.progress.period', { what: periodWords }),
    ...(report.date ? [dateLine(report.date)] : []),
  ];
  for (const text of particulars) flow(paragraph(text, body, 0), SIZE.body);
  top -= GRID.pitch / 2;

  // The table.
  const cols = columns();
  const headerLines = cols.map((column) => cellLines(t(HEADER_KEYS[column.key]), column, headerStyle));
  const headerHeight = Math.max(1, ...headerLines.map((lines) => lines.length)) * CELL_PITCH + 2 * PAD_Y;
  let tableTop = top;

  /** Places `count` lines of each cell from line `from` as one row part at `top`. */
  const placeRow = (row: number | 'header', lines: readonly (readonly ProgressLine[])[], from: number, count: number) => {
    const height = count * CELL_PITCH + 2 * PAD_Y;
    cols.forEach((column, c) => {
      const part = (lines[c] ?? []).slice(from, from + count);
      page.cells.push({
        row,
        column: column.key,
        box: { x: column.x, y: top - height, width: column.width, height },
        textX: column.x + PAD_X,
        textWidth: column.width - 2 * PAD_X,
        lines: part.map((line, i) => at(line, top - PAD_Y - i * CELL_PITCH - CELL_PITCH / 2 - 0.38 * TABLE_SIZE)),
      });
    });
    top -= height;
    page.rules.push({ x1: TYPE_AREA.left, y1: top, x2: TYPE_AREA.right, y2: top });
  };
  const openTable = () => {
    tableTop = top;
    page.rules.push({ x1: TYPE_AREA.left, y1: top, x2: TYPE_AREA.right, y2: top });
    placeRow('header', headerLines, 0, Math.max(1, ...headerLines.map((lines) => lines.length)));
  };
  const closeTable = () => {
    for (const x of [...cols.map((column) => column.x), TYPE_AREA.right]) page.rules.push({ x1: x, y1: tableTop, x2: x, y2: top });
  };
  const linesRoom = () => Math.floor((room() - 2 * PAD_Y + 0.01) / CELL_PITCH);

  const rows = report.items.map((item) => {
    const texts = cellTexts(item);
    return { item, lines: cols.map((column) => cellLines(texts[column.key], column, cellStyle)) };
  });
  const lineCount = (lines: readonly (readonly ProgressLine[])[]) => Math.max(1, ...lines.map((cell) => cell.length));
  // The header row never stands alone at the foot of a page: the first row, or its first part, comes with it.
  const firstLines = lineCount(rows[0]?.lines ?? []);
  const firstPart = firstLines >= 2 * KEEP_LINES ? KEEP_LINES : firstLines;
  if (room() + 0.01 < headerHeight + firstPart * CELL_PITCH + 2 * PAD_Y) newPage();
  openTable();
  for (const { item, lines } of rows) {
    const total = lineCount(lines);
    let from = 0;
    while (from < total) {
      const take = splitAt(total - from, linesRoom());
      if (take > 0) placeRow(item.number, lines, from, take);
      from += take;
      if (from >= total) break;
      closeTable();
      newPage();
      openTable();
    }
  }
  closeTable();
  top -= GRID.pitch / 2;

  // After the table: what the report holds, and only that.
  const counts = ITEM_STATUSES.map((status) => [status, report.items.filter((item) => item.status === status).length] as const).filter(([, count]) => count > 0);
  const list = counts.map(([status, count]) => t('pdf.progress.summary.status', { status, count })).join(t('pdf.progress.summary.separator'));
  flow(paragraph(t('pdf.progress.summary', { total: report.items.length, list }), body, 2), SIZE.body);

  /** A heading never ends a page: it stays with the first line under it. */
  const headed = (label: string, paragraphs: readonly string[], ragged = false) => {
    const labelLines = paragraph(label, heading, 2);
    const bodies = paragraphs.map((text) => paragraph(text, body, 2, ragged));
    const first = bodies[0]?.length ?? 0;
    if (room() + 0.01 < (labelLines.length + Math.min(first, KEEP_LINES)) * GRID.pitch) newPage();
    flow(labelLines, SIZE.body);
    for (const lines of bodies) flow(lines, SIZE.body);
  };
  if (report.evidence.length > 0) {
    headed(
      t('pdf.progress.evidence'),
      report.evidence.map((file, i) =>
        t('pdf.progress.evidence.file', {
          n: i + 1,
          name: file.name,
          size: formatSize(file.size),
          sha256: file.sha256.slice(0, 16),
          what: file.item === undefined ? t('pdf.progress.evidence.whole') : t('pdf.progress.evidence.item', { n: file.item }),
        }),
      ),
      true,
    );
  }
  if (period.kind === 'year' && report.accountability) {
    headed(t('pdf.progress.accountability'), report.accountability.split('\n').filter((text) => text.trim() !== ''));
  }
  pages.push(page);

  return {
    width: PAGE.width,
    height: PAGE.height,
    pages: pages.map((built, index) => ({ ...built, pageNumber: pageNumberLine(index, pageNumberStyle) })),
    info: {
      title: letterTitle + tail,
      author: report.person?.name ?? report.unit.name,
      subject: t('pdf.progress.subject', { year: report.year }),
      date: report.date ?? periodEnd(period),
    },
  };
}

/**
 * How many of `rest` lines to set where `fit` lines still go: all when they fit; else as many as
 * leave at least two for the next page, if at least two go here; else none, and all go on.
 */
function splitAt(rest: number, fit: number): number {
  if (rest <= fit) return rest;
  const take = Math.min(fit, rest - KEEP_LINES);
  return take >= Math.min(rest, KEEP_LINES) ? take : 0;
}

/**
 * The report's title on one line when it fits; otherwise the letter's title broken as the letter
 * breaks it (after the unit's or person's name), and the report's own words on lines of their own,
 * so no line joins the end of one to the start of the other.
 */
function reportTitleLines(letterTitle: string, tail: string, name: string, style: TextStyle): string[] {
  const whole = letterTitle + tail;
  if (measureText(style, whole) <= TYPE_AREA.width + 0.01) return [whole];
  return [...titleLines(letterTitle, name, style, TYPE_AREA.width), ...titleLines(tail, '', style, TYPE_AREA.width)];
}

function dateLine(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return t('pdf.progress.date', { year: year ?? '', month: month ?? '', day: day ?? '' });
}

/** As the letter: odd pages at the right, even pages at the left, one character in, 7 mm below the type area. */
function pageNumberLine(index: number, style: TextStyle): ProgressLine {
  const text = t('pdf.page-number', { n: index + 1 });
  const width = measureText(style, text);
  const x = index % 2 === 0 ? TYPE_AREA.right - style.size - width : TYPE_AREA.left + style.size;
  const y = TYPE_AREA.bottom - PAGE_NUMBER_GAP - 0.88 * style.size;
  return { text, runs: lineRuns(text, x, y, style) };
}
