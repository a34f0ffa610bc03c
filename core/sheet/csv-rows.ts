// The browser build: the plain `csv-parse/sync` entry needs Node's global Buffer, this one brings its own.
import { parse } from 'csv-parse/browser/esm/sync';
import type { SheetRows } from './sheet-cell';

/**
 * The records of a .csv file, one per spreadsheet row (a quoted cell may span lines, as Excel
 * writes it). Excel on a Chinese Windows saves "CSV" in GB18030 (GBK) and "CSV UTF-8" with a BOM:
 * bytes that are valid UTF-8 are read as UTF-8, anything else as GB18030. Throws a
 * {@link CsvSyntaxError} for a file the parser cannot split.
 */
export function csvRows(bytes: Uint8Array): SheetRows {
  const text = decodeText(bytes);
  try {
    return parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    throw new CsvSyntaxError(typeof lines === 'number' ? lines : 1);
  }
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV syntax error near line ${line}`);
  }
}

/** TextDecoder as Node and every browser have it; core's own lib (ES2023 only) does not declare it. */
type DecoderClass = new (label: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };
const Decoder = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;

function decodeText(bytes: Uint8Array): string {
  // Excel's "Unicode 文本" is UTF-16 with a BOM; cheap to accept, and GB18030 would garble it.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new Decoder('utf-16le').decode(bytes);
  try {
    return new Decoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new Decoder('gb18030').decode(bytes);
  }
}

/** Commas, unless the file has none and uses tabs (Excel's tab-separated text saved under a .csv name). */
function delimiterOf(text: string): string {
  return !text.includes(',') && text.includes('\t') ? '\t' : ',';
}
