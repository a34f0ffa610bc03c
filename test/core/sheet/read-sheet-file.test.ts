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

describe('readSheetFile: merged cells', () => {
  it('puts a merged block’s value in each of its cells, and leaves the rows a merge runs past without cells of their own blank', async () => {
    const bytes = await xlsxFile([
      [{ value: '名单', columnSpan: 3 }, null, null],
      ['姓名', '科室', '岗位类别'],
      ['王敏', { value: '便民服务中心', rowSpan: 3 }, { value: '窗口服务', rowSpan: 2 }],
      ['李强', null, null],
      ['赵丽', null, '其他'],
      ['孙强', { value: '党政办', rowSpan: 3 }, '其他'],
      [null, null, null],
      ['周敏', null, '其他'],
    ]);
    const reading = await readSheetFile(bytes, '名单.xlsx');
    expect(reading.ok && reading.rows.slice(0, 5)).toEqual([
      ['名单', '名单', '名单'],
      ['姓名', '科室', '岗位类别'],
      ['王敏', '便民服务中心', '窗口服务'],
      ['李强', '便民服务中心', '窗口服务'],
      ['赵丽', '便民服务中心', '其他'],
    ]);
    expect(reading.ok && reading.rows.slice(5)).toEqual([
      ['孙强', '党政办', '其他'],
      [null, null, null],
      ['周敏', '党政办', '其他'],
    ]);
  });
});
