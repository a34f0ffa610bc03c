import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../core/letter/problem';
import { ownLetter } from '../../support/letter-fixtures';
import { bundlePageScript, launchChromium, openScriptPage } from '../../support/page-in-chromium';
import type { Calls } from './service-cards-button.page';

/** The app's 生成服务卡 button in Chromium, over a render and a save that only record what they were given. */
let browser: Browser;
let pageScript: string;

beforeAll(async () => {
  pageScript = await bundlePageScript(join(import.meta.dirname, 'service-cards-button.page.tsx'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const URL = 'https://credit.songling.example.gov.cn/public/2026/122399214012771583';

async function open(letter: unknown, address: string | undefined, refusal: Problem[] | null = null): Promise<Page> {
  const page = await browser.newPage();
  await openScriptPage(page, pageScript, 'mountButton');
  await page.evaluate(`window.mountButton(${JSON.stringify(letter)}, ${JSON.stringify(address ?? null)}, ${JSON.stringify(refusal)})`);
  return page;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { calls: Calls }).calls);

describe('ServiceCardsButton', () => {
  it('makes the cards for the letter and its address and saves the PDF, saying where', async () => {
    const page = await open(ownLetter('service'), URL);
    try {
      expect(await page.getByTestId('service-cards').textContent()).not.toContain('不印二维码');
      await page.getByRole('button', { name: '生成服务卡（PDF）' }).click();
      await expect.poll(() => page.getByTestId('service-cards-status').textContent().catch(() => '')).toBe('已保存到 /exports/服务卡.pdf');
      const recorded = await calls(page);
      expect(recorded.rendered).toEqual([{ unit: ownLetter('service').unit.name, url: URL }]);
      expect(new TextDecoder().decode(new Uint8Array(recorded.saved[0] ?? []))).toBe('%PDF-1.7 cards');
    } finally {
      await page.close();
    }
  });

  it('says beforehand that the cards carry no QR code without an address, and lists what stops the cards', async () => {
    const refusal: Problem[] = [{ path: 'items[0].content', field: '第 1 项承诺事项', code: 'too-long', severity: 'error', message: '第 1 项承诺事项在服务卡上用最小字号（7 磅）也排不下。' }];
    const page = await open(ownLetter('service'), '  ', refusal);
    try {
      expect(await page.getByTestId('service-cards').textContent()).toContain('服务卡上将不印二维码');
      await page.getByRole('button', { name: '生成服务卡（PDF）' }).click();
      await expect.poll(() => page.getByTestId('service-cards-problems').textContent().catch(() => '')).toBe(refusal[0]!.message);
      const recorded = await calls(page);
      expect(recorded.rendered[0]?.url).toBeUndefined();
      expect(recorded.saved).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('offers no cards for a letter without service items', async () => {
    const page = await open(ownLetter('contract'), URL);
    try {
      expect(await page.getByTestId('service-cards').textContent()).toContain('没有政务服务事项');
      expect(await page.getByRole('button', { name: '生成服务卡（PDF）' }).isDisabled()).toBe(true);
    } finally {
      await page.close();
    }
  });
});
