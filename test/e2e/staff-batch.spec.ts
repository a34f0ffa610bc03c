import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { idNumberCheckCharacter } from '../../core/staff/id-number';
import { mkdir } from 'node:fs/promises';
import { fillUnitProfile, openTab, writeScan } from './app-actions';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';

/** An invented, valid 身份证号 for a birth date and sequence. */
function idNumber(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17)!;
}

const GOOD_IDS = [idNumber('19850312', '123'), idNumber('19900101', '234'), idNumber('19780615', '345'), idNumber('19921130', '456')];
/** The same number with another check character: the row is refused, and the number never shown. */
const BAD_ID = `${GOOD_IDS[0]!.slice(0, 17)}${GOOD_IDS[0]!.endsWith('0') ? '1' : '0'}`;

/** The office's own list: a title row above the header, four good rows and one whose ID fails its check (row 7). */
async function roster(): Promise<Buffer> {
  const text = (value: string) => ({ value, type: String });
  const rows: SheetData = [
    [text('青山县白鹭乡人民政府工作人员名单'), null, null, null, null],
    ['姓名', '职务', '科室', '岗位类别', '身份证号'].map(text),
    ['王芳', '科员', '党政办公室', '其他', GOOD_IDS[0]!].map(text),
    ['李明', '窗口工作人员', '便民服务中心', '窗口服务', GOOD_IDS[1]!].map(text),
    ['赵强', '执法队员', '综合行政执法队', '行政执法', GOOD_IDS[2]!].map(text),
    ['孙丽', '副主任', '便民服务中心', '窗口服务', GOOD_IDS[3]!].map(text),
    ['钱进', '科员', '党政办公室', '其他', BAD_ID].map(text),
  ];
  return Buffer.from(await writeXlsxFile(rows).toBuffer());
}

test('a staff roster becomes a batch of letters, reviewed and approved in one sitting, with the counts telling the truth', async ({ appPage: page }, testInfo) => {
  test.setTimeout(180_000);
  await mkdir(testInfo.outputDir, { recursive: true });
  // Without the unit profile the letters would have no unit: the screen says so and leads there.
  await page.getByRole('button', { name: '批量生成公职人员承诺书' }).click();
  await expect(page.getByTestId('batch-profile')).toContainText('还没有填写单位信息');
  await page.getByRole('button', { name: /返回列表/ }).click();
  await fillUnitProfile(page);

  // From the list, by keyboard.
  await page.getByRole('button', { name: '批量生成公职人员承诺书' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '批量生成公职人员承诺书' })).toBeVisible();
  await page.getByLabel('选择人员名单…').setInputFiles({ name: '白鹭乡人员名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await roster() });
  await expect(page.getByTestId('batch-accepted')).toContainText('可生成承诺书的有 4 人');
  const refused = page.getByRole('list', { name: '未导入的行' }).getByRole('listitem');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('第 7 行');
  await expectNoSeriousViolations(page, '批量生成：名单已读取');
  for (const id of [...GOOD_IDS, BAD_ID]) expect(await page.content()).not.toContain(id);

  await page.getByRole('button', { name: '生成承诺书（4 份）' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /年度公职人员承诺书（白鹭乡人员名单\.xlsx）/ })).toBeVisible();
  const count = (key: string) => page.getByTestId(`batch-count-${key}`);
  await expect(count('people')).toHaveText('5');
  await expect(count('drafted')).toHaveText('4');
  await expect(count('inReview')).toHaveText('0');
  await expect(count('delivered')).toHaveText('0');
  // Window and enforcement staff first, then by row; the refused row is among the missing.
  await expect(page.getByTestId('batch-missing').getByRole('listitem')).toHaveText([/^李明/, /^孙丽/, /^赵强/, /^王芳/, /第 7 行/]);
  await expect(page.getByTestId('batch-member')).toHaveCount(4);
  await expectNoSeriousViolations(page, '批次概况');
  for (const id of [...GOOD_IDS, BAD_ID]) expect(await page.content()).not.toContain(id);

  // Each letter is an ordinary draft, open in the normal editor.
  await page.getByRole('button', { name: '打开赵强的承诺书' }).click();
  const form = page.getByRole('form', { name: '承诺书填写' });
  await expect(form).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /赵强/ })).toBeVisible();
  await page.goBack();
  await expect(count('drafted')).toHaveText('4');

  await page.getByRole('tab', { name: '集中审核' }).click();
  await page.getByRole('button', { name: '全部提交审核（4 份）' }).click();
  await expect(page.getByTestId('batch-review-result')).toHaveText('已提交审核 4 份。', { timeout: 90_000 });
  await expect(count('inReview')).toHaveText('4');
  await expect(page.getByTestId('batch-review-item')).toHaveCount(4);

  // The principal reads one letter's own PDF.
  await page.getByRole('button', { name: '查看孙丽的送审 PDF' }).click();
  await expect(page.getByTestId('batch-review-pdf').getByRole('img', { name: '第 1 页' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('batch-review-sha256')).toHaveText(/^[0-9a-f]{64}$/);
  await expectNoSeriousViolations(page, '集中审核');
  await page.getByRole('button', { name: '关闭 PDF' }).click();

  // All but one, ticked with the keyboard; each person signs their own letter, so approving is on their behalf and asked once.
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByRole('checkbox', { name: '选择王芳' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: '选择王芳' })).not.toBeChecked();
  await page.getByRole('button', { name: '批准所选（3 份）' }).click();
  const confirm = page.getByRole('dialog', { name: '审核人不是承诺书的落款人' });
  await expect(confirm).toContainText('3 份');
  await confirm.getByRole('button', { name: '确认批准' }).click();
  await expect(page.getByTestId('batch-review-result')).toHaveText('已批准 3 份。');
  await expect(count('approved')).toHaveText('3');
  await expect(count('inReview')).toHaveText('1');
  await expect(count('signed')).toHaveText('0');
  await expect(count('delivered')).toHaveText('0');
  await expect(page.getByTestId('batch-review-item')).toHaveText([/王芳/]);

  // The overview says what happened, and no more: approved is not delivered.
  await page.getByRole('tab', { name: '概况' }).click();
  const stages = page.getByTestId('batch-member').getByTestId('batch-stage');
  await expect(stages).toHaveText(['待审核', '已批准，待上传签章件', '已批准，待上传签章件', '已批准，待上传签章件']);
  await expect(page.getByTestId('batch-missing').getByRole('listitem')).toHaveCount(5);

  // One signed copy, then delivery: the letter goes to the outbox as its own submission, and with no
  // platform set up it is counted signed, not delivered.
  await page.getByRole('button', { name: '打开李明的承诺书' }).click();
  await openTab(page, '签章件');
  await page.getByLabel('添加签章件…').setInputFiles(await writeScan(testInfo.outputDir));
  await expect(page.getByTestId('attachment')).toHaveCount(1);
  await page.goBack();
  await page.goBack();
  await expect(count('signed')).toHaveText('1');
  await page.getByRole('button', { name: '报送已上传签章件的承诺书（1 份）' }).click();
  await expect(page.getByTestId('batch-delivery-status')).toHaveText(/^新加入发送队列 1 份/);
  await expect(count('delivered')).toHaveText('0');
  await expect(page.getByTestId('batch-member').filter({ hasText: '李明' }).getByTestId('batch-stage')).toHaveText('已上传签章件，尚未送达');
});
