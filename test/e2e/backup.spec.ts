import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createLetter, createRealUnitLetter, openTab, savedPath, submitAndApprove, UNIT_OUTSIDE_SAMPLE_COUNTY } from './app-actions';

const SIGNED_UNIT = UNIT_OUTSIDE_SAMPLE_COUNTY.unitName;
import { expect, test } from './fixtures';

test('a backup of everything imports into a fresh profile, and never overwrites newer work without asking', async ({ appPage: page, baseURL }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Saving the backup opens a native dialog in Electron; the web host saves to the data folder');
  // Two letters, a review, a scan, a backup and two imports: about 20 s on an idle 2-core machine, over 30 s on a busy one.
  test.setTimeout(90_000);
  const dir = await mkdtemp(join(tmpdir(), 'pledge-backup-e2e-'));
  try {
    // Two letters, one with history and a scan.
    await createRealUnitLetter(page, /政务服务事项承诺/);
    await page.getByRole('textbox', { name: '承诺正文' }).fill('备份前写下的正文。');
    const png = new PNG({ width: 20, height: 30 });
    png.data.fill(120);
    const scan = join(dir, '签章页.png');
    await writeFile(scan, PNG.sync.write(png));
    await submitAndApprove(page);
    await openTab(page, '签章件');
    await page.getByLabel('添加签章件…').setInputFiles(scan);
    await expect(page.getByTestId('attachment')).toHaveCount(1);
    await page.getByRole('button', { name: /返回列表/ }).click();
    await createLetter(page, /重点目标任务/);
    // The profile named this one too; another name tells the two apart in the list.
    await page.getByRole('textbox', { name: '单位全称' }).fill('松岭县林业局');
    await page.getByRole('button', { name: /返回列表/ }).click();

    await page.getByRole('button', { name: '导出备份' }).click();
    const status = page.getByTestId('backup-status');
    await expect(status).toContainText('已保存到');
    const backup = await savedPath(status);
    expect(backup).toMatch(/政务诚信承诺-备份-\d{8}-\d{4}\.pledgebackup$/);

    // Another machine: a browser profile that has never seen these drafts.
    const fresh = await page.context().browser()!.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
    const other = await fresh.newPage();
    await other.goto('/');
    await expect(other.getByText('还没有草稿')).toBeVisible();
    await expect(other.getByTestId('profile-offer')).toBeVisible();
    await other.getByLabel('导入备份…').setInputFiles(backup);
    await expect(other.getByTestId('backup-status')).toHaveText('导入完成：新增 2 份，更新 0 份，0 份保留本机内容（与备份相同或本机更新）。单位信息已按备份恢复。');
    // The unit profile came with the backup: the fresh machine no longer asks for it.
    await expect(other.getByTestId('profile-offer')).toHaveCount(0);
    await expect(other.getByTestId('draft-card')).toHaveCount(2);
    await other.getByTestId('draft-card').filter({ hasText: SIGNED_UNIT }).click();
    await expect(other.getByRole('textbox', { name: '承诺正文' })).toHaveValue('备份前写下的正文。');
    await openTab(other, '签章件');
    await expect(other.getByRole('img', { name: '签章页.png 的缩略图' })).toBeVisible();
    await openTab(other, '历史版本');
    await expect(other.getByTestId('snapshot')).toHaveCount(3); // created, submitted, approved
    await expect(other.getByTestId('draft-status')).toHaveText('已批准');

    // Work goes on here; importing the older backup again must ask before replacing it.
    await openTab(other, '填写');
    await other.getByRole('button', { name: '修改（需重新审核）' }).click();
    await other.getByRole('textbox', { name: '承诺正文' }).fill('导入后在新电脑上改过的正文。');
    await other.getByRole('button', { name: /返回列表/ }).click();
    await expect(other.getByTestId('draft-card').first()).toContainText(SIGNED_UNIT);
    await other.getByLabel('导入备份…').setInputFiles(backup);
    const conflicts = other.getByRole('group', { name: /1 份草稿在本机的修改比备份更新/ });
    await expect(conflicts).toBeVisible();
    await expect(conflicts.getByRole('checkbox')).not.toBeChecked();
    await conflicts.getByRole('button', { name: '导入' }).click();
    await expect(other.getByTestId('backup-status')).toHaveText('导入完成：新增 0 份，更新 0 份，2 份保留本机内容（与备份相同或本机更新）。');
    await other.getByTestId('draft-card').filter({ hasText: SIGNED_UNIT }).click();
    await expect(other.getByRole('textbox', { name: '承诺正文' })).toHaveValue('导入后在新电脑上改过的正文。');
    await fresh.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a file that is not a backup is refused with its name and the reason', async ({ appPage: page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'pledge-backup-e2e-'));
  try {
    const bogus = join(dir, '不是备份.pledgebackup');
    await writeFile(bogus, 'hello');
    await page.getByLabel('导入备份…').setInputFiles(bogus);
    await expect(page.getByTestId('backup-status')).toContainText('“不是备份.pledgebackup”无法导入：');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
