import { PREVIEW_BASELINE_FLAG } from '../../renderer/pdf/preview-schedule';
import { OBSERVE_LONG_TASKS, quantile, withAppPage } from './bench-page';

/**
 * Preview latency in Chromium for a two-page letter: from the last keystroke in the statement to
 * the new preview drawn, plus every main-thread task over 50 ms while typing. Needs a built
 * renderer (npm run bench builds it).
 */
const ROUNDS = 20;

/** Resolves with the time from the last input event to the next finished preview drawing. */
const WAIT_FOR_PREVIEW_AFTER_INPUT = `new Promise((done) => {
  const host = document.querySelector('[data-testid="pdf-preview"]');
  const poll = () => {
    const drawn = Number(host.dataset.renderedAt || 0);
    if (drawn > window.lastInput) done(drawn - window.lastInput);
    else requestAnimationFrame(poll);
  };
  poll();
})`;

/**
 * `baseline: true` asks the app for the schedule before issue 14 (see renderer/pdf/preview-schedule.ts),
 * so the bench prints the old figure beside the new one from the same run.
 */
export async function measurePreviewLatency(options: { readonly baseline?: boolean } = {}): Promise<{ p50: number; p95: number; max: number; longTasks: number[]; phases: [string, number][] }> {
  return withAppPage(async (page, url) => {
    await page.addInitScript(`${OBSERVE_LONG_TASKS}
      window.${PREVIEW_BASELINE_FLAG} = ${options.baseline === true};
      window.lastInput = 0;
      document.addEventListener('input', () => { window.lastInput = performance.now(); }, true);
    `);
    await page.goto(url);
    await page.getByRole('button', { name: '新建承诺书' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    const preview = page.getByTestId('pdf-preview');
    await preview.locator('canvas').nth(1).waitFor({ timeout: 60_000 });
    const textarea = page.getByRole('textbox', { name: '承诺正文' });
    await textarea.click();
    await page.keyboard.press('End');
    await page.evaluate('window.longTasks = []');

    const latencies: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await page.keyboard.type('诚信践诺', { delay: 40 });
      // A string, not a function: tsx would add a __name helper the page does not have.
      const latency = (await page.evaluate(WAIT_FOR_PREVIEW_AFTER_INPUT)) as number;
      latencies.push(latency);
    }
    const longTasks = (await page.evaluate('window.longTasks')) as number[];
    const phases = (await page.evaluate(
      `['pdf-render', 'pdf-draw'].map((name) => { const d = performance.getEntriesByName(name).map((e) => e.duration).sort((a, b) => a - b); return [name, d[Math.floor(d.length / 2)] || 0]; })`,
    )) as [string, number][];
    latencies.sort((a, b) => a - b);
    return { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), max: latencies[latencies.length - 1] ?? 0, longTasks, phases };
  });
}
