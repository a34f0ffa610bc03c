import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../../core/staff/id-number';
import { readStaffRoster, type StaffRosterReading } from '../../../core/staff/staff-roster';
import { gb18030Csv, utf8Csv, xlsxFile } from '../sheet/sheet-files';

const TODAY = new Date('2026-12-02T00:00:00Z');

/** An invented, well-formed ID number (北京市朝阳区, the given birth date and sequence). */
function idNumber(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

const WANG = idNumber('19850312', '021');
const LI = idNumber('19790704', '013');
const ZHAO = idNumber('19900101', '044');
const WU = idNumber('19881120', '035');
const EXAMPLE = '11010519491231002X';
const wrongCheck = (id: string) => `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`;
/** What Excel makes of an 18-digit number: 15 significant digits, the rest zeros. */
const zeroedTail = (id: string) => `${id.slice(0, 15)}000`;

/** Every message must name the row and the column, never the number: no run of six digits or more. */
function expectNoIdNumbers({ refused }: StaffRosterReading): void {
  for (const { message } of refused) expect(message).not.toMatch(/\d{6,}/u);
}

const read = (bytes: Uint8Array, name: string) => readStaffRoster(bytes, name, { today: TODAY });

describe('readStaffRoster: good rows', () => {
  it('reads an .xlsx with title rows, a header in its own order with variant titles, and trims every cell (full-width and no-break spaces too)', async () => {
    const file = await xlsxFile([
      ['青山县临江镇人民政府工作人员名单', null, null, null, null, null, null],
      ['（2026 年 3 月）', null, null, null, null, null, null],
      ['序号', '人员类别', ' 姓\u3000名 ', '公民身份号码（18 位）', '*职务', '所在科室', '备注'],
      [1, '窗口服务', '\u3000王\u3000敏 ', WANG, ' 综合窗口受理员\u00a0', '便民服务中心', null],
      [2, '执法人员', '李建国', ` ${LI}`, '综合行政执法队队员', '综合行政\u3000执法办公室', '兼职'],
      [3, '其它', '赵丽', null, '党政办公室主任', null, null],
      [null, null, null, null, null, null, null],
      [5, '窗口', '欧阳 明月', EXAMPLE.toLowerCase(), '受理员', '', null],
      [6, '行政执法', 'Ahmat·Tursun', '', '执法队员', '综合行政执法办公室', null],
    ]);
    const reading = await read(file, '名单.xlsx');
    expect(reading).toEqual({
      members: [
        { row: 4, name: '王敏', position: '综合窗口受理员', department: '便民服务中心', postType: 'window', idNumber: WANG },
        { row: 5, name: '李建国', position: '综合行政执法队队员', department: '综合行政执法办公室', postType: 'enforcement', idNumber: LI },
        { row: 6, name: '赵丽', position: '党政办公室主任', department: '', postType: 'other' },
        { row: 8, name: '欧阳明月', position: '受理员', department: '', postType: 'window', idNumber: EXAMPLE },
        { row: 9, name: 'Ahmat·Tursun', position: '执法队员', department: '综合行政执法办公室', postType: 'enforcement' },
      ],
      refused: [],
    });
  });

  it('takes the usual ways of writing a 岗位类别, and refuses words that name none', async () => {
    const values = { 窗口服务人员: 'window', 窗口工作人员: 'window', '窗 口': 'window', 执法岗: 'enforcement', 行政执法类: 'enforcement', 其他人员: 'other', 其它: 'other', 一般工作人员: 'other' };
    const rows = [['姓名', '职务', '岗位类别'], ...Object.keys(values).map((value, index) => [`王敏${'甲乙丙丁戊己庚辛'.charAt(index)}`, '科员', value]), ['李强', '科员', '临时工'], ['赵丽', '科员', '人员']];
    const { members, refused } = await read(await xlsxFile(rows), 'a.xlsx');
    expect(members.map(({ postType }) => postType)).toEqual(Object.values(values));
    expect(refused.map(({ row }) => row)).toEqual([10, 11]);
  });

  it('reads a two-row header and a 科室 and 岗位类别 merged down over their people', async () => {
    const file = await xlsxFile([
      [{ value: '临江镇工作人员名单', columnSpan: 5 }, null, null, null, null],
      [{ value: '姓名', rowSpan: 2 }, { value: '岗位信息', columnSpan: 3 }, null, null, { value: '身份证号', rowSpan: 2 }],
      [null, '职务', '科室', '岗位类别', null],
      ['王敏', '受理员', { value: '便民服务中心', rowSpan: 2 }, { value: '窗口服务', rowSpan: 3 }, WANG],
      ['李强', '受理员', null, null, ''],
      ['赵丽', '综合执法协调员', '综合行政执法办公室', null, ZHAO],
    ]);
    const reading = await read(file, '名单.xlsx');
    expect(reading.refused).toEqual([]);
    expect(reading.members.map(({ row, name, department, postType }) => [row, name, department, postType])).toEqual([
      [4, '王敏', '便民服务中心', 'window'],
      [5, '李强', '便民服务中心', 'window'],
      [6, '赵丽', '综合行政执法办公室', 'window'],
    ]);
  });

  it('reads a sheet without the 科室 and 身份证号 columns', async () => {
    const reading = await read(await xlsxFile([['姓名', '职位', '岗位类型'], ['王敏', '科员', '其他']]), 'a.xlsx');
    expect(reading).toEqual({ members: [{ row: 2, name: '王敏', position: '科员', department: '', postType: 'other' }], refused: [] });
  });

  it('reads a GB18030 CSV and a UTF-8 CSV with a BOM to the same members, undoing ="…" and a leading apostrophe', async () => {
    const rows = [
      ['临江镇工作人员名单', '', '', '', ''],
      ['姓名', '职务', '部门', '岗位类别', '身份证号'],
      ['王敏', '受理员', '便民服务中心', '窗口服务', `="${WANG}"`],
      ['李建国', '队员', '综合行政执法办公室', '行政执法', `'${LI}`],
    ];
    const gbk = gb18030Csv(rows);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const fromGbk = await read(gbk, '名单.csv');
    expect(fromGbk.refused).toEqual([]);
    expect(fromGbk.members.map(({ row, name, idNumber }) => [row, name, idNumber])).toEqual([
      [3, '王敏', WANG],
      [4, '李建国', LI],
    ]);
    expect(await read(utf8Csv(rows), '名单.CSV')).toEqual(fromGbk);
  });
});

describe('readStaffRoster: refused rows, named as the spreadsheet numbers them', () => {
  it('refuses every kind of bad row with its reason, keeps the good ones, and never repeats an ID number', async () => {
    const file = await xlsxFile([
      ['临江镇工作人员名单', null, null, null, null],
      ['身份证号', '姓名', '岗位类别', '职务', '科室'],
      [WANG, '王敏', '窗口服务', '受理员', '便民服务中心'], // 3
      [LI, '', '行政执法', '队员', '执法办'], // 4: no name
      [ZHAO, '赵丽', '其他', '　', '党政办'], // 5: no 职务
      [WU, '吴刚', '', '科员', '党政办'], // 6: no 岗位类别
      [idNumber('19920505', '051'), '孙强', '临时工', '科员', '党政办'], // 7: not one of the three
      ['110105491231002', '周敏', '其他', '科员', '党政办'], // 8: an old 15-digit number
      ['11010519491231002', '郑华', '其他', '科员', '党政办'], // 9: 17 characters
      ['11010519491231O02X', '冯雪', '其他', '科员', '党政办'], // 10: the letter O
      [idNumber('19491331', '002'), '陈晨', '其他', '科员', '党政办'], // 11: no 31st of the 13th month
      [wrongCheck(EXAMPLE), '褚明', '其他', '科员', '党政办'], // 12: check character
      [{ value: Number(ZHAO), type: Number }, '卫东', '其他', '科员', '党政办'], // 13: Excel's number
      [WANG, '王敏', '窗口服务', '受理员', '便民服务中心'], // 14: row 3 again
      [WU, '蒋勇', '其他', '科员', '党政办'], // 15: row 6's number, another name (row 6 is refused on its own)
      [EXAMPLE, '沈青', '其他', '科员', '党政办'], // 16
      [EXAMPLE, '韩梅', '其他', '科员', '党政办'], // 17: row 16's number, another name
      [null, null, null, null, null],
      [idNumber('20300101', '061'), '杨光', '其他', '', '党政办'], // 19: born in the future, and no 职务
      [idNumber('19950808', '072'), '朱琳', '行政执法', '执法队员', '执法办'], // 20
      [EXAMPLE, '沈青', '其他', '科员', '党政办'], // 21: the same number a third time
    ]);
    const reading = await read(file, '名单.xlsx');
    expect(reading.members.map(({ row, name }) => [row, name])).toEqual([
      [3, '王敏'],
      [15, '蒋勇'],
      [20, '朱琳'],
    ]);
    expect(reading.refused).toEqual([
      { row: 4, message: '第 4 行：姓名为空。' },
      { row: 5, message: '第 5 行：职务为空：个人承诺书要写明职务。' },
      { row: 6, message: '第 6 行：岗位类别为空，请填写“窗口服务”“行政执法”“其他”之一。' },
      { row: 7, message: '第 7 行：岗位类别“临时工”无法识别，请填写“窗口服务”“行政执法”“其他”之一。' },
      { row: 8, message: '第 8 行：身份证号是 15 位的旧号码，请改填 18 位的居民身份证号码。' },
      { row: 9, message: '第 9 行：身份证号应为 18 位，现为 17 位。' },
      { row: 10, message: '第 10 行：身份证号含有无效字符：应为 17 位数字，最后一位是数字或 X。' },
      { row: 11, message: '第 11 行：身份证号中的出生日期（第 7 至 14 位）不是有效日期，请与身份证核对。' },
      { row: 12, message: expect.stringMatching(/^第 12 行：身份证号校验位不符：按前 17 位，第 18 位应为“X”。/u) },
      { row: 13, message: expect.stringMatching(/^第 13 行：身份证号被 Excel 存成了数字：.*最后几位已经丢失，无法恢复。请把身份证号这一列的单元格格式设为“文本”后重新录入号码/u) },
      { row: 14, message: '第 14 行：身份证号与第 3 行重复，内容相同，只按第 3 行导入一次。' },
      { row: 16, message: '第 16 行：身份证号与第 17、21 行相同，但姓名不同，无法判断哪一行正确，这几行都未导入。请核对后只保留一行。' },
      { row: 17, message: expect.stringContaining('第 17 行：身份证号与第 16、21 行相同，但姓名不同') },
      { row: 19, message: '第 19 行：职务为空：个人承诺书要写明职务。身份证号中的出生日期（第 7 至 14 位）不是有效日期，请与身份证核对。' },
      { row: 21, message: expect.stringContaining('第 21 行：身份证号与第 16、17 行相同') },
    ]);
    expectNoIdNumbers(reading);
  });

  it('names the 12th row of a sheet with title rows and blank rows as 第 12 行', async () => {
    const blank = [null, null, null, null];
    const good = (name: string) => [name, '科员', '党政办', '其他'];
    const file = await xlsxFile([['名单'], ['单位：临江镇'], ['姓名', '职务', '科室', '岗位类别'], good('甲'), blank, good('乙'), ['', '　', '\u00a0', ' '], good('丙'), blank, blank, good('丁'), ['戊', '科员', '党政办', '']]);
    const { members, refused } = await read(file, '名单.xlsx');
    expect(members.map(({ row }) => row)).toEqual([4, 6, 8, 11]);
    expect(refused.map(({ row }) => row)).toEqual([12]);
  });

  it('refuses a row repeated in every column without an ID number once, and keeps namesakes that differ', async () => {
    const file = await xlsxFile([
      ['姓名', '职务', '科室', '岗位类别'],
      ['王敏', '科员', '党政办', '其他'],
      ['王敏', '受理员', '便民服务中心', '窗口服务'],
      [' 王敏', '科员', '党政办 ', '其他'],
    ]);
    const reading = await read(file, '名单.xlsx');
    expect(reading.members.map(({ row }) => row)).toEqual([2, 3]);
    expect(reading.refused).toEqual([{ row: 4, message: '第 4 行：与第 2 行重复（各列完全相同），只按第 2 行导入一次。' }]);
  });

  it('names what differs when one ID number is listed with different posts', async () => {
    const file = await xlsxFile([
      ['姓名', '职务', '科室', '岗位类别', '身份证号'],
      ['王敏', '科员', '党政办', '其他', WANG],
      ['王敏', '受理员', '便民服务中心', '窗口服务', WANG],
    ]);
    const reading = await read(file, '名单.xlsx');
    expect(reading.members).toEqual([]);
    expect(reading.refused.map(({ message }) => message)).toEqual([
      '第 2 行：身份证号与第 3 行相同，但职务、科室、岗位类别不同，无法判断哪一行正确，这几行都未导入。请核对后只保留一行。',
      '第 3 行：身份证号与第 2 行相同，但职务、科室、岗位类别不同，无法判断哪一行正确，这几行都未导入。请核对后只保留一行。',
    ]);
  });

  it('refuses the ID numbers Excel wrote into a CSV from number cells (1.10105E+17, or the tail zeroed), never repairing them', async () => {
    const zeroed = zeroedTail(WANG);
    const rows = [
      ['姓名', '职务', '科室', '岗位类别', '身份证号'],
      ['王敏', '受理员', '便民服务中心', '窗口服务', '1.10105E+17'],
      ['王敏', '受理员', '便民服务中心', '窗口服务', zeroed],
      ['李建国', '队员', '执法办', '行政执法', LI],
    ];
    const reading = await read(gb18030Csv(rows), '名单.csv');
    expect(reading.members.map(({ row }) => row)).toEqual([4]);
    expect(reading.refused.map(({ row }) => row)).toEqual([2, 3]);
    for (const { message } of reading.refused) expect(message).toContain('身份证号被 Excel 存成了数字');
    expectNoIdNumbers(reading);
  });

  it('takes a real number cell only as a refusal, whatever digits it happens to hold', async () => {
    const reading = await read(await xlsxFile([['姓名', '职务', '岗位类别', '身份证号'], ['王敏', '科员', '其他', { value: Number(WANG), type: Number }]]), 'a.xlsx');
    expect(reading.members).toEqual([]);
    expect(reading.refused).toEqual([{ row: 2, message: expect.stringContaining('第 2 行：身份证号被 Excel 存成了数字') }]);
  });

  it('calls a 15-digit number cell the old ID number it is: nothing was lost, the 18-digit one is needed', async () => {
    const reading = await read(await xlsxFile([['姓名', '职务', '岗位类别', '身份证号'], ['王敏', '科员', '其他', { value: 110105491231002, type: Number }]]), 'a.xlsx');
    expect(reading.refused).toEqual([{ row: 2, message: '第 2 行：身份证号是 15 位的旧号码，请改填 18 位的居民身份证号码。' }]);
  });

  it('checks the birth date against the day it is given', async () => {
    const born = idNumber('20261201', '001');
    const file = await xlsxFile([['姓名', '职务', '岗位类别', '身份证号'], ['王敏', '科员', '其他', born]]);
    expect((await readStaffRoster(file, 'a.xlsx', { today: new Date('2026-11-30T00:00:00Z') })).refused.map(({ row }) => row)).toEqual([2]);
    expect((await readStaffRoster(file, 'a.xlsx', { today: TODAY })).members.map(({ row }) => row)).toEqual([2]);
  });
});

describe('readStaffRoster: files it cannot read as a staff list', () => {
  const whole = async (bytes: Uint8Array, name: string) => {
    const { members, refused } = await read(bytes, name);
    expect(members).toEqual([]);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.row).toBe(0);
    return refused[0]!.message;
  };

  it('answers a file without a recognisable header, and a header that lacks columns', async () => {
    expect(await whole(utf8Csv([['单位名称', '统一社会信用代码'], ['青山县临江镇人民政府', '11239921003582149J']]), 'units.csv')).toBe(
      'units.csv 中没有找到人员名单的表头：需要一行列名，写有“姓名”“职务”“岗位类别”（列的顺序不限，表头上方可以有标题行；“科室”“身份证号”两列可以没有）。',
    );
    expect(await whole(await xlsxFile([['名单'], ['姓名', '职务', '科室'], ['王敏', '科员', '党政办']]), '名单.xlsx')).toBe('名单.xlsx 第 2 行是人员名单的表头，但缺少“岗位类别”列。');
  });

  it('answers, in Chinese, a damaged .xlsx, an old .xls, an unclosed CSV quote and a file of another kind', async () => {
    expect(await whole(new TextEncoder().encode('not a workbook'), 'bad.xlsx')).toContain('无法读取 bad.xlsx：不是有效的 .xlsx 文件');
    expect(await whole(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0), 'old.xls')).toBe('old.xls 是旧版 Excel（.xls）格式，请另存为 .xlsx 或 .csv 后再导入。');
    expect(await whole(new TextEncoder().encode('姓名,职务\n"王敏,1\n'), 'open.csv')).toMatch(/^open\.csv 第 \d+ 行不是有效的 CSV/u);
    expect(await whole(new TextEncoder().encode('{}'), 'staff.json')).toBe('只能导入 .xlsx 或 .csv 文件，staff.json 两者都不是。');
  });
});
