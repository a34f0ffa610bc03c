import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicLetterPath } from '../../../core/protocol/public-letter-path';
import { openStore } from '../../../platform/store/open-store';
import type { PlatformStore } from '../../../platform/store/platform-store';
import { startTestPlatform } from '../../support/submission-fixtures';
import type { Letter } from '../../../core/letter/letter-schema';
import { PNG } from '../../support/package-fixtures';
import { upload } from '../../support/platform-requests';
import { progressPackage, reportWith } from '../progress/progress-fixtures';
import { deliver, packed, templateLetter } from './column-fixtures';

/** The column on a 360 px phone in Chromium with JavaScript off: one column, nothing to scroll sideways, a search that works. */
const SERVICE_ID = '7a2d4c1e-0b3f-4e5a-9c8d-1e2f3a4b5c61';
const POLICY_ID = '7a2d4c1e-0b3f-4e5a-9c8d-1e2f3a4b5c62';
const REPORT_ID = '7a2d4c1e-0b3f-4e5a-9c8d-1e2f3a4b5c63';
const SERVICE_CODE = '122399214012770352';
const POLICY_CODE = '112399210035830292';

let url: string;
let stop: () => Promise<void>;
let store: PlatformStore;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const started = await startTestPlatform({ open: true, now: () => new Date('2026-06-01T02:00:00.000Z') });
  url = started.platform.url;
  stop = started.stop;
  store = await openStore(started.dataDir);
  await deliver(url, await packed(templateLetter('service'), SERVICE_ID), SERVICE_ID);
  await deliver(url, await packed(templateLetter('policy'), POLICY_ID), POLICY_ID);
  for (const id of [SERVICE_ID, POLICY_ID]) await store.submissions.setPublished(id, '2026-05-02T01:00:00.000Z');
  // 履约进度 with a long note and a long evidence name, which must wrap on the phone too.
  const report = reportWith(templateLetter('service') as Letter, SERVICE_ID, '2026-Q2', ['已兑现', '推进中', '未兑现', '已调整'], (r) => ({
    ...r,
    items: r.items.map((item) => (item.number === 1 ? { ...item, note: `${'窗口已全部开通“一网通办”，'.repeat(6)}https://www.example.gov.cn/service/announcement/2026/0630/notice-of-completion.html` } : item)),
  }));
  const progress = progressPackage(report, REPORT_ID, [{ name: `${'一季度窗口改造验收现场照片'.repeat(4)}.png`, bytes: PNG, item: 1, public: true }]);
  expect((await upload(url, progress, { submissionId: REPORT_ID })).status).toBe(200);
  browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, javaScriptEnabled: false, locale: 'zh-CN' });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await store?.close();
  await stop?.();
});

/** Widths in CSS pixels: the page's own, and any element's right edge past the viewport. */
async function overflow(): Promise<{ scrollWidth: number; viewport: number; wide: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > viewport + 0.5).map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, viewport, wide };
  });
}

describe('the public column on a phone, without JavaScript', () => {
  it('has no horizontal scroll on the index or on a letter’s page, its items unfolded, in readable type', async () => {
    await page.goto(new URL('/public', url).href);
    expect(await page.locator('h1').textContent()).toBe('政务承诺专栏');
    for (const summary of await page.locator('summary').all()) await summary.click();
    expect(await overflow()).toEqual({ scrollWidth: 360, viewport: 360, wide: [] });

    await page.goto(new URL(publicLetterPath(2026, SERVICE_CODE), url).href);
    expect(await page.locator('#progress').textContent()).toBe('履约进度');
    expect(await overflow()).toEqual({ scrollWidth: 360, viewport: 360, wide: [] });
    const bodyPixels = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodyPixels).toBeGreaterThanOrEqual(16);
  }, 60_000);

  it('finds a unit with the search form', async () => {
    await page.goto(new URL('/public', url).href);
    await page.getByLabel('按单位名称或统一社会信用代码查找').fill('发展和改革');
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL(/q=/);
    const found = await page.locator('.letters a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(found).toContain(publicLetterPath(2026, POLICY_CODE));
    expect(found.some((href) => href?.includes(SERVICE_CODE))).toBe(false);
    expect(await overflow()).toEqual({ scrollWidth: 360, viewport: 360, wide: [] });
    expect(new URL(page.url()).searchParams.get('q')).toBe('发展和改革');
    expect(await page.getByLabel('按单位名称或统一社会信用代码查找').inputValue()).toBe('发展和改革');
  }, 60_000);
});
