import { createLetter, createRealUnitLetter, openTab, UNIT_OUTSIDE_SAMPLE_COUNTY as UNIT } from './app-actions';
import { expect, test } from './fixtures';

test('the editor checks each field once it has been changed and left, in Chinese, next to the field', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  await expect(page.getByTestId('validation-ok')).toBeVisible();

  const code = page.getByRole('textbox', { name: '统一社会信用代码' });
  await expect(code).toHaveValue(UNIT.creditCode);
  await expect(code).toHaveAccessibleDescription('校验码正确。');
  await code.fill('112399210035901225');
  await code.blur();
  await expect(code).toHaveAccessibleDescription(
    '统一社会信用代码“112399210035901225”未通过校验：18 位中任何一位都可能输错，请与证照逐位核对。只改一位就能通过校验的写法有：第 6 位改为“3”、第 7 位改为“0”、第 18 位改为“4”（仅供核对，不一定是正确代码）。如确认代码无误，可记录人工确认。',
  );

  const unitName = page.getByRole('textbox', { name: '单位全称' });
  await unitName.fill('');
  await unitName.blur();
  await expect(unitName).toHaveAccessibleDescription('单位全称不能为空。');
  const phone = page.getByRole('textbox', { name: '监督电话' });
  await phone.fill('电话待定');
  await phone.blur();
  await expect(phone).toHaveAccessibleDescription(/监督电话“电话待定”不像电话号码/);

  // The summary lists them all and takes the keyboard to the field.
  const summary = page.getByTestId('problem-list');
  await expect(summary).toContainText('待修改（3 处）');
  await summary.getByRole('button', { name: '单位全称不能为空。' }).click();
  await expect(unitName).toBeFocused();
  await page.keyboard.type('青山县行政审批局');
  await expect(summary).toContainText('待修改（2 处）');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(/^青山县行政审批局\d{4}年度政务诚信承诺书$/);

  // Fixed again: nothing left.
  await code.fill(UNIT.creditCode);
  await phone.fill(UNIT.phone);
  await expect(page.getByTestId('validation-ok')).toBeVisible();
});

test('a real code that fails its check can be confirmed by hand, bound to that code', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  const code = page.getByRole('textbox', { name: '统一社会信用代码' });
  await code.fill('122399214012770353');
  await code.blur();
  await page.getByRole('button', { name: '代码确认无误？记录人工确认' }).click();
  const confirm = page.getByRole('button', { name: '记录确认' });
  await expect(confirm).toBeDisabled();
  await page.getByRole('textbox', { name: /人工确认理由/ }).fill('已与事业单位法人证书核对');
  await confirm.click();
  await expect(page.getByTestId('credit-override')).toContainText('已人工确认代码 122399214012770353：已与事业单位法人证书核对。');
  await expect(code).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('warning-list')).toContainText('统一社会信用代码未通过校验（校验位不符），已于');

  // Another code is not covered by that confirmation.
  await code.fill('122399214012770354');
  await expect(code).toHaveAccessibleDescription(/“122399214012770354”未通过校验：18 位中任何一位都可能输错.*第 18 位改为“2”/);
  await expect(page.getByTestId('problem-list')).toContainText('人工确认的信用代码“122399214012770353”与当前统一社会信用代码不一致，人工确认不适用，请重新确认。');
  await page.getByRole('button', { name: '撤销确认' }).click();
  await expect(page.getByTestId('credit-override')).toHaveCount(0);
  await expect(code).toHaveAccessibleDescription(/“122399214012770354”未通过校验：18 位中任何一位都可能输错.*第 18 位改为“2”/);
});

