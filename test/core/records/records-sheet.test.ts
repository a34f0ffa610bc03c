import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { commitmentRecord, receivedRecord } from '../../../core/records/commitment-record';
import { COMMITMENT_FIELD_NAMES } from '../../../core/records/national-template';
import { recordsCsv, recordsXlsx } from '../../../core/records/records-sheet';
import { ID_NUMBER, personLetter, receiptFor, unitLetter } from './record-letters';

const unit = unitLetter();
const records = [receivedRecord(commitmentRecord(unit), receiptFor(unit)), commitmentRecord(personLetter(ID_NUMBER))];
const cells = (record: (typeof records)[number]) => COMMITMENT_FIELD_NAMES.map((name) => (record as Record<string, string>)[name] ?? '');

describe('the records as a sheet for a platform’s batch import', () => {
  it('writes an .xlsx that another reader (exceljs) reads back as text, every digit kept', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await recordsXlsx(records)).slice().buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('信用承诺');
    const rows = [1, 2, 3].map((n) => sheet.getRow(n));
    const values = rows.map((row) => COMMITMENT_FIELD_NAMES.map((_, i) => row.getCell(i + 1).value ?? ''));
    expect(values).toEqual([[...COMMITMENT_FIELD_NAMES], cells(records[0]!), cells(records[1]!)]);
    expect(sheet.rowCount).toBe(3);
    for (const row of rows) {
      row.eachCell({ includeEmpty: false }, (cell) => {
        expect(cell.type, cell.address).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt, cell.address).toBe('@');
      });
    }
    expect(values[1]![0]).toMatch(/^\d{20}$/);
    expect(values[2]![3]).toBe(ID_NUMBER);
    expect(values[1]![8]).toBe(unit.date);
  });

  it('writes a .csv in UTF-8 with a BOM that csv-parse reads back to the same rows', () => {
    const bytes = recordsCsv(records);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text).toContain('\r\n');
    expect(parse(text, { bom: true })).toEqual([[...COMMITMENT_FIELD_NAMES], cells(records[0]!), cells(records[1]!)]);
  });
});
