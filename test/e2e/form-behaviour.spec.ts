import type { Page } from '@playwright/test';
import { createRealUnitLetter, openTab } from './app-actions';
import { expect, test } from './fixtures';

const itemContents = (page: Page, region: string) => page.getByRole('region', { name: region }).getByRole('textbox', { name: /承诺事项的内容$/ });

test('a field shows its problem once it has been changed and left, and the preview keeps the last good letter meanwhile', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  const preview = page.getByTestId('pdf-preview');
  await expect(preview.getByRole('img', { name: /^第 ?1 ?页$/ })).toBeVisible({ timeout: 20_000 });

  // A new item is empty, not wrong yet: nothing red, though the summary counts it.
  const service = page.getByRole('region', { name: '政务服务事项承诺' });
  await service.getByRole('button', { name: '添加一项政务服务事项承诺' }).click();
  const added = itemContents(page, '政务服务事项承诺').last();
  await expect(page.getByTestId('problem-list')).toContainText('待修改（1 处）');
  await expect(added).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('field-message')).toHaveCount(0);
  // The preview stays, saying it shows the last letter that could be made.
  await expect(page.getByTestId('preview-last-good')).toHaveText('预览是最后一次没有问题时的内容，改完上方列出的问题后更新。');
  await expect(preview.getByRole('img', { name: /^第 ?1 ?页$/ })).toBeVisible();

  // Typed in and emptied again: still nothing until the field is left.
  await added.fill('窗口');
  await added.fill('');
  await expect(added).not.toHaveAttribute('aria-invalid', 'true');
  await added.press('Tab');
  await expect(added).toHaveAttribute('aria-invalid', 'true');
  await expect(added).toHaveAccessibleDescription(/承诺事项的内容不能为空。$/);
  // Once shown, the message follows each keystroke and goes as soon as the text is right.
  await added.pressSequentially('窗');
  await expect(added).toHaveAccessibleDescription(/承诺事项的内容至少需要 2 个字。$/);
  await added.pressSequentially('口');
  await expect(added).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('validation-ok')).toBeVisible();

  // A code half typed: no red while typing, and the preview does not vanish.
  const code = page.getByRole('textbox', { name: '统一社会信用代码' });
  await code.fill('12239921');
  await expect(page.getByTestId('preview-last-good')).toBeVisible();
  await expect(code).not.toHaveAttribute('aria-invalid', 'true');
  await expect(preview.getByRole('img', { name: /^第 ?1 ?页$/ })).toBeVisible();
  await code.blur();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(/统一社会信用代码/);
});

test('trying to export or to submit shows every problem at once', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  await page.getByRole('region', { name: '政务服务事项承诺' }).getByRole('button', { name: '添加一项政务服务事项承诺' }).click();
  const added = itemContents(page, '政务服务事项承诺').last();
  await expect(added).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: '另存为 PDF' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('还有 1 处问题，修改后才能另存为 PDF。各问题已在对应栏目下方标出。');
  await expect(added).toHaveAttribute('aria-invalid', 'true');
  await expect(added).toHaveAccessibleDescription(/承诺事项的内容不能为空。$/);

  // The same from the review tab: its way back to the form opens it with every problem shown.
  await openTab(page, '审核');
  await expect(page.getByText(/还有 1 处问题，修改后才能提交审核。/)).toBeVisible();
  await page.getByRole('button', { name: '填写', exact: true }).click();
  await expect(page.getByRole('tab', { name: '填写' })).toHaveAttribute('aria-selected', 'true');
  await expect(itemContents(page, '政务服务事项承诺').last()).toHaveAttribute('aria-invalid', 'true');
});

test('the banner, the field, the 还差 line and the list count a character the fonts lack alike', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  const statement = page.getByRole('textbox', { name: '承诺正文' });
  await statement.fill('为𠀀村修路。');
  await statement.blur();
  const message = '承诺正文中的“𠀀”（U+20000）无法用文档字体显示';
  await expect(statement).toHaveAccessibleDescription(new RegExp(message.replace(/[()+]/g, '\\$&')));
  await expect(page.getByTestId('validation-ok')).toHaveCount(0);
  const summary = page.getByTestId('problem-list');
  await expect(summary).toContainText('待修改（1 处）');
  await expect(summary).toContainText(message);
  await expect(page.getByTestId('outstanding')).toContainText('修改 1 处问题');

  await page.getByRole('button', { name: /返回列表/ }).click();
  await expect(page.getByTestId('draft-card').first()).toContainText('1 处待修改');

  // Fixed: every place says so.
  await page.getByTestId('draft-card').first().click();
  await statement.fill('为本村修路。');
  await expect(page.getByTestId('validation-ok')).toBeVisible();
  await expect(page.getByTestId('outstanding')).not.toContainText('修改');
  await expect(statement).not.toHaveAttribute('aria-invalid', 'true');
});

