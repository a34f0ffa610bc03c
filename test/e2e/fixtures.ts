import { test as base, expect, _electron, type Browser, type Page, type TestInfo } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findElectronBinary } from './electron-binary';

/**
 * `appPage` is the app's window, whichever shell runs it: a fresh Chromium context on the web host
 * for the `web` project, a fresh Electron process with its own data folder for `electron`.
 */
export const test = base.extend<{ appPage: Page }, { webBrowser: Browser | undefined }>({
  // One Chromium per worker, not per test: each test still gets a context of its own (a fresh
  // profile: storage, IndexedDB, downloads), and launching a browser costs a second or two on a busy machine.
  webBrowser: [
    async ({ playwright, launchOptions }, use, workerInfo) => {
      // Launched here rather than through the `browser` fixture, which the Electron project must not start.
      if (workerInfo.project.name === 'electron') {
        await use(undefined);
        return;
      }
      const browser = await playwright.chromium.launch(launchOptions);
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'worker' },
  ],
  appPage: async ({ webBrowser, baseURL }, use, testInfo) => {
    if (testInfo.project.name === 'electron' || webBrowser === undefined) {
      await useElectronWindow(use, testInfo);
      return;
    }
    // A township office PC's screen: the walk was made at 1366×768.
    const context = await webBrowser.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      const csp = await watchContentSecurityPolicy(page);
      await page.goto('/');
      await use(page);
      expect(await csp.refusals(), 'the Content Security Policy refused something the app does').toEqual([]);
    } finally {
      // Contexts a test opened on the same browser (another machine's profile) end with it too.
      await Promise.all(webBrowser.contexts().map((opened) => opened.close()));
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
  // Playwright adds these two itself only when it finds Electron on its own: without them the run would ask the real keyring.
  const args = [main, '--password-store=basic', '--use-mock-keychain'];
  const app = await _electron.launch({ executablePath: electron.path, args, env: { ...process.env, PLEDGE_USER_DATA_DIR: userData, PLEDGE_PROBE_CAP_MS: '1000', PLEDGE_FONT_DIRS: '' } });
  try {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    const csp = await watchContentSecurityPolicy(window);
    await use(window);
    expect(await csp.refusals(), 'the Content Security Policy refused something the app does').toEqual([]);
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
}

export { expect } from '@playwright/test';

/**
 * Collects what the app's Content Security Policy refuses on this page: console reports and
 * `securitypolicyviolation` events (some refusals, like a probe for eval, log nothing). Anything
 * it blocks is a defect of the app, not noise.
 */
async function watchContentSecurityPolicy(page: Page): Promise<{ refusals(): Promise<string[]> }> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) logged.push(message.text());
  });
  const listen = `(() => {
    if (window.__cspRefusals) return;
    window.__cspRefusals = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspRefusals.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
  })()`;
  await page.addInitScript(listen);
  // The Electron window has loaded already: listen from now on as well.
  if (page.url() !== 'about:blank') await page.evaluate(listen);
  return {
    refusals: async () => [...logged, ...((await page.evaluate('window.__cspRefusals ?? []').catch(() => [])) as string[])],
  };
}