test('items are added, inserted from snippets, reordered and removed within their category', async ({ appPage: page }) => {
  await createRealUnitLetter(page, /政务服务事项承诺/);
  const service = page.getByRole('region', { name: '政务服务事项承诺' });
  const contents = service.getByRole('textbox', { name: /承诺事项的内容$/ });
  await expect(contents).toHaveCount(4);
  const first = await contents.nth(0).inputValue();
  const second = await contents.nth(1).inputValue();

  await service.getByRole('button', { name: /第 2 项上移/ }).click();
  await expect(contents.nth(0)).toHaveValue(second);
  await expect(contents.nth(1)).toHaveValue(first);
  // The focus moved with the item (now first, so its "down" button), ready for the next press.
  await expect(service.getByRole('button', { name: '第 1 项下移' })).toBeFocused();

  await service.getByRole('button', { name: '添加一项政务服务事项承诺' }).click();
  await expect(contents).toHaveCount(5);
  await expect(page.getByTestId('problem-list')).toContainText('第 5 项承诺事项的内容不能为空。');
  await contents.nth(4).fill('窗口工作人员一次性告知办事所需全部材料。');
  await expect(page.getByTestId('validation-ok')).toBeVisible();

  const policy = page.getByRole('region', { name: '惠企利民政策兑现承诺' });
  await expect(policy.getByRole('textbox', { name: /承诺事项的内容$/ })).toHaveCount(0);
  const snippets = policy.getByRole('combobox', { name: '从模板插入惠企利民政策兑现承诺' });
  // Browsing the snippets with the keyboard inserts nothing; the button does.
  await snippets.focus();
  await page.keyboard.press('ArrowDown');
  await expect(policy.getByRole('textbox', { name: /承诺事项的内容$/ })).toHaveCount(0);
  await snippets.selectOption({ index: 1 });
  await policy.getByRole('button', { name: '插入' }).click();
  await expect(policy.getByRole('textbox', { name: /承诺事项的内容$/ })).toHaveCount(1);
  await expect(policy.getByRole('textbox', { name: /承诺事项的内容$/ })).toHaveValue(/免申即享/);

  await service.getByRole('button', { name: '删除第 5 项' }).click();
  await expect(contents).toHaveCount(4);
  await expect(service.getByRole('button', { name: '添加一项政务服务事项承诺' })).toBeFocused();

  // A category applies as it is chosen, and the item moves to its group.
  const category = service.getByRole('combobox', { name: '第 4 项承诺事项的类别' });
  await category.selectOption('duty');
  await expect(contents).toHaveCount(3);
  await expect(page.getByRole('region', { name: '履职尽责承诺' }).getByRole('textbox', { name: /承诺事项的内容$/ })).toHaveCount(1);
  const moved = page.getByRole('region', { name: '履职尽责承诺' }).getByRole('combobox', { name: /类别$/ });
  await moved.selectOption('service');
  await expect(contents).toHaveCount(4);

  // Everything above was saved.
  await page.getByRole('button', { name: /返回列表/ }).click();
  await expect(page.getByTestId('draft-card').first()).toContainText('5 项承诺');
  await page.getByTestId('draft-card').first().click();
  await expect(page.getByRole('region', { name: '惠企利民政策兑现承诺' }).getByRole('textbox', { name: /承诺事项的内容$/ })).toHaveValue(/免申即享/);
  await expect(page.getByRole('region', { name: '政务服务事项承诺' }).getByRole('textbox', { name: /承诺事项的内容$/ }).nth(0)).toHaveValue(second);
});

test('the whole letter can be filled in with the keyboard alone', async ({ appPage: page }) => {
  await createLetter(page, /公职人员个人履职尽责承诺/);
  await expect(page.getByRole('textbox', { name: '承诺人姓名' })).toHaveValue('李某某');
  await page.getByRole('textbox', { name: '承诺人姓名' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('张三');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: '承诺人职务' })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('科员');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('张三');
  // Switching kind is a radio group, reachable and changeable from the keyboard.
  await page.getByRole('radio', { name: '公职人员个人承诺' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: '单位承诺' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: '承诺人姓名' })).toHaveCount(0);
});

