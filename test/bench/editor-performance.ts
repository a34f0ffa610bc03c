import type { Page } from 'playwright-core';
import type { DraftRecord, LetterRecord, SnapshotRecord } from '../../core/drafts/draft-record';
import { summarizeLetter } from '../../core/drafts/summarize-letter';
import { CATEGORY_KEYS } from '../../core/letter/categories';
import { letterFromTemplate, TEMPLATE_KEYS } from '../../core/letter/templates';
import { OBSERVE_LONG_TASKS, quantile, withAppPage } from './bench-page';

/**
 * The editor's two targets from its issue, in Chromium on the built renderer:
 * - with 1,000 drafts stored, the list paints within 200 ms;
 * - typing in a long letter never blocks the main thread for more than 50 ms.
 * Drafts are written straight into IndexedDB in the app's own record shapes, as a clerk's
 * database would hold them after a few years.
 */
const DRAFTS = 1000;
const ROUNDS = 7;

export function seedRecords(count: number, now: number): { drafts: DraftRecord[]; letters: LetterRecord[]; snapshots: SnapshotRecord[] } {
  const drafts: DraftRecord[] = [];
  const letters: LetterRecord[] = [];
  const snapshots: SnapshotRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const key = TEMPLATE_KEYS[i % TEMPLATE_KEYS.length]!;
    const letter = letterFromTemplate(key, { year: 2020 + (i % 7) });
    const named = { ...letter, unit: { ...letter.unit, name: `${letter.unit.name}（第${i + 1}份）` } };
    const at = now - i * 60_000;
    const id = `bench-${String(i).padStart(4, '0')}`;
    drafts.push({ id, templateKey: key, status: (['draft', 'in-review', 'returned', 'approved'] as const)[i % 4]!, createdAt: at, updatedAt: at, summary: summarizeLetter(named), lastSnapshotAt: at });
    letters.push({ draftId: id, letter: named });
    snapshots.push({ id: `${id}-s`, draftId: id, at, reason: 'created', status: 'draft', letter: named });
  }
  return { drafts, letters, snapshots };
}

/** Writes records into the app's database after the app has created it (same origin, same schema). */
export async function seed(page: Page, records: ReturnType<typeof seedRecords>): Promise<void> {
  await page.evaluate(`new Promise((resolve, reject) => {
    const records = ${JSON.stringify(records)};
    const open = indexedDB.open('pledge-desk');
    open.onsuccess = () => {
      const tx = open.result.transaction(['drafts', 'letters', 'snapshots'], 'readwrite');
      for (const [table, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(table).put(row);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  })`);
}

/** Resolves with performance.now() at the first frame painted after draft cards appear. */
export const LIST_PAINTED = `new Promise((done) => {
  const poll = () => document.querySelector('[data-testid="draft-card"]')
    ? requestAnimationFrame(() => setTimeout(() => done(performance.now())))
    : requestAnimationFrame(poll);
  poll();
})`;

export interface ListFigures {
  readonly fromNavigation: number;
  readonly fromBackButton: number;
  readonly searchLongTasks: number[];
}

export async function measureListWithManyDrafts(): Promise<ListFigures> {
  return withAppPage(async (page, url) => {
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.goto(url);
    await page.getByText('还没有草稿').waitFor();
    await seed(page, seedRecords(DRAFTS, Date.now()));

    const fromNavigation: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await page.reload();
      fromNavigation.push((await page.evaluate(LIST_PAINTED)) as number);
    }
    const fromBackButton: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await page.getByTestId('draft-card').nth(round).click();
      await page.getByRole('form', { name: '承诺书填写' }).waitFor();
      const clicked = (await page.evaluate(`(() => { const t = performance.now(); document.querySelector('.draft-view__top button').click(); return t; })()`)) as number;
      fromBackButton.push(((await page.evaluate(LIST_PAINTED)) as number) - clicked);
    }
    // Found before the window opens: Playwright's own role lookups run on the page's main thread.
    const search = await page.getByRole('searchbox').elementHandle();
    await page.evaluate('window.longTasks = []');
    await search!.type('临江镇 2024', { delay: 60 });
    await page.getByTestId('list-count').filter({ hasText: /^\d+ \/ 1000 份$/ }).waitFor();
    const searchLongTasks = (await page.evaluate('window.longTasks')) as number[];
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    return { fromNavigation: quantile(sorted(fromNavigation), 0.5), fromBackButton: quantile(sorted(fromBackButton), 0.5), searchLongTasks };
  });
}

export interface TypingFigures {
  readonly items: number;
  readonly pages: number;
  readonly longTasks: number[];
  readonly inputP95: number;
}

/** A letter at the item limit (200), typed into at its end and in its statement. */
export async function measureTypingInLongLetter(): Promise<TypingFigures> {
  return withAppPage(async (page, url) => {
    await page.addInitScript(`${OBSERVE_LONG_TASKS}
      window.inputDurations = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.inputDurations.push(e.duration))).observe({ type: 'event', durationThreshold: 16, buffered: true });
    `);
    await page.goto(url);
    await page.getByText('还没有草稿').waitFor();
    const base = letterFromTemplate('key-task', { year: 2026 });
    const items = Array.from({ length: 200 }, (_, i) => ({ ...base.items[i % base.items.length]!, category: CATEGORY_KEYS[i % CATEGORY_KEYS.length]! }));
    const records = seedRecords(1, Date.now());
    const letter = { ...base, items };
    records.letters[0] = { draftId: records.drafts[0]!.id, letter };
    records.drafts[0] = { ...records.drafts[0]!, status: 'draft', summary: summarizeLetter(letter) };
    await seed(page, records);
    await page.reload();
    await page.getByTestId('draft-card').click();
    const preview = page.getByTestId('pdf-preview');
    await preview.locator('canvas').first().waitFor({ timeout: 120_000 });
    const pages = Number(await preview.getAttribute('data-pages'));
    // Found before the window opens: Playwright's own role lookups run on the page's main thread.
    const last = await page.getByRole('textbox', { name: '第 200 项承诺事项的内容' }).elementHandle();
    const statement = await page.getByRole('textbox', { name: '承诺正文' }).elementHandle();
    await page.evaluate('window.longTasks = []; window.inputDurations = []');

    await last!.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('，并按月公开进展情况', { delay: 80 });
    await statement!.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('全体干部职工共同遵守', { delay: 80 });
    // Let the last save and preview finish inside the measured window.
    await page.waitForTimeout(2500);
    const longTasks = (await page.evaluate('window.longTasks')) as number[];
    const inputs = ((await page.evaluate('window.inputDurations')) as number[]).sort((a, b) => a - b);
    return { items: items.length, pages, longTasks, inputP95: quantile(inputs, 0.95) };
  });
}
