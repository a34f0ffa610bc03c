import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../../core/package/build-package';
import type { Letter } from '../../../core/letter/letter-schema';
import { ownLetter } from '../../support/letter-fixtures';
import { packageInput, PNG, renderedPdf } from '../../support/package-fixtures';
import { bundlePageScript, launchChromium, openScriptPage } from '../../support/page-in-chromium';
import type { Calls } from './publication-panel.page';

/** The app's 公示材料 panel in Chromium, over a package, a connection and a save that only record what they were given. */
let browser: Browser;
let pageScript: string;
const unit = ownLetter('service');
const person: Letter = ownLetter('person');
let unitPackage: number[];
let personPackage: number[];

beforeAll(async () => {
  pageScript = await bundlePageScript(join(import.meta.dirname, 'publication-panel.page.tsx'));
  browser = await launchChromium();
  unitPackage = [...buildPackage(packageInput({ letter: unit, pdf: await renderedPdf(unit) }))];
  personPackage = [...buildPackage(packageInput({ letter: person, pdf: await renderedPdf(person) }))];
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(bytes: number[], platform: string | null, delivered: boolean, code: string | null = null): Promise<Page> {
  const page = await browser.newPage();
  await openScriptPage(page, pageScript, 'mountPanel');
  await page.evaluate(`window.mountPanel(${JSON.stringify(bytes)}, ${JSON.stringify(platform)}, ${delivered}, ${JSON.stringify(code)})`);
  return page;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { calls: Calls }).calls);

describe('PublicationPanel', { timeout: 60_000 }, () => {
  it('reads the package when opened, prefills the address from the platform, and saves the portal folder as a .zip and the poster', async () => {
    const page = await open(unitPackage, 'https://credit.example.gov.cn/', true);
    try {
      expect((await calls(page)).read).toEqual([]);
      await page.getByText('公示材料').click();
      const address = page.getByTestId('publication-address');
      const expected = `https://credit.example.gov.cn/public/2026/${unit.unit.creditCode}`;
      await expect.poll(() => address.inputValue().catch(() => '')).toBe(expected);
      expect(await page.getByTestId('publication-not-delivered').count()).toBe(0);
      expect(await page.getByTestId('publication-panel').textContent()).toContain('解压后整体上传到门户网站');

      await page.getByRole('button', { name: '保存门户网站公示文件（.zip）' }).click();
      await expect.poll(() => page.getByTestId('publication-status').textContent().catch(() => '')).toContain('门户网站公示文件');
      await page.getByRole('combobox').selectOption('a4');
      await address.fill('https://www.songling.gov.cn/cn.html');
      await page.getByRole('button', { name: '保存服务大厅海报（PDF）' }).click();
      await expect.poll(async () => (await calls(page)).saved.length).toBe(2);

      const recorded = await calls(page);
      expect(recorded.posters).toEqual([
        { address: expected, size: 'a3', unit: unit.unit.name },
        { address: 'https://www.songling.gov.cn/cn.html', size: 'a4', unit: unit.unit.name },
      ]);
      const [folder, poster] = recorded.saved;
      expect(folder?.kind).toBe('zip');
      const files = unzipSync(new Uint8Array(folder?.bytes ?? []));
      expect(Object.keys(files).sort()).toEqual(['index.html', 'letter.pdf', 'poster.pdf', 'signed-1.png']);
      expect(files['signed-1.png']).toEqual(PNG);
      expect(new TextDecoder().decode(files['index.html'])).toContain(`href="${expected}"`);
      expect(poster?.kind).toBe('pdf');
      expect(poster?.name).toContain('服务大厅海报');
      // The service cards of the letter are offered beside them.
      expect(await page.getByTestId('service-cards').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it("says plainly when the letter is not delivered, and leaves a person's address to the receipt's 承诺编码", async () => {
    const page = await open(personPackage, 'https://credit.example.gov.cn', false);
    try {
      await page.getByText('公示材料').click();
      await expect.poll(() => page.getByTestId('publication-panel').textContent()).toContain('个人承诺书的公示地址要用平台回执中的承诺编码');
      expect(await page.getByTestId('publication-not-delivered').textContent()).toContain('还没有送达平台');
      expect(await page.getByTestId('publication-address').inputValue()).toBe('');
      expect(await page.getByRole('button', { name: '保存服务大厅海报（PDF）' }).isDisabled()).toBe(true);
    } finally {
      await page.close();
    }
    const delivered = await open(personPackage, 'https://credit.example.gov.cn', true, '23012120260420000001');
    try {
      await delivered.getByText('公示材料').click();
      await expect.poll(() => delivered.getByTestId('publication-address').inputValue().catch(() => '')).toBe('https://credit.example.gov.cn/public/letters/23012120260420000001');
    } finally {
      await delivered.close();
    }
  });
});
