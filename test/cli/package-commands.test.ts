import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { letterFromTemplate } from '../../core/letter/templates';
import { ownLetter } from '../support/letter-fixtures';
import { packageJson } from '../../core/package/package-json';
import { runCli } from './run-cli';

const exec = promisify(execFile);
const bin = join(import.meta.dirname, '../../cli/pledge.mjs');
const ID = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
const EARLIER = '6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e';
const NOW = new Date('2026-04-21T09:30:00+08:00');
/** A real 1×1 PNG standing in for the scanned signed letter. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let dir: string;
let letter: string;
let scan: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-package-'));
  letter = join(dir, 'letter.json');
  scan = join(dir, 'scan.png');
  await writeFile(letter, JSON.stringify(ownLetter('service')));
  await writeFile(scan, PNG);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCli(argv, NOW);
const out = (name: string) => join(dir, name);

/** Runs the real entry point through node; a non-zero exit comes back as a value, not a throw. */
async function node(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...argv]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

// verify reads letter.pdf with pdf.js on a worker thread, which takes seconds to start from source.
describe('pledge pack and verify through the real entry point', { timeout: 30_000 }, () => {
  it('packs a letter with its scan, verifies it, and the PDF inside passes qpdf --check', async () => {
    const pkg = out('real.zip');
    const packed = await node('pack', letter, '--signed', scan, '-o', pkg, '--id', ID, '--supersedes', EARLIER);
    expect(packed).toEqual({ code: 0, stdout: `已生成报送包 ${pkg}（4 个文件），提交编号 ${ID}。\n`, stderr: '' });

    const verified = await node('verify', pkg);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`${pkg}：报送包校验通过。\n提交编号：${ID}\n承诺单位：松岭县政务服务中心（`);
    expect(verified.stdout).toContain('文件：letter.json、letter.pdf、signed/1.png、credit-record.json\n');
    expect(verified.stdout).toContain(`更正的提交编号：${EARLIER}\n`);

    const pdf = out('from-package.pdf');
    await writeFile(pdf, unzipSync(new Uint8Array(await readFile(pkg)))['letter.pdf']!);
    const check = await exec('qpdf', ['--check', pdf]);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('exits 1 with the reason for a tampered package and 2 for a missing one', async () => {
    const pkg = out('to-tamper.zip');
    expect((await run('pack', letter, '--signed', scan, '-o', pkg, '--id', ID)).code).toBe(0);
    const files = unzipSync(new Uint8Array(await readFile(pkg)));
    files['letter.pdf'] = strToU8('%PDF-1.7 forged');
    const tampered = out('tampered.zip');
    await writeFile(tampered, zipSync(files as Zippable));

    const bad = await node('verify', tampered);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^.*tampered\.zip：报送包未通过校验。报送包中的文件“letter\.pdf”大小为 15 字节，与清单记录的 \d+ 字节不符/);
    const missing = await node('verify', out('nowhere.zip'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`找不到文件：${out('nowhere.zip')}\n`);
    expect((await node('verify')).code).toBe(2);
  });
});

describe('pledge pack', { timeout: 30_000 }, () => {
  it('writes the same bytes for the same letter, id and time, and new bytes for a new id', async () => {
    await run('pack', letter, '--signed', scan, '-o', out('a.zip'), '--id', ID);
    await run('pack', letter, '--signed', scan, '-o', out('b.zip'), '--id', ID);
    await run('pack', letter, '--signed', scan, '-o', out('c.zip'));
    const [a, b, c] = await Promise.all(['a.zip', 'b.zip', 'c.zip'].map((name) => readFile(out(name))));
    expect(a!.equals(b!)).toBe(true);
    expect(a!.equals(c!)).toBe(false);
  });

  it('gives a random submission id and the current time by default', async () => {
    const packed = await run('pack', letter, '--signed', scan, '-o', out('random.zip'));
    expect(packed.stdout).toMatch(/提交编号 [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}。\n$/);
    const verified = await run('verify', out('random.zip'));
    expect(verified.stdout).toContain(`生成时间：${NOW.toISOString()}\n`);
  });

  it('exits 1 with the same lines as pledge validate for an invalid letter, and writes nothing', async () => {
    const broken = out('broken.json');
    await writeFile(broken, JSON.stringify({ ...letterFromTemplate('policy', { year: 2026 }), date: '2026-13-01' }));
    const packed = await run('pack', broken, '--signed', scan, '-o', out('never.zip'));
    expect(packed.code).toBe(1);
    expect(packed.stdout).toBe((await run('validate', broken)).stdout);
    await expect(readFile(out('never.zip'))).rejects.toThrow();
  });

  it.each([
    ['no letter', [], '请指定承诺书文件和输出文件，例如：pledge pack letter.json --signed scan.pdf -o package.zip\n'],
    ['no output', ['LETTER'], '请用 -o 指定报送包的输出文件，例如：pledge pack letter.json -o package.zip\n'],
    ['no signed copy', ['LETTER', '-o', 'x.zip'], '请用 --signed 指定签字盖章后的扫描件或 PDF（报送包至少要有一份签章件），例如：pledge pack letter.json --signed scan.pdf -o package.zip\n'],
    ['an id that is not a UUID', ['LETTER', '-o', 'x.zip', '--id', '2026-1'], '选项“--id”应为 UUID（例如 0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b），现为“2026-1”。\n'],
    ['a bad supersedes', ['LETTER', '-o', 'x.zip', '--supersedes', 'old'], '选项“--supersedes”应为 UUID（例如 0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b），现为“old”。\n'],
    ['a signed copy that is not a scan', ['LETTER', '-o', 'x.zip', '--signed', 'LETTER'], '签章件无法使用：“letter.json”不是 PNG、JPEG 图片或 PDF 文件，未添加。\n'],
    ['an unknown option', ['LETTER', '-o', 'x.zip', '--fast'], '未知选项“--fast”。运行 pledge --help 查看用法。\n'],
  ])('exits 2 for %s', async (_label, args, message) => {
    const result = await run('pack', ...args.map((arg) => (arg === 'LETTER' ? letter : arg)));
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

describe('pledge verify', { timeout: 30_000 }, () => {
  it('exits 1 for a file that is not a package at all', async () => {
    const result = await run('verify', letter);
    expect(result).toEqual({ code: 1, stdout: `${letter}：报送包未通过校验。所选文件不是有效的报送包：无法按 ZIP 格式读取。\n`, stderr: '' });
  });

  it('exits 1 for a package whose letter.pdf is the PDF of another letter, read with pdf.js', async () => {
    const pkg = out('own.zip');
    expect((await run('pack', letter, '--signed', scan, '-o', pkg, '--id', ID)).code).toBe(0);
    const other = out('other.json');
    // Rendering takes a template as it is; only its PDF is used here.
    await writeFile(other, JSON.stringify(letterFromTemplate('policy', { year: 2026 })));
    expect((await run('render', other, '-o', out('other.pdf'))).code).toBe(0);
    const files: Record<string, Uint8Array> = unzipSync(new Uint8Array(await readFile(pkg)));
    files['letter.pdf'] = new Uint8Array(await readFile(out('other.pdf')));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: { name: string; size: number; sha256: string }[] };
    for (const file of manifest.files) Object.assign(file, { size: files[file.name]!.length, sha256: sha256Hex(files[file.name]!) });
    files['manifest.json'] = packageJson(manifest); // as the builder writes it: only the PDF is wrong
    const swapped = out('swapped.zip');
    await writeFile(swapped, zipSync(files as Zippable));

    const result = await run('verify', swapped);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('报送包中的 letter.pdf 的文字与承诺书 letter.json 不一致（PDF 中为“青山县发展和改革局202”，按承诺书应为“松岭县政务服务中心202”）');
  });

  it('is named in the usage text with pack', async () => {
    const help = await run('--help');
    expect(help.stdout).toContain('pack <承诺书.json> --signed <签章件> [--signed <签章件>...] -o <报送包.zip>');
    expect(help.stdout).toContain('verify <报送包.zip>');
  });
});
