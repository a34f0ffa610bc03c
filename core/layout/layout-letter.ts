import { t } from '../i18n/translate';
import type { Letter } from '../letter/letter-schema';
import { breakParagraph } from './break-lines';
import type { FontRole } from '../fonts/font-roles';
import type { FontMetricsSet } from './font-metrics';
import { letterBlocks, type Block, type FontSpan } from './letter-blocks';
import { lineRuns } from './line-runs';
import { baselineOf, GRID, PAGE, PAGE_NUMBER_GAP, SIZE, TYPE_AREA } from './page-geometry';
import type { LineRole, PagePlan, PlanLine, PlanPage, Rect, SignaturePlan, TextRun } from './page-plan';
import { measureText, stylesFrom, type TextStyle, type TextStyles } from './text-measure';
import { titleLines } from './title-lines';

/**
 * Lays a valid letter out on GB/T 9704 pages: pure, given the fonts' metrics.
 *
 * @example const plan = layoutLetter(letter, metrics); plan.pages.length // 2
 */
export function layoutLetter(letter: Letter, fonts: FontMetricsSet): PagePlan {
  const styles = stylesFor(fonts);
  const rows = letterBlocks(letter).flatMap((block) => (block.kind === 'paragraph' ? paragraphRows(block, styles, fonts) : blockRows(block, styles)));
  const pages = paginate(rows);
  const planPages = pages.map((pageRows, index) => placePage(pageRows, index, styles));
  return {
    width: PAGE.width,
    height: PAGE.height,
    pages: planPages,
    signature: signaturePlan(pages),
    info: {
      title: planPages[0]?.lines.filter((l) => l.role === 'title').map((l) => l.text).join('') ?? '',
      author: letter.kind === 'person' ? letter.person.name : letter.unit.name,
      subject: t('pdf.subject', { year: letter.year }),
      date: letter.date,
    },
  };
}

/** The title at its own size; every other role at the body size on the grid; page numbers in the body face. */
type Styles = Readonly<Record<FontRole | 'pageNumber', TextStyle>>;

function stylesFor(fonts: FontMetricsSet): Styles {
  const onGrid = (metrics: FontMetricsSet[FontRole]): TextStyle => ({ metrics, size: SIZE.body, gridAdvance: GRID.cell });
  return {
    title: { metrics: fonts.title, size: SIZE.title, gridAdvance: SIZE.title },
    body: onGrid(fonts.body),
    heading: onGrid(fonts.heading),
    subheading: onGrid(fonts.subheading),
    pageNumber: { metrics: fonts.body, size: SIZE.pageNumber, gridAdvance: SIZE.pageNumber },
  };
}

/** The style of each offset of a paragraph from its font spans. */
function spanStyles(spans: readonly FontSpan[], styles: Styles): TextStyles {
  if (spans.length === 1) return styles[spans[0]?.role ?? 'body'];
  return (offset) => {
    let role: FontRole = 'body';
    for (const span of spans) if (span.from <= offset) role = span.role;
    return styles[role];
  };
}

/** One grid row before pagination: its runs are placed horizontally, `row` is filled in later. */
interface Row {
  readonly role: LineRole | 'blank';
  readonly text: string;
  /** Runs at y = 0; pagination moves them to their row's baseline. */
  readonly runs: readonly TextRun[];
  readonly keepWithNext?: boolean;
  /** The first row of the signature block, and how many rows the block has. */
  readonly signatureRows?: number;
  readonly signatureField?: { readonly x: number; readonly width: number };
  readonly sealOver?: { readonly cx: number };
}

const BLANK: Row = { role: 'blank', text: '', runs: [] };

function blockRows(block: Block, styles: Styles): Row[] {
  switch (block.kind) {
    case 'blank':
      return [BLANK];
    case 'title':
      return titleLines(block.text, block.name, styles.title, TYPE_AREA.width).map((text) => {
        const x = TYPE_AREA.left + (TYPE_AREA.width - measureText(styles.title, text)) / 2;
        return { role: 'title', text, runs: lineRuns(text, x, 0, styles.title) };
      });
    case 'paragraph': {
      const style = spanStyles(block.fonts, styles);
      const lines = breakParagraph(block.text, style, { width: TYPE_AREA.width, firstIndent: block.indentCells * GRID.cell, indent: 0 });
      return lines.map((line, i) => ({
        role: block.role,
        text: line.text,
        runs: lineRuns(line.text, TYPE_AREA.left + line.indent, 0, stylesFrom(style, line.start), { width: TYPE_AREA.width - line.indent, justify: line.justify }),
        keepWithNext: block.role === 'heading' || (block.role === 'info' && i < lines.length - 1),
      }));
    }
    case 'signature':
      return signatureRows(block, styles.body);
  }
}

/**
 * Paragraphs broken into rows lately, by the fonts they were measured with. The letters of a
 * staff run repeat their statement, items and closing word for word, and the preview lays the
 * same paragraphs out again after every pause in typing; rows depend on nothing but the
 * paragraph and the fonts, and nobody changes them (pagination copies the runs it moves).
 */
const REMEMBERED_PARAGRAPHS = 256;
const rememberedRows = new WeakMap<FontMetricsSet, Map<string, Row[]>>();

function paragraphRows(block: Extract<Block, { kind: 'paragraph' }>, styles: Styles, fonts: FontMetricsSet): Row[] {
  const remembered = rememberedRows.get(fonts) ?? new Map<string, Row[]>();
  rememberedRows.set(fonts, remembered);
  const key = JSON.stringify([block.role, block.indentCells, block.fonts, block.text]);
  let rows = remembered.get(key);
  if (rows) remembered.delete(key); // set again below, as the newest
  else rows = blockRows(block, styles);
  remembered.set(key, rows);
  if (remembered.size > REMEMBERED_PARAGRAPHS) remembered.delete(remembered.keys().next().value as string);
  return rows;
}

