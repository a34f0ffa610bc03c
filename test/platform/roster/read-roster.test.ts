import { describe, expect, it } from 'vitest';
import { readRosterFile } from '../../../platform/roster/read-roster';
import { rosterFromRows } from '../../../platform/roster/roster-rows';
import { gb18030Csv, utf8Csv, xlsxFile } from '../../core/sheet/sheet-files';

/** Invented units of 青山县; every code passes GB 32100 unless a test says otherwise. */
const CENTRE = { creditCode: '122399214012770352', name: '青山县政务服务中心', district: '青山县', type: '事业单位' };
const REFORM = { creditCode: '112399210035830292', name: '青山县发展和改革局', district: '青山县', type: '机关' };
const SCHOOL = { creditCode: '12239921MB1234562B', name: '青山县第一中学', district: '东城区', type: '事业单位' };
const BUREAU = { creditCode: '11239921401277027A', name: '东城区财政局', district: '东城区', type: '机关' };
const HEADER = ['单位名称', '统一社会信用代码', '所属区县', '单位类型'];
const row = (unit: typeof CENTRE) => [unit.name, unit.creditCode, unit.district, unit.type];

describe('readRosterFile: good rows', () => {
  it('reads an .xlsx with title rows above a header in its own order, variant titles and extra columns, and trims every cell', async () => {
    const file = await xlsxFile([
      ['青山县 2026 年度政务诚信承诺单位名单', null, null, null, null],
      ['（县委编办 2026 年 3 月）', null, null, null, null],
      ['序号', '类型', '\u3000统一社会 信用代码（18 位） ', '*单位名称', '所属区（县）', '备注'],
      [1, '事业单位', CENTRE.creditCode, `\u3000${CENTRE.name} `, '青山县', ''],
      [2, '机关', ` ${REFORM.creditCode.toLowerCase()}`, REFORM.name, '青山县 ', '已撤并'],
      [3, '事业单位', '１２２３９９２１ＭＢ１２３４５６２Ｂ', SCHOOL.name, '东城区', null],
    ]);
    expect(await readRosterFile(file, '名单.xlsx')).toEqual({ units: [CENTRE, REFORM, SCHOOL], refused: [] });
  });

  it('reads a CSV saved by Excel as UTF-8 with a BOM, and one saved as GB18030 (GBK), to the same units', async () => {
    const rows = [['青山县单位名单', '', '', ''], HEADER, row(CENTRE), row(BUREAU)];
    const gbkBytes = gb18030Csv(rows);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkBytes)).toThrow();
    const utf8 = await readRosterFile(utf8Csv(rows), 'roster.csv');
    const gbk = await readRosterFile(gbkBytes, 'ROSTER.CSV');
    expect(utf8).toEqual({ units: [CENTRE, BUREAU], refused: [] });
    expect(gbk).toEqual(utf8);
  });

  it('reads Excel’s “Unicode 文本” (UTF-16 with a BOM, tab-separated) saved under a .csv name', async () => {
    const text = `\uFEFF${[HEADER, row(SCHOOL)].map((cells) => cells.join('\t')).join('\r\n')}`;
    const bytes = Uint8Array.from([...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]));
    expect(await readRosterFile(bytes, 'roster.csv')).toEqual({ units: [SCHOOL], refused: [] });
  });

  it('undoes the ways people force a code to stay text in a CSV (="…", a leading apostrophe)', async () => {
    const rows = [HEADER, [CENTRE.name, `="${CENTRE.creditCode}"`, CENTRE.district, CENTRE.type], [REFORM.name, `'${REFORM.creditCode}`, REFORM.district, REFORM.type]];
    expect((await readRosterFile(utf8Csv(rows), 'roster.csv')).units).toEqual([CENTRE, REFORM]);
  });

  it('keeps a header with no rows under it as an empty roster, and skips a template’s rows that hold only their 序号', async () => {
    expect(await readRosterFile(await xlsxFile([HEADER]), 'empty.xlsx')).toEqual({ units: [], refused: [] });
    const numbered = await xlsxFile([['序号', ...HEADER, '备注'], [1, ...row(CENTRE), null], [2, null, null, null, null, null], [3, null, null, null, null, '空行']]);
    expect(await readRosterFile(numbered, 'template.xlsx')).toEqual({ units: [CENTRE], refused: [] });
  });
});

