import { test as base, expect, _electron, type Page, type TestInfo } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findElectronBinary } from './electron-binary';

/**
 * `appPage` is the app's window, whichever shell runs it: a fresh Chromium context on the web host
 * for the `web` project, a fresh Electron process with its own data folder for `electron`.
 */
export const test = base.extend<{ appPage: Page }>({
  appPage: async ({ playwright, launchOptions, baseURL }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      await useElectronWindow(use, testInfo);
      return;
    }
    // Launched here rather than through the `page` fixture, which the Electron project must not start.
    const browser = await playwright.chromium.launch(launchOptions);
    try {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      // The host sends the app's Content Security Policy: anything it blocks is a defect, not noise.
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
      });
      await page.goto('/');
      await use(page);
      expect(refused, 'the Content Security Policy refused something the app does').toEqual([]);
    } finally {
      await browser.close();
    }
  },
});

async function useElectronWindow(use: (page: Page) => Promise<void>, testInfo: TestInfo): Promise<void> {
  const electron = findElectronBinary();
  if ('missing' in electron) {
    testInfo.skip(true, electron.missing);
    return;
  }
  const main = resolve('dist/electron/main.cjs');
  if (!existsSync(main)) throw new Error('dist/electron/main.cjs is missing: run `npm run build` before the Electron specs.');
  const userData = await mkdtemp(join(tmpdir(), 'pledge-e2e-electron-'));
  const app = await _electron.launch({ executablePath: electron.path, args: [main], env: { ...process.env, PLEDGE_USER_DATA_DIR: userData, PLEDGE_PROBE_CAP_MS: '1000' } });
  try {
    await use(await app.firstWindow());
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
}

export { expect } from '@playwright/test';
