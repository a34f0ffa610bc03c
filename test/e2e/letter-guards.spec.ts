import { readFile } from 'node:fs/promises';
import { createLetter, createRealUnitLetter, openTab, pdfText, savedPath, UNIT_OUTSIDE_SAMPLE_COUNTY as UNIT } from './app-actions';
import { expect, test } from './fixtures';

test('a template letter whose name was changed still shows the sample left in it, and cannot be submitted for review', async ({ appPage: page }) => {
  await createLetter(page, /政务服务事项承诺/);
  const problems = page.getByTestId('problem-list');
  await expect(problems).toContainText('单位全称仍是模板中的示例“青山县政务服务中心”，请改为本单位的真实信息。');
  await expect(problems).toContainText('监督邮箱仍是模板中的示例“zwzx-xinyong@example.com”');
  await expect(page.getByTestId('validation-ok')).toHaveCount(0);

  const name = page.getByRole('textbox', { name: '单位全称' });
  await name.fill('松岭县政务服务中心');
  await name.blur();
  await expect(problems).not.toContainText('单位全称仍是模板中的示例');
  // The old name is still in the statement.
  await expect(problems).toContainText('承诺正文中仍有模板示例文字“青山县政务服务中心”，请改为本单位的内容。');
  await expect(page.getByTestId('validation-ok')).toHaveCount(0);

  await openTab(page, '审核');
  await expect(page.getByRole('button', { name: '提交审核' })).toHaveCount(0);
  await expect(page.getByText(/还有 \d+ 处问题，修改后才能提交审核。/)).toBeVisible();
  await expect(page.getByTestId('outstanding')).toContainText(/修改 ?\d+ ?处问题/);
});

test('a mistyped credit code does not check, and the one-character changes that would pass are listed without choosing one', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  const code = page.getByRole('textbox', { name: '统一社会信用代码' });
  // The 8th character typed 9 instead of 1.
  const typo = `${UNIT.creditCode.slice(0, 7)}9${UNIT.creditCode.slice(8)}`;
  await code.fill(typo);
  await code.blur();
  await expect(code).toHaveAccessibleDescription(
    `统一社会信用代码“${typo}”未通过校验：18 位中任何一位都可能输错，请与证照逐位核对。` +
      '只改一位就能通过校验的写法有：第 4 位改为“6”、第 7 位改为“9”、第 8 位改为“1”、第 12 位改为“G”、第 18 位改为“P”（仅供核对，不一定是正确代码）。如确认代码无误，可记录人工确认。',
  );
  await expect(page.getByTestId('problem-list')).not.toContainText('应为');
});

test('item labels read 1…n top to bottom, the numbers the PDF prints', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Save PDF as opens a native dialog in Electron; the web host saves to the data folder');
  await createRealUnitLetter(page, /重点目标任务/);
  // The first item, stored first, moves to the last section: its number follows it.
  const firstContent = page.getByRole('textbox', { name: '第 1 项承诺事项的内容' });
  const moved = await firstContent.inputValue();
  await page.getByRole('combobox', { name: '第 1 项承诺事项的类别' }).selectOption({ label: '履职尽责承诺' });
  await page.getByRole('combobox', { name: '第 1 项承诺事项的类别' }).press('Enter');
  const duty = page.getByRole('region', { name: '履职尽责承诺' });
  await expect(duty.getByRole('textbox', { name: /承诺事项的内容$/ })).toHaveValue(moved);

  const labels = await page.getByRole('textbox', { name: /^第 \d+ 项承诺事项的内容$/ }).evaluateAll((boxes) =>
    boxes.map((box) => (box as HTMLTextAreaElement).labels?.[0]?.textContent ?? ''),
  );
  expect(labels).toEqual(['第 1 项承诺事项的内容', '第 2 项承诺事项的内容', '第 3 项承诺事项的内容', '第 4 项承诺事项的内容', '第 5 项承诺事项的内容']);
  await expect(duty.getByRole('textbox', { name: '第 5 项承诺事项的内容' })).toHaveValue(moved);
  const contents = await page.getByRole('textbox', { name: /^第 \d+ 项承诺事项的内容$/ }).evaluateAll((boxes) => boxes.map((box) => (box as HTMLTextAreaElement).value));

  await page.getByRole('button', { name: '另存为 PDF' }).click();
  const status = page.getByTestId('save-status');
  await expect(status).toContainText('已保存到');
  const text = await pdfText(new Uint8Array(await readFile(await savedPath(status))));
  contents.forEach((content, i) => expect(text).toContain(`${i + 1}.${content.replace(/\s+/g, '').slice(0, 12)}`));
  expect(text.indexOf('一、')).toBeLessThan(text.indexOf('1.'));
  expect(text.indexOf('三、')).toBeLessThan(text.indexOf(`5.${moved.slice(0, 12)}`));
});

test('dates: 2026年12月1日 is accepted as the stored form, a deadline outside the year is flagged, 全年 and the calendar work', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  const year = Number(await page.getByRole('textbox', { name: '承诺年度' }).inputValue());

  const date = page.getByRole('textbox', { name: '成文日期' });
  await date.fill(`${year}年12月1日`);
  await date.blur();
  await expect(date).toHaveValue(`${year}-12-01`);
  await expect(date).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: '成文日期' }).locator('..').getByTestId('field-message')).toHaveCount(0);

  const item = page.getByRole('listitem', { name: '第 2 项承诺事项' });
  const deadline = item.getByRole('textbox', { name: '完成时限' });
  await deadline.fill(`${year - 1}年9月30日前`);
  await deadline.blur();
  await expect(page.getByTestId('warning-list')).toContainText(`第 2 项承诺事项的完成时限“${year - 1}年9月30日前”不在承诺年度（${year} 年）内，请核对`);

  await item.getByRole('combobox', { name: '第 2 项承诺事项的完成时限的写法' }).selectOption('全年');
  await expect(deadline).toHaveValue('全年');
  await expect(page.getByTestId('warning-list')).toHaveCount(0);
  await expect(page.getByTestId('validation-ok')).toBeVisible();

  await item.getByRole('combobox', { name: '第 2 项承诺事项的完成时限的写法' }).selectOption('date');
  await item.getByLabel('从日历选择日期').fill(`${year}-09-30`);
  await expect(deadline).toHaveValue(`${year}年9月30日前`);
  await expect(page.getByTestId('validation-ok')).toBeVisible();
});
