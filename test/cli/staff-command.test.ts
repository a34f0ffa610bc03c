import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterFromTemplate } from '../../core/letter/templates';
import { validateLetter } from '../../core/letter/validate-letter';
import { idNumberCheckCharacter } from '../../core/staff/id-number';
import { readStaffRoster } from '../../core/staff/staff-roster';
import { ownLetter, OWN_UNIT } from '../support/letter-fixtures';
import { xlsxFile } from '../core/sheet/sheet-files';
import { runCli } from './run-cli';

const exec = promisify(execFile);
const bin = join(import.meta.dirname, '../../cli/pledge.mjs');
const NOW = new Date('2026-04-21T09:30:00+08:00');
const withCheck = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;

// Invented ID numbers; the wrong one differs only in its check character, the numeric one as Excel stores a typed number.
const HAN = withCheck('37082719870614583');
const GAO = withCheck('23012219850312471');
const WRONG = `${withCheck('41152619900227316').slice(0, 17)}${withCheck('41152619900227316').endsWith('1') ? '2' : '1'}`;
const NUMERIC = withCheck('52242619781105637').replace(/X$/u, '');
const ID_NUMBERS = [HAN, GAO, WRONG, NUMERIC];

let dir: string;
let unitFile: string;
let rosterFile: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-staff-'));
  unitFile = join(dir, 'unit.json');
  rosterFile = join(dir, '人员名单.xlsx');
  await writeFile(unitFile, JSON.stringify(ownLetter('key-task')));
  await writeFile(
    rosterFile,
    await xlsxFile([
      ['松岭县政务服务中心工作人员名单'],
      ['姓名', '职务', '科室', '岗位类别', '身份证号'],
      ['韩雪梅', '综合窗口受理员', '便民服务中心', '窗口服务', HAN],
      ['高建军', '执法队员', '综合行政执法队', '行政执法', GAO],
      ['马骏', '科员', '', '其他', ''],
      ['', '科员', '党政办', '其他', ''],
      ['孔令华', '科员', '党政办', '其他', WRONG],
      ['窦文涛', '科员', '党政办', '其他', { value: Number(NUMERIC), type: Number }],
    ]),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCli(argv, NOW);
const letters = (out: string, ...more: string[]) => run('staff', 'letters', '--roster', rosterFile, '--unit', unitFile, '--out', out, ...more);

/** No run of six characters of any ID number in what the command said. */
function expectNoIdNumber(text: string): void {
  for (const id of ID_NUMBERS) for (let start = 0; start + 6 <= id.length; start += 1) expect(text).not.toContain(id.slice(start, start + 6));
}

describe('pledge staff letters', () => {
  it('writes one valid personal letter per accepted row, names each refused row, and exits 1', async () => {
    const out = join(dir, 'letters-1');
    const { code, stdout, stderr } = await letters(out);
    expect(code).toBe(1);
    expect((await readdir(out)).sort()).toEqual(['003-韩雪梅.json', '004-高建军.json', '005-马骏.json']);
    const lines = stdout.trim().split('\n');
    expect(lines.filter((line) => /^第 \d+ 行：/u.test(line)).map((line) => /^第 (\d+) 行/u.exec(line)?.[1])).toEqual(['6', '7', '8']);
    expect(lines.at(-1)).toBe(`已在 ${out} 生成 3 份个人承诺书；3 行未生成，见上。`);
    expectNoIdNumber(stdout + stderr);

    const read = async (name: string) => JSON.parse(await readFile(join(out, name), 'utf8')) as unknown;
    for (const name of await readdir(out)) {
      const result = validateLetter(await read(name));
      expect(result.problems, name).toEqual([]);
      expect(result.ok && result.letter.kind).toBe('person');
    }
    expect(await read('003-韩雪梅.json')).toMatchObject({
      unit: { name: OWN_UNIT.name, creditCode: OWN_UNIT.creditCode },
      person: { name: '韩雪梅', position: '综合窗口受理员', department: '便民服务中心', postType: 'window', idNumber: HAN },
      principal: { name: '韩雪梅' },
      supervision: { phone: OWN_UNIT.phone },
    });
    expect(await read('004-高建军.json')).toMatchObject({ person: { postType: 'enforcement', idNumber: GAO } });
    expect(await read('005-马骏.json')).toMatchObject({ person: { name: '马骏', position: '科员', postType: 'other' } });
    expect((await read('005-马骏.json')) as { person: object }).not.toHaveProperty('person.idNumber');
    // The letters hold ID numbers: no other account may read them.
    if (process.platform !== 'win32') expect((await stat(join(out, '003-韩雪梅.json'))).mode & 0o777).toBe(0o600);
  });

  it('exits 0 when every row is accepted', async () => {
    const roster = join(dir, 'good.xlsx');
    await writeFile(roster, await xlsxFile([['姓名', '职务', '岗位类别'], ['马骏', '科员', '其他'], ['韩雪梅', '综合窗口受理员', '窗口服务']]));
    const out = join(dir, 'letters-good');
    const { code, stdout } = await run('staff', 'letters', '--roster', roster, '--unit', unitFile, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe(`已在 ${out} 生成 2 份个人承诺书。\n`);
    expect((await readdir(out)).sort()).toEqual(['002-马骏.json', '003-韩雪梅.json']);
  });

  it('never replaces a letter already there unless --force', async () => {
    const out = join(dir, 'letters-again');
    await letters(out);
    const edited = join(out, '005-马骏.json');
    await writeFile(edited, '{"edited": true}\n');
    const again = await letters(out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有 3 个同名文件');
    expect(await readFile(edited, 'utf8')).toBe('{"edited": true}\n');
    expect((await letters(out, '--force')).code).toBe(1);
    expect(validateLetter(JSON.parse(await readFile(edited, 'utf8'))).ok).toBe(true);
  });

  it('refuses a unit letter that still holds the template’s samples, or is a personal letter (exit 2)', async () => {
    const sample = join(dir, 'sample.json');
    await writeFile(sample, JSON.stringify(letterFromTemplate('key-task', { year: 2026 })));
    const withSamples = await run('staff', 'letters', '--roster', rosterFile, '--unit', sample, '--out', join(dir, 'none-1'));
    expect(withSamples.code).toBe(2);
    expect(withSamples.stdout).toContain('unit.name: ');
    expect(withSamples.stderr).toContain(`${sample} 未通过校验，没有生成个人承诺书`);

    const person = join(dir, 'person.json');
    await writeFile(person, JSON.stringify(ownLetter('person')));
    const personal = await run('staff', 'letters', '--roster', rosterFile, '--unit', person, '--out', join(dir, 'none-2'));
    expect(personal.code).toBe(2);
    expect(personal.stderr).toContain('是个人承诺书');
    await expect(readdir(join(dir, 'none-1'))).rejects.toThrow();
  });

  it('says what is missing or unusable (exit 2)', async () => {
    const missing = await run('staff', 'letters', '--unit', unitFile, '--out', join(dir, 'x'));
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('请用 --roster 指定人员名单');
    expect((await run('staff', 'letters', '--roster', join(dir, 'nope.xlsx'), '--unit', unitFile, '--out', join(dir, 'x'))).stderr).toContain('找不到文件');
    const notSheet = join(dir, 'notes.xlsx');
    await writeFile(notSheet, 'not a spreadsheet');
    const unusable = await run('staff', 'letters', '--roster', notSheet, '--unit', unitFile, '--out', join(dir, 'x'));
    expect(unusable.code).toBe(2);
    expect(unusable.stderr).toMatch(/^人员名单无法使用：/u);
    expect((await run('staff')).code).toBe(2);
    expect((await run('staff', 'sheets')).stderr).toContain('未知的子命令“sheets”');
    expect((await run('staff', 'letters', '--roster', rosterFile, '--bogus')).code).toBe(2);
  });
});

describe('pledge staff template', () => {
  it('writes the roster template, which the roster reader reads', async () => {
    const file = join(dir, '模板.xlsx');
    const { code, stdout } = await run('staff', 'template', '-o', file);
    expect(code).toBe(0);
    expect(stdout).toBe(`已生成人员名单模板 ${file}。\n`);
    expect((await readStaffRoster(await readFile(file), '模板.xlsx', { today: NOW })).refused).toEqual([]);
    expect((await run('staff', 'template')).code).toBe(2);
  });

});

describe('pledge staff through the real entry point', { timeout: 30_000 }, () => {
  it('exits 1 for the refused rows and says no ID number on its own streams', async () => {
    const out = join(dir, 'letters-bin');
    const result = await exec(process.execPath, [bin, 'staff', 'letters', '--roster', rosterFile, '--unit', unitFile, '--out', out]).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('第 6 行：');
    expectNoIdNumber(result.stdout + result.stderr);
    expect(await readdir(out)).toHaveLength(3);
  });
});
