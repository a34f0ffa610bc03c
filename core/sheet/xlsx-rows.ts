import { readSheet } from 'read-excel-file/universal';
import { firstSheetMerges, withMergesFilled } from './merged-cells';
import type { NumberCell, SheetCell, SheetRows } from './sheet-cell';

/**
 * The first sheet of an .xlsx file, through read-excel-file's universal entry (no Node streams, so
 * the same code runs in the app's page and on the platform). Number cells come back as the text the
 * file stores (`parseNumber`), so an 18-digit code is never rounded through a JavaScript number;
 * dates and booleans become the text they stand for; a merged block's value is in each of its cells.
 * Throws for anything that is not a readable workbook.
 */
export async function xlsxRows(bytes: Uint8Array): Promise<SheetRows> {
  // A copy: the reader wants an ArrayBuffer of its own, and a Node Buffer is a view into a shared pool.
  const data = await readSheet<NumberCell>(new Uint8Array(bytes).buffer, { parseNumber: (text) => ({ number: text }), trim: false });
  return withMergesFilled(
    data.map((row) => row.map(sheetCell)),
    firstSheetMerges(bytes),
  );
}

function sheetCell(cell: unknown): SheetCell {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object' && 'number' in cell) return cell as NumberCell;
  return String(cell);
}
