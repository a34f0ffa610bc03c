import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRosterCommand } from '../../../platform/roster/roster-command';
import { gb18030Csv, xlsxFile } from '../../core/sheet/sheet-files';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const entry = [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'platform/serve-platform.ts')];
const HEADER = ['单位名称', '统一社会信用代码', '所属区县', '单位类型'];
let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-roster-cli-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The platform's entry as `npm run platform -- roster …` starts it (each start takes seconds: the cases share them). */
async function platform(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...entry, ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

describe('npm run platform -- roster', () => {
  it('imports a clean .xlsx (exit 0), then a .csv with a refused row (exit 1, the good rows updated all the same)', async () => {
    const xlsx = join(dataDir, '名单.xlsx');
    await writeFile(xlsx, await xlsxFile([['青山县单位名单'], HEADER, ['青山县政务服务中心', '122399214012770352', '青山县', '事业单位']]));
    const first = await platform(['roster', 'import', xlsx, '--data', dataDir]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe('编办名单导入完成：新增 1 个单位，更新 0 个，拒绝 0 行。\n');

    const csv = join(dataDir, '名单.csv');
    await writeFile(
      csv,
      gb18030Csv([
        HEADER,
        ['青山县政务服务和数据管理中心', '122399214012770352', '青山县', '事业单位'],
        ['青山县发展和改革局', '112399210035830292', '青山县', '机关'],
        ['青山县审计局', '122399214012770353', '青山县', '机关'],
      ]),
    );
    const second = await platform(['roster', 'import', csv, '--data', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('编办名单导入完成：新增 1 个单位，更新 1 个，拒绝 1 行。\n');
    expect(second.stderr).toMatch(/^第 4 行：统一社会信用代码“122399214012770353”校验位不符：[^\n]*\n$/u);
  }, 120_000);
});

/** The command in this process, its output caught. */
async function command(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runRosterCommand(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

describe('runRosterCommand', () => {
  it('lists the roster tab-separated, by district and name', async () => {
    const csv = join(dataDir, 'roster.csv');
    await writeFile(csv, gb18030Csv([HEADER, ['青山县政务服务中心', '122399214012770352', '青山县', '事业单位'], ['东城区财政局', '11239921401277027A', '东城区', '机关']]));
    expect((await command(['import', csv, '--data', dataDir])).code).toBe(0);
    expect(await command(['list', '--data', dataDir])).toEqual({
      code: 0,
      stderr: '',
      stdout: '统一社会信用代码\t单位名称\t所属区县\t单位类型\n11239921401277027A\t东城区财政局\t东城区\t机关\n122399214012770352\t青山县政务服务中心\t青山县\t事业单位\n',
    });
  });

  it('answers exit 2 for a wrong command line, a missing file and a database it cannot use, each said on standard error', async () => {
    for (const args of [['import', 'a.csv'], ['import', '--data', dataDir], ['import', 'a.csv', 'b.csv', '--data', dataDir], ['list', 'x', '--data', dataDir], ['show', '--data', dataDir], ['import', 'a.csv', '--data', dataDir, '--force']]) {
      const outcome = await command(args);
      expect(outcome.code, args.join(' ')).toBe(2);
      expect(outcome.stderr).toContain('roster import <名单.xlsx|名单.csv>');
    }
    const absent = join(dataDir, 'absent.csv');
    expect(await command(['import', absent, '--data', dataDir])).toEqual({ code: 2, stdout: '', stderr: `找不到文件：${absent}\n` });
    const database = await command(['list', '--data', dataDir, '--database', 'mysql://pledge:secret@127.0.0.1/pledge']);
    expect(database.code).toBe(2);
    expect(database.stderr).toContain('127.0.0.1/pledge');
    expect(database.stderr).not.toContain('secret');
  });
});
