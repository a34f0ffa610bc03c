import { stringify } from 'csv-stringify/browser/esm/sync';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { CommitmentRecord } from './commitment-record';
import { FULFILMENT_FIELD_NAMES, type FulfilmentRecord } from './fulfilment-record';
import { COMMITMENT_FIELD_NAMES } from './national-template';

/** Which of the template's two records a sheet holds: its columns in order, their widths and the sheet's name. */
export interface RecordSheet {
  readonly names: readonly string[];
  /** Wide enough to read a code whole; the long texts wrap in Excel anyway. */
  readonly widths: readonly number[];
  readonly sheet: string;
}

export const COMMITMENT_SHEET: RecordSheet = { names: COMMITMENT_FIELD_NAMES, widths: [24, 30, 18, 22, 12, 36, 60, 40, 14, 14, 30, 22, 16, 40], sheet: '信用承诺' };
export const FULFILMENT_SHEET: RecordSheet = { names: FULFILMENT_FIELD_NAMES, widths: [24, 14, 60, 60, 20, 30, 22], sheet: '信用承诺履行' };

/** A record of either kind, keyed by the template's field names. */
export type SheetRecord = CommitmentRecord | FulfilmentRecord;

/** The rows a platform's batch import reads: the template's field names, then one record a row, absent fields empty. */
function rows(records: readonly SheetRecord[], kind: RecordSheet): string[][] {
  const values = (record: SheetRecord) => kind.names.map((name) => (record as Readonly<Record<string, string | undefined>>)[name] ?? '');
  return [[...kind.names], ...records.map(values)];
}

/**
 * The records as the .xlsx a city platform's batch import takes: a header row of the template's
 * field names in its order, then one record a row. Every cell is text (format `@`), so that an
 * 18-character code and a 20-digit 承诺编码 keep every digit and a date stays `YYYY-MM-DD` as written.
 * Through write-excel-file's universal entry, so the page can build it as well as Node.
 */
export async function recordsXlsx(records: readonly SheetRecord[], kind: RecordSheet = COMMITMENT_SHEET): Promise<Uint8Array> {
  const text = (value: string): Cell => ({ value, type: String, format: '@', wrap: false });
  const data: SheetData = rows(records, kind).map((row, index) => row.map((value) => (index === 0 ? { ...text(value), fontWeight: 'bold' } : text(value))));
  // The element type is spelled out: core's lib (ES2023 only) does not declare Blob.
  const blob: { arrayBuffer(): Promise<ArrayBuffer> } = await writeXlsxFile(data, {
    sheet: kind.sheet,
    columns: kind.widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** The same rows as CSV: UTF-8 with a BOM, which Excel needs to read Chinese from a .csv, and CRLF line ends as Excel writes them. */
export function recordsCsv(records: readonly SheetRecord[], kind: RecordSheet = COMMITMENT_SHEET): Uint8Array {
  return new TextEncoder().encode(stringify(rows(records, kind), { bom: true, record_delimiter: 'windows' }));
}
