import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownLetter } from '../support/letter-fixtures';
import { runCli } from './run-cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCli(argv, new Date('2026-03-10T09:00:00+08:00'));

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('pledge new', () => {
  it.each(['key-task', 'policy', 'contract', 'service', 'duty', 'person'])('prints a letter from the %s template whose only problems for pledge validate are its samples', async (template) => {
    const created = await run('new', '--template', template);
    expect(created.code).toBe(0);
    const letter = JSON.parse(created.stdout) as { year: number; format: string };
    expect(letter).toMatchObject({ format: 'pledge-letter/1', year: 2026 });
    const checked = await run('validate', await file(`${template}.json`, created.stdout));
    expect(checked.code).toBe(1);
    const lines = checked.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^unit\.name: 单位全称仍是模板中的示例“青山县/);
    expect(lines.every((line) => line.includes('模板') || line.includes('示例'))).toBe(true);
  });

  it('takes the year and date', async () => {
    const { stdout } = await run('new', '--template', 'service', '--year', '2027', '--date', '2027-04-28');
    expect(JSON.parse(stdout)).toMatchObject({ year: 2027, date: '2027-04-28' });
  });

  it('exits 2 with one line for an unknown template or a bad date', async () => {
    const unknown = await run('new', '--template', 'tax');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('没有名为“tax”的模板，可用模板：key-task、policy、contract、service、duty、person。\n');
    const badDate = await run('new', '--template', 'service', '--date', '2027-02-30');
    expect(badDate).toMatchObject({ code: 2, stdout: '' });
    expect((await run('new', '--template', 'service', '--year', 'next')).code).toBe(2);
  });
});

describe('pledge validate', () => {
  it('exits 1 and prints one path: message line per problem', async () => {
    const { principal: _dropped, ...letter } = ownLetter('key-task', { year: 2026 });
    letter.unit.creditCode = '11239921003582149K';
    letter.items[1]!.content = '';
    const result = await run('validate', await file('broken.json', JSON.stringify(letter)));
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      'items[1].content: 第 2 项承诺事项的内容不能为空。',
      'principal: 主要负责人不能为空。',
      'unit.creditCode: 统一社会信用代码“11239921003582149K”未通过校验：18 位中任何一位都可能输错，请与证照逐位核对。只改一位就能通过校验的写法有：第 6 位改为“3”、第 7 位改为“0”、第 18 位改为“J”（仅供核对，不一定是正确代码）。如确认代码无误，可记录人工确认。',
    ]);
  });

  it('prints the problems as JSON with --json', async () => {
    const result = await run('validate', '--json', await file('empty-object.json', '{}'));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { valid: boolean; problems: { path: string; code: string; message: string }[] };
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['kind', 'format', 'unit', 'items', 'date']));
    expect(report.problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
  });

  it('prints warnings to stderr and still exits 0', async () => {
    const letter = { ...JSON.parse(JSON.stringify(ownLetter('duty', { year: 2026 }))), date: '2021-04-20' };
    const result = await run('validate', await file('warning.json', JSON.stringify(letter)));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^提示 date: /);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /^找不到文件：.*nope\.json\n$/],
    ['a file that is not JSON', () => file('bad.json', '{"format": '), /^.*bad\.json 不是有效的 JSON：内容在第 1 行意外结束，文件可能不完整（括号或引号没有闭合）。\n$/],
    ['a file with a stray comma', () => file('comma.json', '{\n  "year": 2026,\n}'), /^.*comma\.json 不是有效的 JSON：第 3 行第 1 个字符“}”处格式有误（常见原因：前面缺少或多出逗号、引号或括号不成对）。\n$/],
    ['JSON that is not an object', () => file('array.json', '[1, 2]'), /^.*array\.json 的内容不是 JSON 对象/],
  ])('exits 2 with one clear line for %s', async (_label, makePath, message) => {
    const result = await run('validate', await makePath());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('accepts a file saved with a byte-order mark', async () => {
    const text = `\uFEFF${JSON.stringify(ownLetter('policy', { year: 2026 }))}`;
    expect((await run('validate', await file('bom.json', text))).code).toBe(0);
  });
});

