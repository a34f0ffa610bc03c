import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * End-to-end specs run twice from one source: against the renderer in Debian's Chromium served by
 * the web host (`npm run web`), and against the real Electron app where its binary is installed.
 */
const port = Number(process.env['E2E_PORT'] ?? 5199);
const baseURL = `http://127.0.0.1:${port}`;
const webDataDir = mkdtempSync(join(tmpdir(), 'pledge-e2e-web-'));

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  reporter: [['list'], ['./test/e2e/skip-reason-reporter.ts']],
  use: { baseURL, trace: 'retain-on-failure' },
  webServer: {
    command: 'npm run web',
    url: baseURL,
    // A short probe backoff: the outbox spec brings the platform up and waits for the app to notice by itself.
    // No system font folder either (PLEDGE_FONT_DIRS empty): every role falls back to the bundled fonts, on any machine.
    env: { PORT: String(port), PLEDGE_DATA_DIR: webDataDir, PLEDGE_PROBE_CAP_MS: '1000', PLEDGE_FONT_DIRS: '' },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
  projects: [
    {
      name: 'web',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          // This machine has no network beyond loopback: keep Chromium from reaching out.
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    { name: 'electron' },
  ],
});
