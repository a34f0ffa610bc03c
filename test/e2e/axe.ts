import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Runs axe-core over what the page shows now and fails on every serious or critical finding,
 * listing rule, help text and the elements concerned. Playwright injects axe through the DevTools
 * protocol (`page.evaluate`), which the app's Content Security Policy does not govern, so the
 * policy stays as strict as it ships. A soft check: one run reports every screen's findings.
 */
export async function expectNoSeriousViolations(page: Page, screenName: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const readable = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n')}`);
  expect.soft(readable, `${screenName}: axe-core finds serious or critical problems`).toEqual([]);
}
