import { readSheet } from 'read-excel-file/node';
import type { NumberCell, SheetCell, SheetRows } from './sheet-cell';

/**
 * The first sheet of an .xlsx file. Number cells come back as the text the file stores
 * (`parseNumber`), so an 18-digit code is never rounded through a JavaScript number; dates and
 * booleans become the text they stand for. Throws for anything that is not a readable workbook.
 */
export async function xlsxRows(bytes: Uint8Array): Promise<SheetRows> {
  const data = await readSheet<NumberCell>(Buffer.from(bytes), { parseNumber: (text) => ({ number: text }), trim: false });
  return data.map((row) => row.map(sheetCell));
}

function sheetCell(cell: unknown): SheetCell {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object' && 'number' in cell) return cell as NumberCell;
  return String(cell);
}