describe('readRosterFile: refused rows, named as the spreadsheet numbers them', () => {
  it('names the 12th row of a sheet with two title rows and blank rows as 第 12 行, and skips blank rows silently', async () => {
    const blank = [null, null, null, null];
    const file = await xlsxFile([
      ['青山县单位名单', null, null, null],
      ['单位：个', null, null, null],
      HEADER,
      row(CENTRE),
      blank,
      row(REFORM),
      ['', '   ', '　', ''],
      row(SCHOOL),
      blank,
      blank,
      row(BUREAU),
      ['青山县市场监督管理局', '122399214012770353', '青山县', '机关'],
    ]);
    const { units, refused } = await readRosterFile(file, '名单.xlsx');
    expect(units).toEqual([CENTRE, REFORM, SCHOOL, BUREAU]);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.row).toBe(12);
    expect(refused[0]!.message).toMatch(/^第 12 行：统一社会信用代码“122399214012770353”校验位不符：.*第 18 位改为“2”/u);
  });

  it('refuses each kind of bad row with its reason, and keeps the good ones', async () => {
    const file = await xlsxFile([
      HEADER,
      row(CENTRE), // 2
      ['青山县审计局', '12239921401277035', '青山县', '机关'], // 3: 17 characters
      ['', REFORM.creditCode, '青山县', '机关'], // 4: no name
      ['青山县统计局', BUREAU.creditCode, '', ''], // 5: no district, no type
      ['青山县医保局', '', '青山县', '机关'], // 6: no code
      ['青山县水利局', 'I22399214012770352', '青山县', '机关'], // 7: a letter the code never uses
      row(SCHOOL), // 8
    ]);
    const { units, refused } = await readRosterFile(file, '名单.xlsx');
    expect(units).toEqual([CENTRE, SCHOOL]);
    expect(refused).toEqual([
      { row: 3, message: '第 3 行：统一社会信用代码应为 18 位，现为 17 位。' },
      { row: 4, message: '第 4 行：单位名称为空。' },
      { row: 5, message: '第 5 行：所属区县、单位类型为空。' },
      { row: 6, message: '第 6 行：统一社会信用代码为空。' },
      { row: 7, message: expect.stringMatching(/^第 7 行：统一社会信用代码第 1 位“I”不是有效字符/u) },
    ]);
  });

  it('imports a code listed twice with the same content once and names the first row; refuses every row of a code listed with different content', async () => {
    const file = await xlsxFile([
      ['名单', null, null, null],
      HEADER,
      row(CENTRE), // 3
      row(REFORM), // 4
      row(CENTRE), // 5: the same unit again
      [BUREAU.name, REFORM.creditCode, BUREAU.district, BUREAU.type], // 6: REFORM's code, another unit
      row(SCHOOL), // 7
    ]);
    const { units, refused } = await readRosterFile(file, '名单.xlsx');
    expect(units).toEqual([CENTRE, SCHOOL]);
    expect(refused.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(refused[0]!.message).toBe(`第 4 行：统一社会信用代码 ${REFORM.creditCode} 与第 6 行重复，且单位名称、所属区县或单位类型不同，这几行都未导入。请核对后只保留一行。`);
    expect(refused[1]!.message).toBe(`第 5 行：统一社会信用代码 ${CENTRE.creditCode} 与第 3 行重复，内容相同，只按第 3 行导入一次。`);
    expect(refused[2]!.message).toContain(`与第 4 行重复`);
  });

  it('refuses a code Excel keeps as a number (its digits past the 15th are gone) with a clear reason, in .xlsx and in the CSV Excel writes from it', async () => {
    const xlsx = await xlsxFile([HEADER, [CENTRE.name, Number(CENTRE.creditCode), CENTRE.district, CENTRE.type], row(REFORM)]);
    const fromXlsx = await readRosterFile(xlsx, '名单.xlsx');
    expect(fromXlsx.units).toEqual([REFORM]);
    expect(fromXlsx.refused).toEqual([{ row: 2, message: expect.stringMatching(/^第 2 行：统一社会信用代码“122399214012770350”是数字格式，Excel 的数字只保留 15 位有效数字/u) }]);

    const csv = await readRosterFile(utf8Csv([HEADER, [CENTRE.name, '1.22399E+17', CENTRE.district, CENTRE.type]]), '名单.csv');
    expect(csv.refused).toEqual([{ row: 2, message: expect.stringContaining('统一社会信用代码“1.22399E+17”是数字格式') }]);
  });
});

describe('rosterFromRows: a number cell', () => {
  it('takes a number cell whose 18 digits are all there and pass the checks (a writer other than Excel may store them so)', () => {
    const columns = { name: 0, creditCode: 1, district: 2, type: 3 };
    const cells = (number: string) => [REFORM.name, { number }, REFORM.district, REFORM.type];
    expect(rosterFromRows([HEADER, cells(REFORM.creditCode)], 0, columns)).toEqual({ units: [REFORM], refused: [] });
    expect(rosterFromRows([HEADER, cells('1.12399210035830E+17')], 0, columns).refused[0]!.message).toContain('是数字格式');
  });
});

describe('readRosterFile: files it cannot read as a roster', () => {
  it('answers one message for a file without a recognisable header', async () => {
    const reading = await readRosterFile(utf8Csv([['姓名', '电话'], ['王敏', '12345']]), 'people.csv');
    expect(reading).toEqual({
      units: [],
      refused: [{ row: 0, message: 'people.csv 中没有找到名单的表头：需要一行列名，写有“单位名称”“统一社会信用代码”“所属区县”“单位类型”（列的顺序不限，表头上方可以有标题行）。' }],
    });
  });

  it('names the header row and the columns it lacks', async () => {
    const reading = await readRosterFile(await xlsxFile([['名单'], ['单位名称', '统一社会信用代码', '地址'], row(CENTRE)]), '名单.xlsx');
    expect(reading.refused).toEqual([{ row: 0, message: '名单.xlsx 第 2 行是名单的表头，但缺少“所属区县”“单位类型”列。' }]);
    expect(reading.units).toEqual([]);
  });

  it('answers, in Chinese, a damaged .xlsx, an old .xls, an unclosed CSV quote and a file of another kind', async () => {
    const one = async (bytes: Uint8Array, name: string) => {
      const { units, refused } = await readRosterFile(bytes, name);
      expect(units).toEqual([]);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.row).toBe(0);
      return refused[0]!.message;
    };
    expect(await one(new TextEncoder().encode('not a workbook'), 'bad.xlsx')).toContain('无法读取 bad.xlsx：不是有效的 .xlsx 文件');
    expect(await one(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0), 'old.xls')).toContain('旧版 Excel（.xls）');
    expect(await one(new TextEncoder().encode('单位名称,统一社会信用代码\n"青山县,1\n'), 'open.csv')).toMatch(/^open\.csv 第 \d+ 行不是有效的 CSV/u);
    expect(await one(new TextEncoder().encode('{}'), 'roster.json')).toBe('只能导入 .xlsx 或 .csv 文件，roster.json 两者都不是。');
  });
});
