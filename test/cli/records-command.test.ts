import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../core/package/build-package';
import { sha256Hex } from '../../core/hash/sha256-hex';
import type { Letter } from '../../core/letter/letter-schema';
import type { Receipt } from '../../core/protocol/reference-protocol';
import { COMMITMENT_FIELD_NAMES } from '../../core/records/national-template';
import { ID_NUMBER, letterWithItems, clauseText, personLetter, unitLetter } from '../core/records/record-letters';
import { OFFICE } from '../support/office';
import { packageInput, renderedPdf } from '../support/package-fixtures';
import { runCli } from './run-cli';

const run = (...argv: string[]) => runCli(argv, new Date('2026-05-10T09:00:00+08:00'));
const IDS = { unit: '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b', person: '6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e', long: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', bare: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9' };

let dir: string;
const packages: Record<keyof typeof IDS, string> = { unit: '', person: '', long: '', bare: '' };
const receipts: Partial<Record<keyof typeof IDS, string>> = {};
const letters: Record<keyof typeof IDS, Letter> = {
  unit: unitLetter(),
  person: personLetter(ID_NUMBER),
  long: letterWithItems(Array.from({ length: 200 }, (_, i) => clauseText(500, i + 1))),
  bare: personLetter(),
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-records-'));
  let serial = 0;
  for (const key of Object.keys(IDS) as (keyof typeof IDS)[]) {
    const letter = letters[key];
    const bytes = buildPackage(packageInput({ letter, pdf: await renderedPdf(letter), submissionId: IDS[key] }));
    packages[key] = join(dir, `${key}.zip`);
    await writeFile(packages[key], bytes);
    serial += 1;
    const receipt: Receipt = {
      receiptId: `r-${key}`,
      submissionId: IDS[key],
      sha256: sha256Hex(bytes),
      receivedAt: '2026-05-08T10:00:00+08:00',
      commitmentCode: `${OFFICE.regionCode}${letter.date.replaceAll('-', '')}${String(serial).padStart(6, '0')}`,
      platform: OFFICE,
    };
    receipts[key] = join(dir, `${key}-receipt.json`);
    await writeFile(receipts[key]!, JSON.stringify(receipt));
  }
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The sheet as exceljs reads it (a reader other than the writer, write-excel-file): every row's cells as text. */
async function readSheet(file: string): Promise<{ rows: string[][]; types: Set<ExcelJS.ValueType> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(file)).buffer as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  const types = new Set<ExcelJS.ValueType>();
  sheet.eachRow((row) => {
    rows.push(COMMITMENT_FIELD_NAMES.map((_, i) => String(row.getCell(i + 1).value ?? '')));
    row.eachCell((cell) => types.add(cell.type));
  });
  return { rows, types };
}

