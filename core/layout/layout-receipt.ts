import { formatBeijingTime } from '../i18n/beijing-time';
import { t, type MessageKey } from '../i18n/translate';
import type { Receipt } from '../protocol/reference-protocol';
import { breakParagraph } from './break-lines';
import type { FontMetricsSet } from './font-metrics';
import { lineRuns } from './line-runs';
import { GRID, PAGE, SIZE, TYPE_AREA } from './page-geometry';
import type { TextRun } from './page-plan';
import { measureText, type TextStyle } from './text-measure';

/** What a printed receipt states: the unit as the package's manifest names it, and the platform's receipt. */
export interface ReceiptFacts {
  readonly unitName: string;
  readonly creditCode: string;
  readonly year: number;
  readonly receipt: Receipt;
}

/** One line of the receipt: what it says (for tests and text checks) and how it is drawn. */
export interface ReceiptLine {
  readonly text: string;
  readonly runs: readonly TextRun[];
}

/** A horizontal rule across the type area, at height `y`. */
export interface ReceiptRule {
  readonly y: number;
}

/** The one page of a receipt (回执单), laid out like the letter: same page, type area, grid and faces. */
export interface ReceiptPlan {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly ReceiptLine[];
  readonly rules: readonly ReceiptRule[];
  readonly info: { readonly title: string; readonly author: string; readonly subject: string; readonly receivedAt: string };
}

/** Cells of the label column: the longest label, "所更正的提交编号：", is nine characters, and one to breathe. */
const LABEL_CELLS = 10;

/**
 * Lays out a receipt on one A4 page in the letter's style: the title in the title face, then
 * label and value rows (labels in the heading face), then a note. Rows sit on the letter's grid;
 * in the rare receipt with more rows than a page holds (a very long unit name) the rows close up
 * so it stays one page.
 *
 * @example layoutReceipt({ unitName, creditCode, year: 2026, receipt }, metrics).lines[0].text // '政务诚信承诺书报送回执单'
 */
export function layoutReceipt(facts: ReceiptFacts, fonts: FontMetricsSet): ReceiptPlan {
  const title: TextStyle = { metrics: fonts.title, size: SIZE.title, gridAdvance: SIZE.title };
  const body: TextStyle = { metrics: fonts.body, size: SIZE.body, gridAdvance: GRID.cell };
  const label: TextStyle = { metrics: fonts.heading, size: SIZE.body, gridAdvance: GRID.cell };
  const { receipt } = facts;

  /** A stretch of a row set in one role from `x`. */
  /** `width`, where given, is the room a broken line has: one holding a closed-up punctuation pair is set to it. */
  type Part = { readonly text: string; readonly x: number; readonly style: TextStyle; readonly width?: number };
  const rows: (readonly Part[] | 'blank' | 'rule')[] = [];
  const titleText = t('pdf.receipt.title');
  rows.push([{ text: titleText, x: TYPE_AREA.left + (TYPE_AREA.width - measureText(title, titleText)) / 2, style: title }], 'rule');

  const fields: [MessageKey, string | undefined][] = [
    ['pdf.receipt.unit', facts.unitName],
    ['pdf.receipt.credit-code', facts.creditCode],
    ['pdf.receipt.year', t('pdf.receipt.year-value', { year: facts.year })],
    ['pdf.receipt.submission-id', receipt.submissionId],
    ['pdf.receipt.supersedes', receipt.supersedes],
    ['pdf.receipt.commitment-code', receipt.commitmentCode],
    ['pdf.receipt.receipt-id', receipt.receiptId],
    ['pdf.receipt.received-at', formatBeijingTime(receipt.receivedAt)],
    ['pdf.receipt.sha256', receipt.sha256],
  ];
  const valueX = TYPE_AREA.left + LABEL_CELLS * GRID.cell;
  const valueWidth = TYPE_AREA.width - LABEL_CELLS * GRID.cell;
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    const labelText = t(key) + t('pdf.receipt.separator');
    breakParagraph(value, body, { width: valueWidth, firstIndent: 0, indent: 0 }).forEach((line, i) => {
      const valuePart: Part = { text: line.text, x: valueX, style: body, width: valueWidth };
      rows.push(i === 0 ? [{ text: labelText, x: TYPE_AREA.left, style: label }, valuePart] : [valuePart]);
    });
  }
  rows.push('rule', 'blank');
  for (const line of breakParagraph(t('pdf.receipt.note'), body, { width: TYPE_AREA.width, firstIndent: 2 * GRID.cell, indent: 0 })) {
    rows.push([{ text: line.text, x: TYPE_AREA.left + line.indent, style: body, width: TYPE_AREA.width - line.indent }]);
  }

  // A rule takes half a row: it separates, it is not a line of text.
  const height = rows.reduce((sum, row) => sum + (row === 'rule' ? 0.5 : 1), 0);
  const pitch = Math.min(GRID.pitch, TYPE_AREA.height / height);
  const lines: ReceiptLine[] = [];
  const rules: ReceiptRule[] = [];
  let top = TYPE_AREA.top;
  for (const row of rows) {
    if (row === 'rule') {
      rules.push({ y: top - pitch / 4 });
      top -= pitch / 2;
      continue;
    }
    if (row !== 'blank') {
      // As in the letter: the ideographic em box centred in its row.
      const y = top - pitch / 2 - 0.38 * Math.max(...row.map((part) => part.style.size));
      lines.push({ text: row.map((part) => part.text).join(''), runs: row.flatMap((part) => lineRuns(part.text, part.x, y, part.style, part.width === undefined ? undefined : { width: part.width, justify: false })) });
    }
    top -= pitch;
  }
  return {
    width: PAGE.width,
    height: PAGE.height,
    lines,
    rules,
    info: { title: titleText, author: facts.unitName, subject: t('pdf.receipt.subject', { year: facts.year }), receivedAt: receipt.receivedAt },
  };
}
