import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createLetter, openTab, submitAndApprove } from './app-actions';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';

/** The clerk's own unit, typed once into 单位信息 so new letters carry no sample content. */
const OWN_UNIT = {
  单位全称: '哈尔滨市道里区行政审批局',
  统一社会信用代码: '11230102012345671D',
  单位类型: '行政机关',
  主要负责人姓名: '李明',
  主要负责人职务: '局长',
  监督电话: '0451-84661234',
  监督邮箱: 'xzsp@daoli.gov.cn',
};

test('every screen of the clerk’s day passes axe-core with no serious or critical finding', async ({ appPage: page }) => {
  test.setTimeout(300_000);
  const dir = await mkdtemp(join(tmpdir(), 'pledge-a11y-e2e-'));
  try {
    const png = new PNG({ width: 40, height: 56 });
    png.data.fill(180);
    const scan = join(dir, '签章页.png');
    await writeFile(scan, PNG.sync.write(png));

    await expect(page.getByRole('button', { name: '新建承诺书' })).toBeVisible();
    await expectNoSeriousViolations(page, '草稿列表（空）');

    await page.getByTestId('open-profile').click();
    await expect(page.getByRole('heading', { name: '单位信息' })).toBeVisible();
    await expectNoSeriousViolations(page, '单位信息（空）');
    for (const [label, value] of Object.entries(OWN_UNIT)) await page.getByRole('textbox', { name: label, exact: true }).fill(value);
    await page.getByRole('textbox', { name: '单位全称', exact: true }).focus();
    await expect(page.getByTestId('profile-state')).toContainText('单位信息完整');
    await expectNoSeriousViolations(page, '单位信息（已填写）');
    await page.getByRole('button', { name: /返回/ }).click();

    await page.getByRole('button', { name: '新建承诺书' }).click();
    await expect(page.getByRole('dialog', { name: '选择模板' })).toBeVisible();
    await expectNoSeriousViolations(page, '新建承诺书对话框');
    await page.getByRole('dialog', { name: '选择模板' }).getByRole('button', { name: '取消' }).click();

    await createLetter(page, /政务服务事项承诺/);
    await expect(page.getByTestId('pdf-preview').getByRole('img', { name: '第 1 页' })).toBeVisible({ timeout: 20_000 });
    await expectNoSeriousViolations(page, '填写');
    await page.getByRole('textbox', { name: '单位全称' }).fill('');
    await page.getByRole('textbox', { name: '单位全称' }).blur();
    await expect(page.getByRole('textbox', { name: '单位全称' })).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousViolations(page, '填写（有待修改的问题）');
    await page.getByRole('textbox', { name: '单位全称' }).fill(OWN_UNIT['单位全称']);

    await openTab(page, '审核');
    await expect(page.getByRole('button', { name: '提交审核' })).toBeVisible();
    await expectNoSeriousViolations(page, '审核（提交前）');
    await submitAndApprove(page);
    await expectNoSeriousViolations(page, '审核（已批准）');

    await openTab(page, '签章件');
    await page.getByLabel('添加签章件…').setInputFiles(scan);
    await expect(page.getByTestId('attachment')).toHaveCount(1);
    await expectNoSeriousViolations(page, '签章件');
    await page.getByRole('button', { name: '放大查看 签章页.png' }).click();
    await expect(page.getByTestId('attachment-viewer')).toBeVisible();
    await expectNoSeriousViolations(page, '签章件放大查看');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('attachment-viewer')).toBeHidden();
    await page.getByRole('button', { name: '报送到平台' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, '报送前的确认');
    await page.getByRole('dialog').getByRole('button', { name: '确认报送' }).click();
    await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');
    await expectNoSeriousViolations(page, '签章件（已报送）');

    await openTab(page, '历史版本');
    await page.getByRole('button', { name: '查看' }).first().click();
    await expectNoSeriousViolations(page, '历史版本');
    await page.getByRole('button', { name: '恢复此版本' }).first().click();
    await expect(page.getByRole('dialog', { name: '恢复旧版本？' })).toBeVisible();
    await expectNoSeriousViolations(page, '恢复已报送承诺书的旧版本前的确认');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    await page.getByTestId('open-outbox').click();
    await expect(page.getByTestId('outbox-item')).toHaveCount(1);
    await expect(page.getByRole('textbox', { name: '报送平台地址' })).toBeVisible();
    await expectNoSeriousViolations(page, '发送队列和报送平台设置');
    await page.getByRole('button', { name: '测试连接' }).click();
    await expect(page.getByTestId('connection-test')).toBeVisible();
    await expectNoSeriousViolations(page, '测试连接的结果');
    await page.getByRole('button', { name: /返回/ }).first().click();

    // A second letter of the same unit and year: approved under another name, returned, sent again.
    await createLetter(page, /重点目标任务/);
    await openTab(page, '审核');
    await page.getByRole('button', { name: '提交审核' }).click();
    const decision = page.getByRole('form', { name: '审核意见' });
    await decision.getByRole('textbox', { name: '审核人' }).fill('王副局长');
    await decision.getByRole('button', { name: '批准' }).click();
    await expect(page.getByRole('dialog', { name: '审核人不是承诺书上的负责人' })).toBeVisible();
    await expectNoSeriousViolations(page, '代为批准前的确认');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await decision.getByRole('textbox', { name: /退回意见/ }).fill('第 2 项的完成时限请写具体日期。');
    await decision.getByRole('button', { name: '退回修改' }).click();
    await openTab(page, '填写');
    await expect(page.getByTestId('returned-comments')).toContainText('第 2 项的完成时限请写具体日期。');
    await expectNoSeriousViolations(page, '填写（退回意见）');
    await submitAndApprove(page);
    await openTab(page, '签章件');
    await page.getByLabel('添加签章件…').setInputFiles(scan);
    await expect(page.getByTestId('attachment')).toHaveCount(1);
    await page.getByRole('button', { name: '报送到平台' }).click();
    await expect(page.getByRole('dialog', { name: /年度已有承诺书报送/ })).toBeVisible();
    await expectNoSeriousViolations(page, '同一单位同一年度已有报送时的确认');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: /返回/ }).first().click();
    await expect(page.getByTestId('draft-card')).toHaveCount(2);
    await expect(page.getByRole('heading', { name: '备份' })).toBeVisible();
    await expectNoSeriousViolations(page, '草稿列表和备份');

    // Newest first: the approved letter, then the sent one; each asks before it goes to the bin.
    const binButtons = page.getByRole('button', { name: /^删除 .*（移入回收站）$/ });
    for (const [left, screen] of [[1, '删除已批准承诺书前的确认'], [0, '删除已报送承诺书前的确认']] as const) {
      await binButtons.first().click();
      await expect(page.getByRole('dialog', { name: '删除承诺书？' })).toBeVisible();
      await expectNoSeriousViolations(page, screen);
      await page.getByRole('dialog').getByRole('button', { name: '移入回收站' }).click();
      await expect(page.getByTestId('draft-card')).toHaveCount(left);
    }
    await page.getByRole('button', { name: /^回收站/ }).click();
    await expect(page.getByTestId('bin-entry')).toHaveCount(2);
    await expectNoSeriousViolations(page, '回收站');
    await page.getByTestId('bin-entry').first().getByRole('button', { name: '彻底删除' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, '彻底删除前的确认');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('bin-entry')).toHaveCount(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