describe('pledge records', () => {
  it('writes one template row per package, completed by its receipt, that exceljs reads back as text', async () => {
    const out = join(dir, 'records.xlsx');
    const result = await run('records', packages.unit, packages.person, packages.long, '--receipt', receipts.person!, '--receipt', receipts.unit!, '--receipt', receipts.long!, '-o', out);
    expect(result).toMatchObject({ code: 0, stdout: `已写出 ${out}：3 条信用承诺记录。\n`, stderr: '' });
    const { rows, types } = await readSheet(out);
    expect([...types]).toEqual([ExcelJS.ValueType.String]);
    expect(rows[0]).toEqual([...COMMITMENT_FIELD_NAMES]);
    expect(rows).toHaveLength(4);
    const column = (name: string) => rows.slice(1).map((row) => row[COMMITMENT_FIELD_NAMES.indexOf(name as never)]!);
    // Matched by submission id, not by the order given: the receipts were named person first.
    expect(column('承诺编码')).toEqual(['23990020260420000001', `239900${letters.person.date.replaceAll('-', '')}000002`, `239900${letters.long.date.replaceAll('-', '')}000003`]);
    expect(column('承诺人类别')).toEqual(['法人及非法人组织', '自然人', '法人及非法人组织']);
    expect(column('承诺人代码')).toEqual([letters.unit.unit.creditCode, ID_NUMBER, letters.long.unit.creditCode]);
    expect(column('承诺类型')).toEqual(['主动型', '主动型', '主动型']);
    expect(column('公开类型')).toEqual(['可向社会公开', '可向社会公开', '可向社会公开']);
    expect(column('承诺受理单位')).toEqual([OFFICE.name, OFFICE.name, OFFICE.name]);
    expect(column('承诺受理单位代码')).toEqual([OFFICE.creditCode, OFFICE.creditCode, OFFICE.creditCode]);
    for (const date of column('承诺作出日期')) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const long = column('承诺内容')[2]!;
    expect([...long].length).toBeLessThanOrEqual(4000);
    expect(long).toContain('（以上为 200 项承诺事项的摘要，各项全文见承诺书。）');
    expect(long.split('\n')[199]).toMatch(/^200\./);
  });

  it('writes the same rows as a .csv that csv-parse reads back', async () => {
    const out = join(dir, 'records.csv');
    expect((await run('records', packages.unit, '--receipt', receipts.unit!, '-o', out)).code).toBe(0);
    const rows = parse(await readFile(out, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...COMMITMENT_FIELD_NAMES]);
    expect(rows[1]![0]).toBe('23990020260420000001');
  });

  it('still writes the file but exits 1 naming each row that breaks a rule, by its spreadsheet row, and never prints an ID number', async () => {
    const out = join(dir, 'incomplete.xlsx');
    const result = await run('records', packages.person, packages.unit, packages.bare, '--receipt', receipts.person!, '--receipt', receipts.bare!, '-o', out);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      '第 3 行（' + letters.unit.unit.name + '）：缺少承诺编码：由承诺受理单位（市信用平台）在收到报送时给出，报送送达、取得回执后才有。',
      expect.stringMatching(/^第 3 行.*缺少承诺受理单位：/),
      expect.stringMatching(/^第 3 行.*缺少承诺受理单位代码：/),
      expect.stringMatching(/^第 4 行（.+）：缺少承诺人代码：个人承诺的承诺人代码是本人的居民身份证号码/),
    ]);
    expect(result.stdout).toContain('导入平台前请补齐');
    expect(`${result.stdout}${result.stderr}`).not.toContain(ID_NUMBER);
    expect((await readSheet(out)).rows).toHaveLength(4);
  });

  it('leaves out and names a package that fails its check, a package given twice, and a receipt of no listed package', async () => {
    const broken = join(dir, 'broken.zip');
    const bytes = await readFile(packages.unit);
    bytes[bytes.length - 30] = bytes[bytes.length - 30]! ^ 0xff;
    await writeFile(broken, bytes);
    const out = join(dir, 'some.xlsx');
    const result = await run('records', packages.unit, broken, packages.unit, '--receipt', receipts.unit!, '--receipt', receipts.long!, '-o', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${broken}：报送包未通过校验。`);
    expect(result.stderr).toContain(`提交编号 ${IDS.unit} 的报送包已列出，不再重复写入。`);
    expect(result.stderr).toContain(`${receipts.long}：回执的提交编号 ${IDS.long} 与所列报送包都不对应，未使用。`);
    expect((await readSheet(out)).rows).toHaveLength(2);
  });

  it('exits 2 naming the problem for a wrong command line or a file that is not a receipt', async () => {
    expect(await run('records', '-o', join(dir, 'x.xlsx'))).toMatchObject({ code: 2, stderr: expect.stringContaining('请指定报送包和输出文件') });
    expect(await run('records', packages.unit)).toMatchObject({ code: 2, stderr: expect.stringContaining('请用 -o 指定输出文件') });
    expect(await run('records', packages.unit, '-o', join(dir, 'x.txt'))).toMatchObject({ code: 2, stderr: expect.stringContaining('应以 .xlsx 或 .csv 结尾') });
    const notReceipt = join(dir, 'not-receipt.json');
    await writeFile(notReceipt, '{"hello":1}');
    expect(await run('records', packages.unit, '--receipt', notReceipt, '-o', join(dir, 'x.xlsx'))).toMatchObject({ code: 2, stderr: `${notReceipt} 不是报送平台的回执（JSON）。\n` });
    await expect(readFile(join(dir, 'x.xlsx'))).rejects.toThrow();
  });
});

describe('pledge records --stage fulfilment', () => {
  /** The year-end report of a package's letter, every item given the status `status(i)`. */
  async function yearEnd(key: keyof typeof IDS, status: (i: number) => string, extra: Record<string, unknown> = {}): Promise<string> {
    const file = join(dir, `${key}-2026.json`);
    expect((await run('progress', 'new', packages[key], '--period', '2026', '-o', file, '--force')).code).toBe(0);
    const report = JSON.parse(await readFile(file, 'utf8')) as { items: Record<string, unknown>[] };
    report.items = report.items.map((item, i) => ({ ...item, status: status(i), note: `说明${i + 1}` }));
    await writeFile(file, JSON.stringify({ ...report, ...extra }));
    return file;
  }
  const FIELDS = ['承诺编码', '承诺履行状态', '未履行的承诺内容', '违诺责任追究内容', '承诺履行状态认定日期', '认定单位', '认定单位代码'];

  it('writes the three outcomes from the year-end reports, read back by exceljs, every rule kept', async () => {
    const out = join(dir, 'fulfilment.xlsx');
    const reports = [
      await yearEnd('unit', () => '已兑现', { date: '2027-01-08' }),
      await yearEnd('person', (i) => (i === 0 ? '未兑现' : '已兑现'), { accountability: '已责令限期整改。' }),
      await yearEnd('long', () => '未兑现', { accountability: '已通报批评并约谈主要负责人。' }),
    ];
    const result = await run('records', packages.unit, packages.person, packages.long, ...IDS_RECEIPTS(), '--stage', 'fulfilment', ...reports.flatMap((r) => ['--progress', r]), '-o', out);
    expect(result).toMatchObject({ code: 0, stdout: `已写出 ${out}：3 条信用承诺履行记录。\n`, stderr: '' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(out)).buffer as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows = [1, 2, 3, 4].map((n) => FIELDS.map((_, i) => String(sheet.getRow(n).getCell(i + 1).value ?? '')));
    expect(rows[0]).toEqual(FIELDS);
    expect(rows.slice(1).map((row) => row[1])).toEqual(['全部履行', '部分履行', '全部未履行']);
    expect(rows[1]!.slice(2, 5)).toEqual(['', '', '2027-01-08']);
    expect(rows[2]![2]).toMatch(/^1\.（未兑现）.+（说明1）$/);
    expect(rows[2]![3]).toBe('已责令限期整改。');
    // 200 items of 500 characters not kept: a faithful summary within 4000, every item still there with its status.
    const unkept = rows[3]![2]!.split('\n');
    expect([...rows[3]![2]!].length).toBeLessThanOrEqual(4000);
    expect(unkept).toHaveLength(201);
    expect(unkept.slice(0, 200).every((line, i) => line.startsWith(`${i + 1}.（未兑现）`))).toBe(true);
    expect(unkept[200]).toBe('（以上为 200 项未全部履行的承诺事项的摘要，各项全文见年终进展报告。）');
    for (const row of rows.slice(1)) {
      expect(row[0]).toMatch(/^\d{20}$/);
      expect(row[4]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.slice(5)).toEqual([OFFICE.name, OFFICE.creditCode]);
    }
  });

  it('names a letter without a year-end report and a report missing its accountability; refuses a monthly report', async () => {
    const none = await yearEnd('unit', () => '未兑现');
    const result = await run('records', packages.unit, packages.person, '--receipt', receipts.unit!, '--stage', 'fulfilment', '--progress', none, '-o', join(dir, 'f2.xlsx'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('第 2 行（' + letters.unit.unit.name + '）：缺少违诺责任追究内容');
    expect(result.stderr).toContain(`${packages.person}：没有提交编号 ${IDS.person} 的年终进展报告`);
    const june = join(dir, 'june.json');
    expect((await run('progress', 'new', packages.unit, '--period', '2026-06', '-o', june, '--force')).code).toBe(0);
    expect(await run('records', packages.unit, '--stage', 'fulfilment', '--progress', june, '-o', join(dir, 'f3.xlsx'))).toMatchObject({ code: 2, stderr: expect.stringContaining('要用全年（年终）进展报告') });
    expect(await run('records', packages.unit, '--progress', june, '-o', join(dir, 'f3.xlsx'))).toMatchObject({ code: 2, stderr: expect.stringContaining('--stage fulfilment') });
  });
});

const IDS_RECEIPTS = () => (['unit', 'person', 'long'] as const).flatMap((key) => ['--receipt', receipts[key]!]);
