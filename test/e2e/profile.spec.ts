import { readFile } from 'node:fs/promises';
import { createLetter, fillUnitProfile, pdfText, REAL_UNIT, savedPath } from './app-actions';
import { expect, test } from './fixtures';

/** The templates' fictitious units and people, which a letter made with a profile must not carry. */
const SAMPLE_UNIT = '青山县临江镇人民政府';

test('the unit profile is typed once, survives a reload, and fills every new unit and personal letter, on screen and in the PDF', async ({ appPage: page }, testInfo) => {
  test.setTimeout(90_000);
  // First use: the list offers the profile before any letter exists.
  await expect(page.getByTestId('profile-offer')).toContainText('还没有填写单位信息');
  await page.getByTestId('profile-offer').getByRole('button', { name: '填写单位信息' }).click();
  const screen = page.getByRole('region', { name: '单位信息' });

  // Nothing is red before anyone typed; a wrong code is named once the field is left.
  await expect(screen.getByTestId('field-message')).toHaveCount(0);
  const code = screen.getByLabel('统一社会信用代码', { exact: true });
  await code.fill('112399210035901225');
  await code.blur();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(screen.getByTestId('field-message')).toContainText('统一社会信用代码');
  const phone = screen.getByLabel('监督电话', { exact: true });
  await phone.fill('电话');
  await phone.blur();
  await expect(screen.getByTestId('field-message').filter({ hasText: '监督电话' })).toBeVisible();
  await page.getByRole('button', { name: /返回列表/ }).click();

  await fillUnitProfile(page);
  await expect(page.getByTestId('profile-offer')).toHaveCount(0);

  // Saved in the browser's database: a reload shows it as typed, without a problem.
  await page.reload();
  await page.getByRole('button', { name: '单位信息', exact: true }).click();
  await expect(screen.getByLabel('单位全称', { exact: true })).toHaveValue(REAL_UNIT.unitName);
  await expect(screen.getByLabel('统一社会信用代码', { exact: true })).toHaveValue(REAL_UNIT.creditCode);
  await expect(screen.getByLabel('主要负责人姓名', { exact: true })).toHaveValue(REAL_UNIT.principalName);
  await expect(screen.getByLabel('监督邮箱', { exact: true })).toHaveValue(REAL_UNIT.email);
  await expect(screen.getByTestId('profile-state')).toContainText('单位信息完整');
  await expect(screen.getByTestId('field-message')).toHaveCount(0);
  await page.getByRole('button', { name: /返回列表/ }).click();

  // A unit letter: the dialog says whose details it takes, and the form and the PDF carry them.
  await page.getByRole('button', { name: '新建承诺书' }).click();
  await expect(page.getByRole('dialog', { name: '选择模板' }).getByTestId('profile-will-apply')).toContainText(REAL_UNIT.unitName);
  await page.getByRole('dialog', { name: '选择模板' }).getByRole('button', { name: '取消' }).click();
  await createLetter(page, /重点目标任务/);
  const form = page.getByRole('form', { name: '承诺书填写' });
  await expect(form.getByRole('textbox', { name: '单位全称' })).toHaveValue(REAL_UNIT.unitName);
  await expect(form.getByRole('textbox', { name: '统一社会信用代码' })).toHaveValue(REAL_UNIT.creditCode);
  await expect(form.getByRole('textbox', { name: '主要负责人姓名' })).toHaveValue(REAL_UNIT.principalName);
  await expect(form.getByRole('textbox', { name: '监督电话' })).toHaveValue(REAL_UNIT.phone);
  await expect(form.getByRole('textbox', { name: '监督邮箱' })).toHaveValue(REAL_UNIT.email);
  await expect(form.getByRole('textbox', { name: '承诺正文' })).toHaveValue(new RegExp(REAL_UNIT.unitName));
  await expect(form.getByRole('textbox', { name: '承诺正文' })).not.toHaveValue(new RegExp(SAMPLE_UNIT));
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(REAL_UNIT.unitName) })).toBeVisible();

  if (testInfo.project.name !== 'electron') {
    // The web host writes the PDF to its data folder; Electron would open a native dialog.
    await expect(page.getByTestId('pdf-preview').getByRole('img', { name: '第 1 页' })).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: '另存为 PDF' }).click();
    const text = await pdfText(new Uint8Array(await readFile(await savedPath(page.getByTestId('save-status')))));
    expect(text).toContain(REAL_UNIT.unitName);
    expect(text).toContain(REAL_UNIT.principalName);
    expect(text).toContain(REAL_UNIT.phone);
    expect(text).not.toContain(SAMPLE_UNIT);
  }

  // A personal letter names the unit too, and takes the unit's contacts; its signer stays the person.
  await page.getByRole('button', { name: /返回列表/ }).click();
  await createLetter(page, /公职人员个人/);
  await expect(form.getByRole('textbox', { name: '单位全称' })).toHaveValue(REAL_UNIT.unitName);
  await expect(form.getByRole('textbox', { name: '监督邮箱' })).toHaveValue(REAL_UNIT.email);
  if (testInfo.project.name !== 'electron') {
    await expect(page.getByTestId('pdf-preview').getByRole('img', { name: '第 1 页' })).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: '另存为 PDF' }).click();
    const text = await pdfText(new Uint8Array(await readFile(await savedPath(page.getByTestId('save-status')))));
    expect(text).toContain(REAL_UNIT.unitName);
    expect(text).not.toContain(SAMPLE_UNIT);
  }
});

test('复制为下一年度 makes next year’s letter with the date moved and a warning on the item that still names the old year', async ({ appPage: page }) => {
  await fillUnitProfile(page);
  await createLetter(page, /合同履约/);
  const form = page.getByRole('form', { name: '承诺书填写' });
  const year = Number(await form.getByRole('textbox', { name: '承诺年度' }).inputValue());
  await page.getByRole('button', { name: /返回列表/ }).click();

  await page.getByRole('button', { name: `把 ${REAL_UNIT.unitName}${year}年度政务诚信承诺书 复制为下一年度` }).click();
  // The copy opens at once, as a new draft of the next year.
  await expect(page.getByRole('heading', { level: 2, name: `${REAL_UNIT.unitName}${year + 1}年度政务诚信承诺书` })).toBeVisible();
  await expect(form.getByRole('textbox', { name: '成文日期' })).toHaveValue(new RegExp(`^${year + 1}-04-20$|${year + 1}年4月20日`));
  // The dated deadline moved; the item text that names the old year is flagged, naming the item.
  await expect(form.getByRole('listitem', { name: /^第 ?4 ?项承诺事项$/ }).getByRole('textbox', { name: '完成时限' })).toHaveValue(`${year + 1}年6月30日前`);
  const warnings = page.getByTestId('warning-list');
  await expect(warnings).toContainText(new RegExp(`第 ?4 ?项承诺事项的内容仍写着.?${year} ?年.?，本承诺书是 ?${year + 1} ?年度`));

  // The original stays as it was: both letters are listed.
  await page.getByRole('button', { name: /返回列表/ }).click();
  await expect(page.getByTestId('draft-card')).toHaveCount(2);
  await expect(page.getByTestId('draft-card').filter({ hasText: `${year}年度` })).toHaveCount(1);
  await expect(page.getByTestId('draft-card').filter({ hasText: `${year + 1}年度` })).toHaveCount(1);
});