/** Signature cells: the signer's label ends at cell 19 and the signing space takes the 8 cells after it. */
const SIGN_FIELD_CELLS = 8;
/** The date stands four characters in from the right edge (GB/T 9704 7.3.5.1). */
const DATE_RIGHT_CELLS = 4;

function signatureRows(block: Extract<Block, { kind: 'signature' }>, style: TextStyle): Row[] {
  const fieldX = TYPE_AREA.right - (SIGN_FIELD_CELLS + 1) * GRID.cell;
  const labelX = fieldX - measureText(style, block.signer);
  const dateRight = TYPE_AREA.right - DATE_RIGHT_CELLS * GRID.cell;
  const dateX = dateRight - measureText(style, block.date);
  const dateCentre = (dateX + dateRight) / 2;
  const rows: Row[] = [
    BLANK,
    {
      role: 'signature',
      text: block.signer,
      runs: lineRuns(block.signer, labelX, 0, style),
      signatureField: { x: fieldX, width: SIGN_FIELD_CELLS * GRID.cell },
    },
    BLANK,
  ];
  if (block.unitLine !== null) {
    // A long unit name wraps onto even lines, centred as one block over the date but never past
    // either edge of the type area; the seal goes over the last of them and the date.
    const lines = titleLines(block.unitLine, block.unitName ?? '', style, TYPE_AREA.width);
    const widest = Math.max(...lines.map((text) => measureText(style, text)));
    const centre = Math.max(TYPE_AREA.left + widest / 2, Math.min(dateCentre, TYPE_AREA.right - widest / 2));
    lines.forEach((text, i) => {
      const x = centre - measureText(style, text) / 2;
      const row: Row = { role: 'signature', text, runs: lineRuns(text, x, 0, style) };
      rows.push(i === lines.length - 1 ? { ...row, sealOver: { cx: dateCentre } } : row);
    });
  }
  rows.push({ role: 'signature', text: block.date, runs: lineRuns(block.date, dateX, 0, style) });
  const [first, ...rest] = rows;
  return [{ ...(first ?? BLANK), signatureRows: rows.length }, ...rest];
}

/** Lines kept before the signature block on its page, so it never stands alone. */
const LINES_BEFORE_SIGNATURE = 2;

function paginate(rows: readonly Row[]): Row[][] {
  const pages: Row[][] = [[]];
  const current = () => pages[pages.length - 1] as Row[];
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as Row;
    if (row.signatureRows !== undefined && current().length + row.signatureRows > GRID.linesPerPage) {
      const page = current();
      while (page.length > 0 && page[page.length - 1]?.role === 'blank') page.pop();
      const carried = page.splice(Math.max(0, page.length - LINES_BEFORE_SIGNATURE));
      pages.push(carried);
    } else if (current().length === GRID.linesPerPage || (row.keepWithNext && current().length === GRID.linesPerPage - 1)) {
      pages.push([]);
    }
    if (row.role === 'blank' && current().length === 0) continue;
    current().push(row);
  }
  return pages;
}

const TITLE_DROP = 0.2 * SIZE.title;

function placePage(rows: readonly Row[], index: number, styles: Styles): PlanPage {
  const lines: PlanLine[] = [];
  rows.forEach((row, r) => {
    if (row.role === 'blank') return;
    // A title's glyph boxes (ascent about 1.15 em) would rise above the type area on the first row.
    const y = baselineOf(r, row.runs[0]?.size ?? SIZE.body) - (row.role === 'title' ? TITLE_DROP : 0);
    lines.push({ row: r, role: row.role, text: row.text, runs: row.runs.map((run) => ({ ...run, y })) });
  });
  return { lines, pageNumber: pageNumberRun(index, styles.pageNumber) };
}

function pageNumberRun(index: number, style: TextStyle): PlanPage['pageNumber'] {
  const text = t('pdf.page-number', { n: index + 1 });
  const width = measureText(style, text);
  const oneChar = style.size;
  // Odd pages carry the number at the right, even pages at the left, one character in.
  const x = index % 2 === 0 ? TYPE_AREA.right - oneChar - width : TYPE_AREA.left + oneChar;
  const y = TYPE_AREA.bottom - PAGE_NUMBER_GAP - 0.88 * style.size;
  return { text, runs: lineRuns(text, x, y, style) };
}

function signaturePlan(pages: readonly Row[][]): SignaturePlan {
  for (let page = 0; page < pages.length; page += 1) {
    const rows = pages[page] as Row[];
    const signerRow = rows.findIndex((r) => r.signatureField !== undefined);
    if (signerRow < 0) continue;
    const field = (rows[signerRow] as Row).signatureField as { x: number; width: number };
    const baseline = baselineOf(signerRow, SIZE.body);
    const rect: Rect = { x: field.x, y: baseline - 0.35 * GRID.pitch, width: field.width, height: 1.5 * GRID.pitch };
    const sealRow = rows.findIndex((r) => r.sealOver !== undefined);
    if (sealRow < 0) return { page, field: rect };
    const cx = (rows[sealRow] as Row).sealOver?.cx ?? 0;
    // A 42 mm seal centred between the unit line and the date line.
    const cy = (baselineOf(sealRow, SIZE.body) + baselineOf(sealRow + 1, SIZE.body)) / 2 + 0.38 * SIZE.body;
    return { page, field: rect, seal: { cx, cy, r: 21 * (72 / 25.4) } };
  }
  throw new Error('layoutLetter: the signature block was not placed');
}
