import { describe, expect, it } from 'vitest';
import { readSheetFile } from '../../../core/sheet/read-sheet-file';
import { gb18030Csv, utf8Csv, xlsxFile } from './sheet-files';

describe('readSheetFile', () => {
  it('reads an .xlsx through the universal entry, a number cell as the digits the file stores, blanks as null', async () => {
    const bytes = await xlsxFile([
      ['名单', null],
      ['姓名', { value: 110105194912310020, type: Number }],
      [{ value: '王敏', type: String }, { value: new Date(Date.UTC(2026, 2, 1)), type: Date, format: 'yyyy-mm-dd' }],
    ]);
    const reading = await readSheetFile(bytes, '名单.xlsx');
    expect(reading).toEqual({ ok: true, rows: [['名单', null], ['姓名', { number: '110105194912310020' }], ['王敏', '2026-03-01']] });
  });

  it('reads a Node Buffer that is a view into a larger pool', async () => {
    const file = await xlsxFile([['姓名']]);
    const pool = new Uint8Array(file.length + 16);
    pool.set(file, 8);
    expect(await readSheetFile(pool.subarray(8, 8 + file.length), 'a.xlsx')).toEqual({ ok: true, rows: [['姓名']] });
  });

  it('reads the same rows from a UTF-8 CSV with a BOM and a GB18030 one, quotes and embedded line breaks kept', async () => {
    const rows = [['姓名', '职务'], ['王敏', '副主任，兼\n窗口负责人']];
    expect(await readSheetFile(utf8Csv(rows), 'a.csv')).toEqual({ ok: true, rows });
    expect(await readSheetFile(gb18030Csv(rows), 'A.CSV')).toEqual({ ok: true, rows });
  });

  it('tries a ZIP under a name without .xlsx as a workbook', async () => {
    expect(await readSheetFile(await xlsxFile([['姓名']]), 'download')).toEqual({ ok: true, rows: [['姓名']] });
  });

  it('answers the reason, unworded, for what it cannot read', async () => {
    const text = (value: string) => new TextEncoder().encode(value);
    expect(await readSheetFile(text('not a workbook'), 'bad.xlsx')).toEqual({ ok: false, reason: 'unreadable' });
    expect(await readSheetFile(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0), 'old.XLS')).toEqual({ ok: false, reason: 'old-excel' });
    expect(await readSheetFile(text('{}'), 'list.json')).toEqual({ ok: false, reason: 'unknown-format' });
    expect(await readSheetFile(text('姓名,职务\n王敏,科员\n"李,1\n'), 'open.csv')).toEqual({ ok: false, reason: 'bad-csv', line: 3 });
  });
});
