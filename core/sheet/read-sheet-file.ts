import { CsvSyntaxError, csvRows } from './csv-rows';
import type { SheetRows } from './sheet-cell';
import { xlsxRows } from './xlsx-rows';

/**
 * The rows of a spreadsheet file, or why there are none. The reason is left unworded: the app and
 * the platform each say it in their own catalogue, about their own kind of list.
 */
export type SheetFileReading =
  | { readonly ok: true; readonly rows: SheetRows }
  /** `unreadable`: not a workbook (damaged, or with a password); `old-excel`: an .xls; `unknown-format`: neither .xlsx nor .csv. */
  | { readonly ok: false; readonly reason: 'unreadable' | 'old-excel' | 'unknown-format' }
  /** `line`: where the CSV parser gave up (an unclosed quote). */
  | { readonly ok: false; readonly reason: 'bad-csv'; readonly line: number };

export type SheetFileProblem = Exclude<SheetFileReading, { ok: true }>;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads an .xlsx (its first sheet) or a .csv file. The name's extension decides, except that a ZIP
 * under another name is tried as a workbook (a download saved without its extension). Never throws
 * for what the file holds.
 */
export async function readSheetFile(bytes: Uint8Array, fileName: string): Promise<SheetFileReading> {
  const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase();
  const zipped = ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
  if (extension === 'xlsx' || (extension !== 'csv' && zipped)) {
    try {
      return { ok: true, rows: await xlsxRows(bytes) };
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
  }
  if (extension === 'xls') return { ok: false, reason: 'old-excel' };
  if (extension !== 'csv') return { ok: false, reason: 'unknown-format' };
  try {
    return { ok: true, rows: csvRows(bytes) };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, reason: 'bad-csv', line: error.line };
    throw error;
  }
}
