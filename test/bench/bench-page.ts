import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startWebHost } from '../../web-host/web-host';
import { createBrowserHost } from '../../web-host/browser-host';

/**
 * The built renderer on the web host in Debian's Chromium, with a fresh data folder and profile:
 * the setting every browser benchmark measures in. `npm run bench` builds the renderer first.
 */
export async function withAppPage<T>(use: (page: Page, url: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pledge-bench-'));
  const { handlers } = createBrowserHost({ info: { name: 'Pledge Desk', version: 'bench', platform: process.platform, dataDir } });
  const host = await startWebHost({ handlers, rendererDir: resolve('dist/renderer'), port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    return await use(page, host.url);
  } finally {
    await browser.close();
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Collects main-thread long tasks into `window.longTasks`; tsx would break a function here, so it is a string. */
export const OBSERVE_LONG_TASKS = `
  window.longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
`;

/** The q-quantile of sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}