describe('pledge render', () => {
  it('writes a PDF that qpdf accepts, the same bytes every time', async () => {
    const letter = await file('render.json', JSON.stringify(ownLetter('service', { year: 2026 })));
    const out1 = join(dir, 'one.pdf');
    const out2 = join(dir, 'two.pdf');
    const first = await run('render', letter, '-o', out1);
    expect(first).toMatchObject({ code: 0, stdout: `已生成 ${out1}（2 页）。\n` });
    expect((await run('render', letter, '--output', out2)).code).toBe(0);
    const [a, b] = await Promise.all([readFile(out1), readFile(out2)]);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    const check = await promisify(execFile)('qpdf', ['--check', out1]);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('names the output after the letter when -o is left out', async () => {
    const letter = await file('named.json', JSON.stringify(ownLetter('person', { year: 2026 })));
    expect((await run('render', letter)).code).toBe(0);
    expect((await readFile(join(dir, 'named.pdf'))).length).toBeGreaterThan(1000);
  });

  it('exits 1 with the same lines as pledge validate for an invalid letter, and writes nothing', async () => {
    const broken = await file('broken-render.json', JSON.stringify({ ...ownLetter('policy', { year: 2026 }), date: '2026-13-01' }));
    const rendered = await run('render', broken, '-o', join(dir, 'never.pdf'));
    const validated = await run('validate', broken);
    expect(rendered.code).toBe(1);
    expect(rendered.stdout).toBe(validated.stdout);
    await expect(readFile(join(dir, 'never.pdf'))).rejects.toThrow();
  });

  it('exits 1 naming a character no document font has, and its field', async () => {
    const letter = ownLetter('policy', { year: 2026 });
    const odd = await file('odd.json', JSON.stringify({ ...letter, principal: { name: '赵𠀀' } }));
    const result = await run('render', odd);
    expect(result).toMatchObject({ code: 1 });
    expect(result.stdout).toBe('principal.name: 主要负责人姓名中的“𠀀”（U+20000）无法用文档字体显示，请改用常用字，或用文字说明该字。\n');
  });
});

describe('pledge validate and render on a letter built to break them', () => {
  /** The letter as text with 100 000 nested arrays in one field: as a hostile file would hold it, not through JSON.stringify's own recursion. */
  async function deepLetter(name: string, key: string): Promise<string> {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const letter = JSON.stringify({ ...ownLetter('policy', { year: 2026 }), [key]: '@@' });
    return file(name, letter.replace('"@@"', deep));
  }

  it.each(['statement', 'extra'])('refuses 100 000 nested arrays in %s with one Chinese line, the same from validate and render, no stack trace', async (key) => {
    const letter = await deepLetter(`deep-${key}.json`, key);
    const validated = await run('validate', letter);
    const rendered = await run('render', letter, '-o', join(dir, 'deep.pdf'));
    expect(validated.code).toBe(1);
    expect(validated.stdout).toMatch(new RegExp(`^${key}\\[0\\]\\[0\\]: .*嵌套超过 16 层.*\n$`));
    expect(rendered).toMatchObject({ code: 1, stdout: validated.stdout, stderr: '' });
    await expect(readFile(join(dir, 'deep.pdf'))).rejects.toThrow();
  });

  it('refuses it through the real entry point too, without a stack trace', async () => {
    const letter = await deepLetter('deep-bin.json', 'extra');
    const bin = join(import.meta.dirname, '../../cli/pledge.mjs');
    const failure = await promisify(execFile)(process.execPath, [bin, 'render', letter, '-o', join(dir, 'deep-bin.pdf')]).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: '' });
    expect((failure as { stdout: string }).stdout).toContain('嵌套超过 16 层');
  });

  it('refuses a lone surrogate ("\\uD800") naming the field, and validate and render agree', async () => {
    const letter = await file('surrogate.json', JSON.stringify({ ...ownLetter('policy', { year: 2026 }), statement: '@@' }).replace('"@@"', '"本单位承诺\\uD800"'));
    const validated = await run('validate', letter);
    const rendered = await run('render', letter, '-o', join(dir, 'surrogate.pdf'));
    expect(validated).toMatchObject({ code: 1, stdout: 'statement: 承诺正文中有一个残缺的字符（U+D800，只有半个字符，常见于复制生僻字或表情时被截断），请删除后重新输入。\n' });
    expect(rendered).toMatchObject({ code: 1, stdout: validated.stdout });
  });
});

describe('pledge schema and usage', () => {
  it('prints the JSON Schema', async () => {
    const result = await run('schema');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: 'pledge-letter/1', $schema: 'https://json-schema.org/draft/2020-12/schema' });
  });

  it('exits 2 on an unknown command or option, without a stack trace', async () => {
    const unknown = await run('print');
    expect(unknown).toMatchObject({ code: 2, stderr: '未知命令“print”。运行 pledge --help 查看用法。\n' });
    expect(await run('validate', '--fast', 'x.json')).toMatchObject({ code: 2, stderr: '未知选项“--fast”。运行 pledge --help 查看用法。\n' });
    const missingValue = await run('new', '--template');
    expect(missingValue).toMatchObject({ code: 2 });
    expect(missingValue.stderr).toContain('--template');
    expect(missingValue.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the installed pledge binary', () => {
  const exec = promisify(execFile);
  const bin = join(import.meta.dirname, '../../cli/pledge.mjs');

  it('runs through node and exits 2 on a missing file with no stack trace', async () => {
    const failure = await exec(process.execPath, [bin, 'validate', join(dir, 'missing.json')]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints a template through the real entry point', async () => {
    const { stdout } = await exec(process.execPath, [bin, 'new', '--template', 'contract']);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'unit', unit: { name: '青山县住房和城乡建设局' } });
  });
});
