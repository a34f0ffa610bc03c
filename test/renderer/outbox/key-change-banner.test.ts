import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyChange } from '../../../core/protocol/receipt-proof';
import { bundlePageScript, launchChromium, openScriptPage } from '../../support/page-in-chromium';

/**
 * The outbox's warning when the platform signs with a key this desk did not pin (the host's side,
 * keyChange in the snapshot, is test/host/receipts/receipt-pinning.test.ts): shown as an alert with
 * both fingerprints, and the new key trusted only by the clerk's click, for exactly that key.
 */
let browser: Browser;
let pageScript: string;

const change: KeyChange = { office: '青山县信用办', pinnedKeyId: '0a1b2c3d4e5f6071', newKeyId: 'f0e1d2c3b4a59687' };

beforeAll(async () => {
  pageScript = await bundlePageScript(join(import.meta.dirname, 'key-change-banner.page.tsx'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The banner over a bridge that records its calls and answers `trusted` as told. */
async function openBanner(trusted: boolean): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript((answer: boolean) => {
    const calls: unknown[] = [];
    Object.assign(window, {
      calls,
      desktop: { call: async (name: string, ...args: unknown[]) => (calls.push({ name, args }), { trusted: answer }), on: () => () => undefined },
    });
  }, trusted);
  await openScriptPage(page, pageScript, 'mountBanner');
  await page.evaluate(`window.mountBanner(${JSON.stringify(change)})`);
  return page;
}

describe('KeyChangeBanner', () => {
  it('says loudly that the key changed, with both fingerprints, and trusts the new key only on the click', async () => {
    const page = await openBanner(true);
    try {
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('警告：报送平台的回执签名公钥变了');
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('“青山县信用办”');
      expect(text).toContain('f0e1 d2c3 b4a5 9687');
      expect(text).toContain('0a1b 2c3d 4e5f 6071');
      expect(await page.evaluate('window.calls')).toEqual([]);
      await page.getByRole('button', { name: '已核对指纹 f0e1 d2c3 b4a5 9687，信任新公钥' }).press('Enter');
      await expect.poll(() => page.evaluate('window.calls')).toEqual([{ name: 'outbox.trustPlatformKey', args: [{ keyId: 'f0e1d2c3b4a59687' }] }]);
    } finally {
      await page.close();
    }
  });

  it('says so when the platform no longer offers the key the clerk compared', async () => {
    const page = await openBanner(false);
    try {
      await page.getByRole('button', { name: /信任新公钥/ }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('报送平台已不再提供该公钥，请重新检查连接。');
    } finally {
      await page.close();
    }
  });
});