test('a category applies as it is chosen, and the moved item keeps the focus and stays in view', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  await expect(itemContents(page, '政务服务事项承诺')).toHaveCount(4);
  const last = itemContents(page, '政务服务事项承诺').last();
  const text = await last.inputValue();
  await page.getByRole('region', { name: '政务服务事项承诺' }).getByRole('combobox', { name: /类别$/ }).last().selectOption('duty');

  // No Enter, no leaving the list: the item is in its new group at once.
  await expect(itemContents(page, '政务服务事项承诺')).toHaveCount(3);
  await expect(itemContents(page, '履职尽责承诺')).toHaveCount(1);
  await expect(itemContents(page, '履职尽责承诺')).toHaveValue(text);
  const moved = page.getByRole('region', { name: '履职尽责承诺' }).getByRole('combobox', { name: /类别$/ });
  await expect(moved).toBeFocused();
  await expect(moved).toHaveValue('duty');
  await expect(moved).toBeInViewport();
  await expect(itemContents(page, '履职尽责承诺')).toBeInViewport();

  // From the keyboard it travels on, the focus with it.
  await page.keyboard.press('ArrowUp');
  await expect(itemContents(page, '政务服务事项承诺')).toHaveCount(4);
  await expect(page.getByRole('region', { name: '政务服务事项承诺' }).getByRole('combobox', { name: /类别$/ }).last()).toBeFocused();
});

test('a returned letter shows the reviewer’s comments on the form, and the status bar says where drafts really are', async ({ appPage: page }, testInfo) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  await openTab(page, '审核');
  await page.getByRole('button', { name: '提交审核' }).click();
  const decision = page.getByRole('form', { name: '审核意见' });
  await decision.getByRole('textbox', { name: '退回意见（退回时必填）' }).fill('第二项的办结时限写得不具体，请写明工作日数。', { timeout: 20_000 });
  await decision.getByRole('button', { name: '退回修改' }).click();
  await expect(page.getByTestId('draft-status')).toHaveText('已退回');

  await openTab(page, '填写');
  const comments = page.getByRole('tabpanel', { name: '填写' }).getByTestId('returned-comments');
  await expect(comments).toContainText('退回，意见如下：');
  await expect(comments).toContainText('第二项的办结时限写得不具体，请写明工作日数。');

  const statusBar = page.getByTestId('status-bar');
  if (testInfo.project.name === 'web') {
    await expect(statusBar.getByTestId('drafts-location')).toHaveText('草稿保存在这个浏览器里（清除浏览器数据会删除草稿，请定期备份）');
    await expect(statusBar).toContainText('发送队列和导出的文件（exports 文件夹）：');
    await expect(statusBar).not.toContainText('数据位置');
  } else {
    await expect(statusBar).toContainText('数据位置：');
  }
});

test('the address names the view: a reload returns to the open letter, Back and Forward move between views', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  await expect(page).toHaveURL(/#\/letter\/[0-9a-f-]{36}\/edit$/);
  const letterUrl = page.url();
  const title = page.getByRole('heading', { level: 2 });
  await expect(title).toHaveText(/^松岭县白鹭乡人民政府\d{4}年度政务诚信承诺书$/);
  const titleText = await title.textContent();

  await openTab(page, '审核');
  await expect(page).toHaveURL(letterUrl.replace(/edit$/, 'review'));
  await page.reload();
  await expect(title).toHaveText(titleText ?? '');
  await expect(page.getByRole('tab', { name: '审核' })).toHaveAttribute('aria-selected', 'true');

  await page.goBack();
  await expect(page.getByRole('tab', { name: '填写' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('form', { name: '承诺书填写' })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('draft-card')).toHaveCount(1);
  await page.goForward();
  await expect(page.getByRole('form', { name: '承诺书填写' })).toBeVisible();

  await page.getByTestId('open-outbox').click();
  await expect(page).toHaveURL(/#\/outbox$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: '发送队列' })).toBeVisible();
  await page.getByRole('button', { name: /返回列表/ }).click();
  await expect(page).toHaveURL(/#\/$/);

  // A letter that is gone: the list, saying so, and an address that names the list.
  await page.getByRole('button', { name: /^删除 / }).first().click();
  await expect(page.getByTestId('draft-card')).toHaveCount(0);
  await page.goto(letterUrl);
  await expect(page.getByTestId('route-notice')).toContainText('要打开的承诺书不在了（可能已删除或移入回收站），已回到草稿列表。');
  await expect(page).toHaveURL(/#\/$/);
  await page.goto('/#/nowhere');
  await expect(page.getByTestId('route-notice')).toContainText('地址没有对应的页面，已回到草稿列表。');
  await expect(page).toHaveURL(/#\/$/);
});
