import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemText } from '../../core/layout/letter-blocks';
import { printOrder } from '../../core/letter/item-numbers';
import type { Letter } from '../../core/letter/letter-schema';
import { buildPackage } from '../../core/package/build-package';
import { ownLetter } from '../support/letter-fixtures';
import { packageInput, PNG, renderedPdf } from '../support/package-fixtures';
import { launchChromium } from '../support/page-in-chromium';
import { pdftotext, squeeze } from '../core/pdf/pdf-tools';
import { runCli } from './run-cli';

const NOW = new Date('2026-05-06T09:30:00+08:00');
const ID = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
const ID_NUMBER = '11010519491231002X';
const PLATFORM = 'https://credit.example.gov.cn/pledge/';
/** A signed PDF copy: any PDF but the letter's own. */
const SIGNED_PDF = new TextEncoder().encode('%PDF-1.7\n% the signed and sealed copy\n');

const unitLetter = ownLetter('service');
const personLetter: Letter = (() => {
  const letter = ownLetter('person');
  return letter.kind === 'person' ? { ...letter, person: { ...letter.person, idNumber: ID_NUMBER } } : letter;
})();

let dir: string;
let unitPackage: string;
let personPackage: string;
let browser: Browser;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-publish-'));
  unitPackage = join(dir, 'unit.zip');
  personPackage = join(dir, 'person.zip');
  const signed = [
    { name: 'scan.png', bytes: PNG },
    { name: 'signed.pdf', bytes: SIGNED_PDF },
  ];
  await writeFile(unitPackage, buildPackage(packageInput({ letter: unitLetter, pdf: await renderedPdf(unitLetter), signed, submissionId: ID })));
  await writeFile(personPackage, buildPackage(packageInput({ letter: personLetter, pdf: await renderedPdf(personLetter), submissionId: ID })));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCli(argv, NOW);

/** Opens the folder's index.html from file:// in Chromium and records every request, console error and page error. */
async function openFolder(folder: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(join(folder, 'index.html')).href, { waitUntil: 'load' });
  const facts = {
    lang: await page.evaluate(() => document.documentElement.lang),
    text: await page.evaluate(() => document.body.innerText),
    links: await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '')),
    overflow: await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    images: await page.evaluate(() => [...document.images].map((image) => image.naturalWidth)),
  };
  await context.close();
  return { requests, errors, ...facts };
}

