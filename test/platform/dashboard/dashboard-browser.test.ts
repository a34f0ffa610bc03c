import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF } from '../../support/package-fixtures';
import { FINANCE, POLICY, POLICY_ID, POLICY_PACKAGE, ROSTER_CSV, SERVICE, SERVICE_ID, SERVICE_PACKAGE, SERVICE_TOKEN, startOperatorPlatform } from './dashboard-fixtures';

/**
 * The operator's dashboard in real Chromium against the real platform: logging in by keyboard
 * alone, the roster upload, the bars and the missing list, the .xlsx export read back by another
 * library, a letter delivered while the page is open showing up without a reload, publishing,
 * axe-core, and logging out.
 */
let platform: Awaited<ReturnType<typeof startOperatorPlatform>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  platform = await startOperatorPlatform();
  await platform.deliver(SERVICE_PACKAGE, SERVICE_ID, SERVICE_TOKEN);
  browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  // Axe needs a context of our own (not the default one) to inject itself into every frame.
  const context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function expectNoAxeViolations(what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${what}: axe-core finds problems`,
  ).toEqual([]);
}

const rowText = (table: string, header: string) => page.locator(`${table} tr`, { has: page.locator(`th:text-is("${header}")`) }).innerText();

describe('the dashboard in Chromium', () => {
  it('logs the operator in by keyboard alone', async () => {
    await page.goto(`${platform.url}/dashboard`);
    await expectNoAxeViolations('login page');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token');
    await page.keyboard.type(platform.operator);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${platform.url}/dashboard`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('报送情况（2026 年度）');
  }, 60_000);

  it('imports the 编办 roster from the upload form and names the refused row', async () => {
    await page.setInputFiles('#roster-file', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER_CSV, 'utf8') });
    await page.getByRole('button', { name: '上传并导入' }).click();
    const outcome = page.locator('#roster-outcome');
    await expect.poll(() => outcome.innerText()).toContain('新增 3 个单位，更新 0 个，拒绝 1 行');
    expect(await outcome.innerText()).toContain('第 6 行');
  }, 60_000);

  it('shows the bars with their figures as text and the missing list, and exports it as .xlsx', async () => {
    await page.goto(`${platform.url}/dashboard`);
    expect(await page.locator('#totals').innerText()).toBe('名单内 3 个单位，已承诺 1 个，未承诺 2 个，完成率 33%。');
    expect((await rowText('#by-district', '青山县')).split(/\s+/)).toEqual(['青山县', '1', '2', '1', '50%']);
    expect((await rowText('#by-district', '绿水区')).split(/\s+/)).toEqual(['绿水区', '0', '1', '1', '0%']);
    expect((await rowText('#by-type', '事业单位')).split(/\s+/)).toEqual(['事业单位', '1', '1', '0', '100%']);
    expect(await page.locator('#missing-title').innerText()).toBe('未承诺单位（2 个）');
    expect(await page.locator('#missing tbody').innerText()).toContain(POLICY.name);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出未承诺单位（.xlsx）' }).click()]);
    expect(download.suggestedFilename()).toBe('未承诺单位-2026.xlsx');
    const rows = await readSheet(await readFile((await download.path())!));
    expect(rows).toEqual([
      ['单位名称', '统一社会信用代码', '所属区县', '单位类型'],
      [FINANCE.name, FINANCE.code, '绿水区', '机关'],
      [POLICY.name, POLICY.code, '青山县', '机关'],
    ]);
    await expectNoAxeViolations('dashboard');
  }, 60_000);

  it('shows a letter delivered while the page is open, without a reload', async () => {
    await page.evaluate(() => Object.assign(window, { loadedBefore: true }));
    await platform.deliver(POLICY_PACKAGE, POLICY_ID, platform.policy);
    await expect.poll(() => page.locator('#missing-title').innerText(), { timeout: 15_000 }).toBe('未承诺单位（1 个）');
    expect(await page.locator('#totals').innerText()).toBe('名单内 3 个单位，已承诺 2 个，未承诺 1 个，完成率 66%。');
    expect((await rowText('#by-district', '青山县')).split(/\s+/)).toEqual(['青山县', '2', '2', '0', '100%']);
    expect(await page.locator('#letters').innerText()).toContain(POLICY.name);
    expect(await page.locator('#live-status').innerText()).toBe('报送情况已更新。');
    expect(await page.evaluate(() => (window as unknown as { loadedBefore?: boolean }).loadedBefore)).toBe(true);
  }, 60_000);

  it('opens a letter’s PDF as stored and publishes it on the public column', async () => {
    const href = await page.locator(`a[href$="/letters/${SERVICE_ID}/letter.pdf"]`).getAttribute('href');
    const pdf = await page.request.get(`${platform.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(new Uint8Array(await pdf.body())).toEqual(PDF);

    await page.getByRole('button', { name: `发布 ${SERVICE.name} 的承诺书` }).click();
    await page.waitForURL(`${platform.url}/dashboard?year=2026#letters`);
    await expect.poll(() => page.getByRole('button', { name: `撤回 ${SERVICE.name} 的承诺书` }).count()).toBe(1);
    await expectNoAxeViolations('dashboard after publishing');
  }, 60_000);

  it('logs out, after which the page asks for the token again', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('已退出登录');
    await page.goto(`${platform.url}/dashboard`);
    expect(await page.locator('#token').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toContain(SERVICE.name);
  }, 60_000);
});