test('the draft list searches, duplicates, and deletes to a bin that restores', async ({ appPage: page }) => {
  await createLetter(page, /政务服务事项承诺/);
  await page.getByRole('button', { name: /返回列表/ }).click();
  await createLetter(page, /重点目标任务/);
  await page.getByRole('button', { name: /返回列表/ }).click();
  const cards = page.getByTestId('draft-card');
  await expect(cards).toHaveCount(2);

  await page.getByRole('searchbox', { name: '搜索草稿' }).fill('临江镇');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('青山县临江镇人民政府');
  await page.getByRole('searchbox', { name: '搜索草稿' }).fill('');

  await page.getByRole('button', { name: /^复制 青山县政务服务中心/ }).click();
  await expect(cards).toHaveCount(3);

  await page.getByRole('button', { name: /^删除 青山县临江镇人民政府/ }).click();
  await expect(cards).toHaveCount(2);
  await page.getByRole('button', { name: '回收站（1）' }).click();
  await expect(page.getByTestId('bin-entry')).toContainText('青山县临江镇人民政府');
  await page.getByTestId('bin-entry').getByRole('button', { name: '恢复' }).click();
  await expect(cards).toHaveCount(3);

  await page.getByRole('combobox', { name: '按状态筛选' }).selectOption({ label: '已批准' });
  await expect(page.getByText('没有符合条件的草稿。')).toBeVisible();
});

test('an old version can be viewed and restored, and the restore itself can be undone', async ({ appPage: page }) => {
  await createLetter(page);
  const statement = page.getByRole('textbox', { name: '承诺正文' });
  const original = await statement.inputValue();
  await statement.fill('这是修改后的正文。');
  await openTab(page, '历史版本');
  const snapshots = page.getByTestId('snapshot');
  await expect(snapshots).toHaveCount(1);
  await snapshots.first().getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('snapshot-view')).toContainText(original.slice(0, 20));

  await snapshots.first().getByRole('button', { name: '恢复此版本' }).click();
  await page.getByRole('dialog', { name: '恢复旧版本？' }).getByRole('button', { name: '恢复', exact: true }).click();
  await expect(page.getByRole('tab', { name: '填写' })).toHaveAttribute('aria-selected', 'true');
  await expect(statement).toHaveValue(original);

  await openTab(page, '历史版本');
  await expect(snapshots).toHaveCount(3);
  await expect(snapshots.nth(1)).toContainText('恢复前的内容');
  await snapshots.nth(1).getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('snapshot-view')).toContainText('这是修改后的正文。');
});

test('coming back to the form after another tab shows what was typed, and keeps it', async ({ appPage: page }) => {
  await createLetter(page);
  const statement = page.getByRole('textbox', { name: '承诺正文' });
  await statement.fill('第一次修改的正文内容。');
  await openTab(page, '审核');
  await openTab(page, '填写');
  await expect(statement).toHaveValue('第一次修改的正文内容。');
  await statement.press('End');
  await statement.pressSequentially('再补一句。');
  await page.reload(); // the address names the open letter: the reload comes back to it
  await expect(statement).toHaveValue('第一次修改的正文内容。再补一句。');
});

test('a record that cannot be read is shown, not dropped', async ({ appPage: page }) => {
  await createLetter(page);
  await page.getByRole('button', { name: /返回列表/ }).click();
  // Damage one record the way a bad disk or a bug might: a status no version ever wrote.
  await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('pledge-desk');
    open.onsuccess = () => {
      const tx = open.result.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put({ id: 'damaged-1', status: '???', summary: null, updatedAt: 1 });
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  })`);
  await page.reload();
  await expect(page.getByTestId('draft-card')).toHaveCount(1);
  const unreadable = page.getByTestId('unreadable');
  await expect(unreadable).toContainText('有 1 条记录无法读取');
  await unreadable.getByText(/^damaged-1 ·/).click();
  await expect(unreadable).toContainText('"status":"???"');
});
