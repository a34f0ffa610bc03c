import { expect, test } from './fixtures';

test('creates a letter from a template and finds it again after a reload', async ({ appPage: page }) => {
  await expect(page.getByRole('heading', { level: 1, name: '政务诚信承诺填报' })).toBeVisible();
  await expect(page.getByText('还没有草稿')).toBeVisible();

  await page.getByRole('button', { name: '新建承诺书' }).click();
  const dialog = page.getByRole('dialog', { name: '选择模板' });
  await dialog.getByRole('radio', { name: /政务服务事项承诺/ }).check();
  await dialog.getByRole('button', { name: '创建' }).click();

  await expect(page.getByRole('heading', { level: 2, name: /青山县政务服务中心/ })).toBeVisible();
  // With no unit profile the template's sample unit stays, and is said to be one rather than passed.
  await expect(page.getByTestId('validation-ok')).toHaveCount(0);
  await expect(page.getByText('单位全称仍是模板中的示例“青山县政务服务中心”').first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: '统一社会信用代码' })).toHaveValue('122399214012770352');
  const serviceItems = page.getByRole('region', { name: '政务服务事项承诺' }).getByRole('textbox', { name: /承诺事项的内容$/ });
  await expect(serviceItems).toHaveCount(4);
  await expect(serviceItems.first()).toHaveValue(/受理后5个工作日内办结最低生活保障申请/);

  // A reload comes back to the open letter (the address names it); the list has it too.
  await page.reload();
  await expect(serviceItems.first()).toHaveValue(/受理后5个工作日内办结最低生活保障申请/);
  await page.getByRole('button', { name: /返回列表/ }).click();
  const cards = page.getByTestId('draft-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('青山县政务服务中心');
  await expect(cards.first()).toContainText('4 项承诺');
  await cards.first().click();
  await expect(page.getByRole('heading', { level: 2, name: /青山县政务服务中心/ })).toBeVisible();
});

test('a personal letter can be created with the keyboard alone', async ({ appPage: page }) => {
  await page.getByRole('button', { name: '新建承诺书' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '选择模板' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /重点目标任务/ }).focus();
  await page.keyboard.press('ArrowUp'); // wraps from the first template to the last: the personal letter
  await expect(dialog.getByRole('radio', { name: /公职人员个人履职尽责承诺/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /李某某/ })).toBeVisible();
});

test('the status bar shows what the host reports through the bridge', async ({ appPage: page }, testInfo) => {
  const statusBar = page.getByTestId('status-bar');
  await expect(statusBar).toContainText(testInfo.project.name === 'electron' ? '桌面版' : '浏览器版');
  await expect(statusBar).toContainText(/版本 \d+\.\d+\.\d+/);
  await expect(page.getByTestId('data-dir')).toHaveText(/pledge-e2e-/);
  // The app asked for persistent storage; whatever the browser answered is said plainly.
  await expect(page.getByTestId('storage-persistence')).toHaveText(/^草稿库：(持久保存|浏览器可能在磁盘不足时清理，请定期导出备份)$/);
});

test('an edit survives leaving the draft at once', async ({ appPage: page }) => {
  await page.getByRole('button', { name: '新建承诺书' }).click();
  await page.getByRole('dialog', { name: '选择模板' }).getByRole('button', { name: '创建' }).click();
  await page.getByRole('textbox', { name: '承诺正文' }).fill('离开前刚输入的正文。');
  await page.getByRole('button', { name: /返回列表/ }).click(); // well within the save delay
  await page.reload();
  await page.getByTestId('draft-card').first().click();
  await expect(page.getByRole('textbox', { name: '承诺正文' })).toHaveValue('离开前刚输入的正文。');
});
