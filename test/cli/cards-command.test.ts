import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grayPages } from '../core/batch-print/gray-pages';
import { decodeQrIn } from '../core/pdf/decode-qr';
import { pdftotext, qpdfCheck, squeeze } from '../core/pdf/pdf-tools';
import { MM } from '../../core/layout/page-geometry';
import { ownLetter } from '../support/letter-fixtures';
import { runCli } from './run-cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-cards-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCli(argv, new Date('2026-05-10T09:00:00+08:00'));
const URL = 'https://credit.songling.example.gov.cn/public/2026/122399214012771583';

async function letterFile(name: string, letter: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(letter));
  return path;
}

describe('pledge cards', () => {
  it('writes one card per service item with a QR code that decodes to --url', async () => {
    const letter = ownLetter('service');
    const out = join(dir, 'cards.pdf');
    const result = await run('cards', await letterFile('service.json', letter), '--url', URL, '-o', out);
    expect(result).toMatchObject({ code: 0, stdout: `已生成 ${out}（4 张服务卡，1 页）。\n`, stderr: '' });
    const bytes = new Uint8Array(await readFile(out));
    expect((await qpdfCheck(bytes)).ok).toBe(true);
    const text = squeeze(await pdftotext(bytes));
    for (const item of letter.items) expect(text).toContain(squeeze(item.content));
    const [image] = await grayPages(bytes, 150);
    // The first card, top left: 15 mm from the left, 13.5 mm from the top, 90 × 54 mm.
    expect(decodeQrIn(image!, 150, { x: 15 * MM, y: (297 - 13.5 - 54) * MM, width: 90 * MM, height: 54 * MM })).toBe(URL);
  });

  it('makes the cards without a QR code when --url is left out, and says so on stderr', async () => {
    const out = join(dir, 'no-url.pdf');
    const result = await run('cards', await letterFile('no-url.json', ownLetter('service')), '-o', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('--url');
    expect(squeeze(await pdftotext(new Uint8Array(await readFile(out))))).not.toContain('扫码查看承诺书');
  });

  it('exits 1 with the lines of pledge validate for an invalid letter, and 1 naming the category for a letter without service items', async () => {
    const broken = await letterFile('broken.json', { ...ownLetter('service'), date: '2026-13-01' });
    const cards = await run('cards', broken, '-o', join(dir, 'never.pdf'));
    expect(cards.code).toBe(1);
    expect(cards.stdout).toBe((await run('validate', broken)).stdout);
    const none = await run('cards', await letterFile('contract.json', ownLetter('contract')), '-o', join(dir, 'never.pdf'));
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^items: .*政务服务事项承诺/);
    await expect(readFile(join(dir, 'never.pdf'))).rejects.toThrow();
  });

  it('exits 2 without an output file or a letter', async () => {
    expect((await run('cards', await letterFile('x.json', ownLetter('service')))).code).toBe(2);
    expect((await run('cards', '-o', join(dir, 'x.pdf'))).code).toBe(2);
  });
});
