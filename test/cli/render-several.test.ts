import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Letter } from '../../core/letter/letter-schema';
import { ownLetter } from '../support/letter-fixtures';
import { runCli } from './run-cli';

/** `pledge render` of several letters in one process: each PDF written on its own, a refused letter named by its file. */
const exec = promisify(execFile);
const bin = join(import.meta.dirname, '../../cli/pledge.mjs');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-render-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCli(argv, new Date('2026-03-10T09:00:00+08:00'));

async function letterFile(name: string, letter: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(letter));
  return path;
}

function staff(name: string): Letter {
  const letter = ownLetter('person') as Extract<Letter, { kind: 'person' }>;
  return { ...letter, person: { ...letter.person, name }, principal: { ...letter.principal, name } };
}

describe('pledge render with several letters', () => {
  it('writes each valid letter into --out-dir, names the refused one by its file and exits 1', async () => {
    const files = [
      await letterFile('wang.json', staff('王海燕')),
      await letterFile('broken.json', { ...staff('刘建'), date: '2026-13-01' }),
      await letterFile('zhou.json', staff('周晓岚')),
    ];
    const out = join(dir, 'pdfs', 'staff');
    // The real entry point, as a clerk runs it: one process for all three.
    const result = await exec(process.execPath, [bin, 'render', ...files, '--out-dir', out]).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(result).toMatchObject({ code: 1 });
    const { stdout } = result as { stdout: string };
    expect(stdout).toContain(`已生成 ${join(out, 'wang.pdf')}（`);
    expect(stdout).toContain(`已生成 ${join(out, 'zhou.pdf')}（`);
    expect(stdout).toMatch(new RegExp(`^${files[1]}: date: .+$`, 'm'));
    expect(stdout.trim().split('\n').at(-1)).toBe('共 3 份承诺书：已生成 2 份，1 份未生成（原因见上）。');
    expect((await readdir(out)).sort()).toEqual(['wang.pdf', 'zhou.pdf']);
    for (const [pdf, name, other] of [['wang.pdf', '王海燕', '周晓岚'], ['zhou.pdf', '周晓岚', '王海燕']]) {
      const path = join(out, pdf as string);
      expect((await exec('qpdf', ['--check', path])).stdout).toContain('No syntax or stream encoding errors found');
      const text = (await exec('pdftotext', ['-layout', path, '-'])).stdout.replace(/\s+/g, '');
      expect(text).toContain(name);
      expect(text).toContain('监督电话');
      expect(text).not.toContain(other);
    }
  }, 120_000);

  it('writes the same PDF for a letter among others as for the letter alone, as poppler reads it', async () => {
    const files = await Promise.all(['甲', '乙', '丙'].map((n, i) => letterFile(`staff-${i}.json`, staff(`陈${n}文`))));
    const together = await run('render', ...files, '--out-dir', join(dir, 'together'));
    expect(together).toMatchObject({ code: 0, stderr: '' });
    expect(together.stdout.trim().split('\n').at(-1)).toBe('共 3 份承诺书，已全部生成。');
    const alone = join(dir, 'alone.pdf');
    expect((await run('render', files[1] as string, '-o', alone)).code).toBe(0);
    const text = async (path: string) => (await exec('pdftotext', ['-layout', path, '-'])).stdout;
    expect(await text(join(dir, 'together', 'staff-1.pdf'))).toBe(await text(alone));
  }, 120_000);

  it('writes each PDF next to its letter without --out-dir', async () => {
    const files = [await letterFile('next-a.json', staff('林一')), await letterFile('next-b.json', staff('林二'))];
    expect((await run('render', ...files)).code).toBe(0);
    for (const name of ['next-a.pdf', 'next-b.pdf']) expect((await readFile(join(dir, name))).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('reports a letter file that is missing and still writes the others, exiting 2', async () => {
    const present = await letterFile('present.json', staff('韩梅'));
    const missing = join(dir, 'missing.json');
    const result = await run('render', missing, present, '--out-dir', join(dir, 'partly'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`找不到文件：${missing}\n`);
    expect(await readdir(join(dir, 'partly'))).toEqual(['present.pdf']);
  }, 60_000);

  it('exits 2 for -o with several letters, -o with --out-dir, and two letters of one name into one folder', async () => {
    const a = await letterFile('same.json', staff('赵甲'));
    await rm(join(dir, 'sub'), { recursive: true, force: true });
    const b = join(dir, 'sub', 'same.json');
    await mkdir(join(dir, 'sub'), { recursive: true });
    await writeFile(b, JSON.stringify(staff('赵乙')));
    const several = await run('render', a, b, '-o', join(dir, 'x.pdf'));
    expect(several).toMatchObject({ code: 2, stdout: '' });
    expect(several.stderr).toContain('--out-dir');
    expect((await run('render', a, '-o', join(dir, 'x.pdf'), '--out-dir', dir)).code).toBe(2);
    const clash = await run('render', a, b, '--out-dir', join(dir, 'clash'));
    expect(clash).toMatchObject({ code: 2, stdout: '' });
    expect(clash.stderr).toContain(join(dir, 'clash', 'same.pdf'));
    await expect(readdir(join(dir, 'clash'))).rejects.toThrow();
  }, 60_000);
});
