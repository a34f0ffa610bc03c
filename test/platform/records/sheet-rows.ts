import ExcelJS from 'exceljs';
import { expect } from 'vitest';

/**
 * An exported sheet read back with exceljs, not the writer's own library: every row's cells as
 * text, checking on the way that each is a text cell in Excel's text format (an empty one as '').
 */
export async function xlsxRows(bytes: Uint8Array, columns: readonly string[]): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  expect(book.worksheets).toHaveLength(1);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let column = 1; column <= columns.length; column++) {
      const cell = row.getCell(column);
      expect(cell.numFmt, cell.address).toBe('@');
      // An empty field (未履行的承诺内容 when all was kept) is a text-formatted cell without a value.
      if (cell.type === ExcelJS.ValueType.Null) cells.push('');
      else {
        expect(cell.type, cell.address).toBe(ExcelJS.ValueType.String);
        cells.push(cell.value as string);
      }
    }
    rows.push(cells);
  });
  return rows;
}

/** A row as a record keyed by the template's field names. */
export function recordOf(columns: readonly string[], cells: readonly string[]): Record<string, string> {
  return Object.fromEntries(columns.map((name, i) => [name, cells[i]!]));
}

/** A command's standard output or error, as text. */
export class Collected {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}
