import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markBox } from '../../../core/batch-print/page-code-mark';
import { encodePageCode } from '../../../core/batch-print/page-code';
import type { PrintFile } from '../../../core/batch-print/print-file';
import { printFile, printLetters } from '../../core/batch-print/print-fixtures';
import { bundlePageScript, launchChromium, openScriptPage } from '../../support/page-in-chromium';
import type { Attached } from './scan-split-panel.page';

/**
 * The clerk's check of a split scan, in Chromium: every match and every page set aside is shown
 * before anything is attached, and 确认并附加 attaches each complete letter's pages only once the
 * clerk has ticked that the matches were checked. The print file with one page's code painted
 * over stands in for the scanned PDF.
 */
let browser: Browser;
let pageScript: string;
let file: PrintFile;
let scan: Buffer;

beforeAll(async () => {
  file = await printFile();
  const doc = await PDFDocument.load(file.bytes);
  // Letter 1's first page (file page 3) loses its code: between the blank after the cover and its own page 2, it is presumed.
  const box = markBox(encodePageCode(file.pages[2]!));
  doc.getPage(2).drawRectangle({ ...box, width: box.width + 200, color: rgb(1, 1, 1) });
  scan = Buffer.from(await doc.save());
  pageScript = await bundlePageScript(join(import.meta.dirname, 'scan-split-panel.page.tsx'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function openPanel(): Promise<Page> {
  const page = await browser.newPage();
  await openScriptPage(page, pageScript, 'mountPanel');
  const letters = await printLetters();
  const printed = { batchKey: file.batchKey, letters: file.letters.map(({ key, pages }) => ({ key, pages })) };
  const members = letters.map(({ key, name }) => ({ key, name }));
  await page.evaluate(`window.mountPanel(${JSON.stringify(printed)}, ${JSON.stringify(members)})`);
  return page;
}

describe('ScanSplitPanel', () => {
  it('shows every match and every page set aside, and attaches each letter its pages only after the check', async () => {
    const page = await openPanel();
    try {
      const letters = await printLetters();
      await page.locator('input[type=file]').setInputFiles({ name: 'signed.pdf', mimeType: 'application/pdf', buffer: scan });
      const rows = page.getByTestId('scan-letters').locator('> li');
      await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(letters.length);
      const first = rows.nth(0);
      await expect.poll(() => first.textContent()).toContain('第 1 页（按顺序推定，请核对）');
      expect(await first.textContent()).toContain(letters[0]!.name);
      expect(await first.textContent()).toContain('第 2 页（已识别页码标识）');
      for (let i = 0; i < letters.length; i += 1) expect(await rows.nth(i).getAttribute('data-complete')).toBe('true');
      const setAside = await page.getByTestId('scan-set-aside').locator('li').allTextContents();
      expect(setAside).toHaveLength(file.pages.filter((code) => code.kind !== 'letter').length);
      expect(setAside[0]).toContain('签字清单（封面）');
      expect(await page.locator('img').count()).toBe(file.pages.length);

      const attach = page.getByRole('button', { name: '确认并附加' });
      expect(await attach.isDisabled()).toBe(true);
      expect(await page.evaluate('window.attached.length')).toBe(0);
      await page.getByLabel('我已逐页核对上面的匹配，特别是“按顺序推定”的页').check();
      await attach.click();
      await expect.poll(() => page.getByTestId('scan-attached').textContent(), { timeout: 60_000 }).toContain(`${letters.at(-1)!.name}：签字件已附加。`);

      const attached = (await page.evaluate('window.attached')) as Attached[];
      expect(attached.map((a) => [a.draftId, a.name, a.type])).toEqual(letters.map((letter) => [letter.key, `${letter.name}签字件.pdf`, 'application/pdf']));
      for (const [i, copy] of attached.entries()) {
        expect((await PDFDocument.load(new Uint8Array(copy.bytes))).getPageCount()).toBe(file.letters[i]!.pages);
      }
    } finally {
      await page.close();
    }
  }, 180_000);
});
