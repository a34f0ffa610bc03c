import type { Page } from '@playwright/test';
import { createRealUnitLetter, openTab } from './app-actions';
import { expect, test } from './fixtures';
import { coveredControls } from './hit-test';

/** The office screens of the clerk's walk: the usual one and the small one. */
const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

/** A letter with items in several categories, so every kind of item row and snippet picker is on screen. */
async function letterWithItems(page: Page): Promise<void> {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  const policy = page.getByRole('region', { name: '惠企利民政策兑现承诺' });
  await policy.getByRole('combobox', { name: '从模板插入惠企利民政策兑现承诺' }).selectOption({ index: 1 });
  await policy.getByRole('button', { name: '插入' }).click();
  const duty = page.getByRole('region', { name: '履职尽责承诺' });
  await duty.getByRole('button', { name: '添加一项履职尽责承诺' }).click();
  // Filled in, so the letter is valid and the preview beside the form is drawn.
  await duty.getByRole('textbox', { name: /承诺事项的内容$/ }).fill('严格落实首问负责制。');
  await expect(page.getByRole('textbox', { name: /承诺事项的内容$/ })).toHaveCount(6);
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectEveryControlReachable(page: Page, selector: string): Promise<void> {
  const { checked, covered } = await coveredControls(page.locator(selector));
  expect(checked, `controls found in ${selector}`).toBeGreaterThan(0);
  expect(covered, `controls in ${selector} that a click would miss`).toEqual([]);
}

for (const { width, height } of SCREENS) {
  test(`at ${width}×${height} every control of the form takes its own clicks, none lies under the preview`, async ({ appPage: page }) => {
    await page.setViewportSize({ width, height });
    await letterWithItems(page);
    // The preview is drawn: it is the thing that used to cover the form.
    await expect(page.getByTestId('pdf-preview').getByRole('img', { name: /^第 ?1 ?页$/ })).toBeVisible({ timeout: 20_000 });
    await expectEveryControlReachable(page, '.edit-panel');

    // A real click on an item's category reaches it.
    const category = page.getByRole('combobox', { name: /类别$/ }).first();
    await category.scrollIntoViewIfNeeded();
    await category.click();
    await page.keyboard.press('Escape');
    await expect(category).toBeFocused();
  });

  test(`at ${width}×${height} the add button reads on one line and 插入 stays beside its list`, async ({ appPage: page }) => {
    await page.setViewportSize({ width, height });
    await createRealUnitLetter(page, /政务服务事项承诺/);
    const policy = page.getByRole('region', { name: '惠企利民政策兑现承诺' });
    const add = policy.getByRole('button', { name: '添加一项惠企利民政策兑现承诺' });
    const list = policy.getByRole('combobox', { name: '从模板插入惠企利民政策兑现承诺' });
    const insert = policy.getByRole('button', { name: '插入' });
    await list.selectOption({ index: 1 }); // the longest snippet is chosen: the list is at its widest
    const [addBox, listBox, insertBox] = await Promise.all([add.boundingBox(), list.boundingBox(), insert.boundingBox()]);
    if (!addBox || !listBox || !insertBox) throw new Error('the item actions are not on screen');
    // One line of text: as tall as the one-line 插入 button, and wider than it is tall.
    expect(Math.abs(addBox.height - insertBox.height)).toBeLessThanOrEqual(1);
    expect(addBox.width).toBeGreaterThan(addBox.height * 4);
    // 插入 sits on the list's row, to its right.
    expect(Math.abs(insertBox.y + insertBox.height / 2 - (listBox.y + listBox.height / 2))).toBeLessThanOrEqual(2);
    expect(insertBox.x).toBeGreaterThan(listBox.x + listBox.width - 1);
    // …and none of them under the preview: a form wider than its column had room for them there.
    const preview = await page.locator('.pdf-panel').boundingBox();
    if (!preview) throw new Error('the preview panel is not on screen');
    for (const box of [addBox, listBox, insertBox]) expect(overlaps(box, preview), JSON.stringify({ box, preview })).toBe(false);
  });

  test(`at ${width}×${height} the list, review, signed copies, history and outbox take their own clicks`, async ({ appPage: page }) => {
    await page.setViewportSize({ width, height });
    await createRealUnitLetter(page, /政务服务事项承诺/);
    await openTab(page, '审核');
    await page.getByRole('button', { name: '提交审核' }).click();
    const decision = page.getByRole('form', { name: '审核意见' });
    await expect(decision).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.review-body canvas').first()).toBeVisible({ timeout: 20_000 });
    await expectEveryControlReachable(page, 'main');

    await decision.getByRole('button', { name: '批准' }).click();
    await page.getByTestId('approval').waitFor();
    await expectEveryControlReachable(page, 'main');
    await openTab(page, '签章件');
    await expectEveryControlReachable(page, 'main');
    await openTab(page, '历史版本');
    await page.getByTestId('snapshot').first().getByRole('button', { name: '查看' }).click();
    await expectEveryControlReachable(page, 'main');

    await page.getByRole('button', { name: /返回列表/ }).click();
    await expect(page.getByTestId('draft-card')).toHaveCount(1);
    await expectEveryControlReachable(page, '.app');

    await page.getByTestId('open-outbox').click();
    await expect(page.getByRole('heading', { name: '发送队列' })).toBeVisible();
    await expectEveryControlReachable(page, '.app');
  });
}
