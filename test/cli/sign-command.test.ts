import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfsig } from '../core/pdf/pdf-tools';
import { makeTestP12 } from '../core/pdf/test-signing';
import { testImage } from '../node/signing/signing-fixture';
import { PDF } from '../support/package-fixtures';
import { runCli } from './run-cli';

const NOW = new Date('2026-04-21T09:30:00+08:00');
let dir: string;
const file = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-sign-'));
  await writeFile(file('letter.pdf'), PDF);
  await writeFile(file('cert.p12'), makeTestP12('test-pass'));
  await writeFile(file('signature.png'), testImage(120, 40, [20, 20, 160]));
  await writeFile(file('seal.png'), testImage(90, 90, [220, 30, 30]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const run = (...argv: string[]) => runCli(['sign', ...argv], NOW);
const images = () => ['--signature-image', file('signature.png'), '--seal-image', file('seal.png')];

describe('pledge sign', () => {
  it('signs the approved PDF into a copy that poppler verifies', async () => {
    const result = await run(file('letter.pdf'), '--p12', file('cert.p12'), '--password', 'test-pass', ...images(), '-o', file('signed.pdf'));
    expect(result).toEqual({ code: 0, stdout: `已签章：${file('signed.pdf')}（签名人：王建华（测试））。\n`, stderr: '' });
    const report = await pdfsig(await readFile(file('signed.pdf')));
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signing Time: Apr 21 2026 01:30:00');
  }, 60_000);

  it('takes the password from PLEDGE_P12_PASSWORD, and the seal image is optional', async () => {
    vi.stubEnv('PLEDGE_P12_PASSWORD', 'test-pass');
    const result = await run(file('letter.pdf'), '--p12', file('cert.p12'), '--signature-image', file('signature.png'), '-o', file('env.pdf'));
    expect(result.code).toBe(0);
    expect(await pdfsig(await readFile(file('env.pdf')))).toContain('Signature Validation: Signature is Valid.');
  }, 60_000);

  it('refuses a wrong password and an unreadable certificate with exit 2, a signed PDF with exit 1', async () => {
    const wrong = await run(file('letter.pdf'), '--p12', file('cert.p12'), '--password', 'nope', ...images(), '-o', file('x.pdf'));
    expect(wrong).toEqual({ code: 2, stdout: '', stderr: `证书密码不正确，无法打开 ${file('cert.p12')}。\n` });
    const notP12 = await run(file('letter.pdf'), '--p12', file('signature.png'), '--password', 'x', ...images(), '-o', file('x.pdf'));
    expect(notP12.code).toBe(2);
    expect(notP12.stderr).toContain('不是可用的数字证书文件');
    const again = await run(file('signed.pdf'), '--p12', file('cert.p12'), '--password', 'test-pass', ...images(), '-o', file('x.pdf'));
    expect(again).toEqual({ code: 1, stdout: '', stderr: `${file('signed.pdf')} 中没有空白的签名域：它不是本软件生成的承诺书，或已经签过章。\n` });
    const badImage = await run(file('letter.pdf'), '--p12', file('cert.p12'), '--password', 'test-pass', '--signature-image', file('cert.p12'), '-o', file('x.pdf'));
    expect(badImage).toEqual({ code: 2, stdout: '', stderr: `“${file('cert.p12')}”不是 PNG 或 JPEG 图片。\n` });
    // Cut short, the PNG would keep pdf-lib looping for ever.
    await writeFile(file('cut.png'), testImage(90, 90, [220, 30, 30]).subarray(0, 60));
    const cut = await run(file('letter.pdf'), '--p12', file('cert.p12'), '--password', 'test-pass', '--signature-image', file('signature.png'), '--seal-image', file('cut.png'), '-o', file('x.pdf'));
    expect(cut).toEqual({ code: 2, stdout: '', stderr: `无法读取“${file('cut.png')}”：图片不完整或已损坏。\n` });
  }, 60_000);

  it('asks for what is missing, with exit 2', async () => {
    vi.stubEnv('PLEDGE_P12_PASSWORD', undefined);
    const cases: [string[], string][] = [
      [[], '请指定要签章的 PDF'],
      [[file('letter.pdf'), '-o', file('x.pdf'), ...images()], '请用 --p12 指定数字证书文件'],
      [[file('letter.pdf'), '--p12', file('cert.p12'), ...images()], '请用 -o 指定签章后的 PDF 文件'],
      [[file('letter.pdf'), '--p12', file('cert.p12'), '-o', file('x.pdf'), ...images()], '请用 --password 或环境变量 PLEDGE_P12_PASSWORD 提供证书密码'],
      [[file('letter.pdf'), '--p12', file('cert.p12'), '--password', 'test-pass', '-o', file('x.pdf')], '请用 --signature-image 指定签名图片'],
      [[file('missing.pdf'), '--p12', file('cert.p12'), '--password', 'test-pass', ...images(), '-o', file('x.pdf')], '找不到文件'],
      [[file('letter.pdf'), 'extra', '--p12', file('cert.p12')], '多余的参数“extra”'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(...argv);
      expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
    }
    expect((await runCli(['--help'], NOW)).stdout).toContain('sign <已审核.pdf> --p12 <证书.p12>');
  });
});