describe('pledge publish', { timeout: 60_000 }, () => {
  it('writes a folder that opens in Chromium from file:// with no request leaving it, in Chinese, with every item as printed', async () => {
    const folder = join(dir, 'unit');
    const result = await run('publish', unitPackage, '-o', folder, '--platform', PLATFORM);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const address = `https://credit.example.gov.cn/pledge/public/2026/${unitLetter.unit.creditCode}`;
    expect(result.stdout).toContain(`公示地址：${address}`);
    expect(result.stdout).toContain('平台公示这份承诺书之后');
    expect((await readdir(folder)).sort()).toEqual(['index.html', 'letter.pdf', 'poster.pdf', 'signed-1.png', 'signed-2.pdf']);
    // The package's PDFs and scans byte for byte.
    expect(new Uint8Array(await readFile(join(folder, 'signed-1.png')))).toEqual(PNG);
    expect(new Uint8Array(await readFile(join(folder, 'signed-2.pdf')))).toEqual(SIGNED_PDF);
    expect(new Uint8Array(await readFile(join(folder, 'letter.pdf')))).toEqual(await renderedPdf(unitLetter));

    const opened = await openFolder(folder);
    expect(opened.errors).toEqual([]);
    const base = pathToFileURL(folder).href;
    expect(opened.requests.length).toBeGreaterThan(0);
    for (const url of opened.requests) expect(url.startsWith(`${base}/`)).toBe(true);
    expect(opened.lang).toBe('zh-CN');
    expect(opened.images).toEqual([1]);
    expect(opened.overflow).toBeLessThanOrEqual(0);
    const text = squeeze(opened.text);
    expect(text).toContain(squeeze(unitLetter.unit.name));
    expect(text).toContain('0459-6234501');
    expect(text).toContain('12345');
    expect(text).toContain(squeeze(unitLetter.principal.name));
    printOrder(unitLetter.items).forEach((index, position) => expect(text).toContain(squeeze(itemText(unitLetter.items[index]!, position + 1, unitLetter.kind))));
    // Links stay in the folder but for the public address, a plain link.
    expect(opened.links.sort()).toEqual([address, 'letter.pdf', 'signed-1.png', 'signed-2.pdf'].sort());

    const poster = squeeze(await pdftotext(new Uint8Array(await readFile(join(folder, 'poster.pdf')))));
    expect(poster).toContain(address);
  });

  it("shows a civil servant's name and post only, never the ID number, and addresses the letter by the receipt's 承诺编码", async () => {
    const receipt = join(dir, 'receipt.json');
    const code = '23012120260420000007';
    await writeFile(receipt, JSON.stringify({ receiptId: 'r-1', submissionId: ID, sha256: 'a'.repeat(64), receivedAt: '2026-04-21T01:30:00.000Z', commitmentCode: code }));
    const folder = join(dir, 'person');
    const result = await run('publish', personPackage, '-o', folder, '--platform', PLATFORM, '--receipt', receipt, '--poster', 'a4');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`公示地址：https://credit.example.gov.cn/pledge/public/letters/${code}`);
    expect(result.stdout).not.toContain('平台公示这份承诺书之后');

    const html = await readFile(join(folder, 'index.html'), 'utf8');
    const poster = await pdftotext(new Uint8Array(await readFile(join(folder, 'poster.pdf'))));
    for (const text of [html, poster, result.stdout]) {
      expect(text).not.toContain(ID_NUMBER);
      expect(text).not.toContain(ID_NUMBER.slice(6, 14));
    }
    const opened = await openFolder(folder);
    expect(opened.errors).toEqual([]);
    expect(squeeze(opened.text)).toContain(squeeze(personLetter.kind === 'person' ? personLetter.person.position : ''));
    expect(squeeze(opened.text)).toContain(squeeze(personLetter.kind === 'person' ? personLetter.person.name : ''));
  });

  it('needs an address: neither --url nor --platform, or a person without a receipt, is exit 2 naming the options', async () => {
    const none = await run('publish', unitPackage, '-o', join(dir, 'none'));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--url');
    expect(none.stderr).toContain('--platform');
    const person = await run('publish', personPackage, '-o', join(dir, 'none'), '--platform', PLATFORM);
    expect(person.code).toBe(2);
    expect(person.stderr).toContain('--receipt');
    await expect(readdir(join(dir, 'none'))).rejects.toThrow();
  });

  it('takes --url as given, refuses a receipt of another submission, a poster size it has not, and a broken package', async () => {
    const url = 'https://www.songling.gov.cn/zwgk/cnzl/2026.html';
    const folder = join(dir, 'url');
    const given = await run('publish', unitPackage, '-o', folder, '--url', url);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain(`公示地址：${url}`);
    expect(await readFile(join(folder, 'index.html'), 'utf8')).toContain(`href="${url}"`);

    const other = join(dir, 'other-receipt.json');
    await writeFile(other, JSON.stringify({ receiptId: 'r-2', submissionId: '6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e', sha256: 'b'.repeat(64), receivedAt: '2026-04-21T01:30:00.000Z' }));
    const mismatch = await run('publish', personPackage, '-o', join(dir, 'x'), '--platform', PLATFORM, '--receipt', other);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e');

    expect((await run('publish', unitPackage, '-o', join(dir, 'x'), '--url', url, '--poster', 'a5')).code).toBe(2);

    const broken = join(dir, 'broken.zip');
    await writeFile(broken, (await readFile(unitPackage)).subarray(0, 2000));
    const refused = await run('publish', broken, '-o', join(dir, 'x'), '--url', url);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('报送包未通过校验');
  });
});
