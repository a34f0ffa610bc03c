import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLetter, fillUnitProfile, openTab, packLetter, REAL_UNIT, submitAndApprove, writeScan } from './app-actions';
import { expect, test } from './fixtures';

/**
 * Where work is frozen, the app asks before undoing it: deleting an approved or sent letter,
 * purging one, restoring an old version of a letter already sent. Each test has its own unit:
 * the web host's outbox is shared by the whole run.
 */
const units = {
  deleted: { ...REAL_UNIT, unitName: '白山市龙泉镇人民政府', creditCode: '12239921401311774K', email: 'lqz@baishan.gov.cn' },
  restored: { ...REAL_UNIT, unitName: '白山市石门乡人民政府', creditCode: '12239921401311782E', email: 'smx@baishan.gov.cn' },
};

const backToList = (page: Page) => page.getByRole('button', { name: /返回列表/ }).click();

test('deleting an approved letter asks first: 取消 keeps it; a plain draft goes to the bin at once; purging asks too', async ({ appPage: page }) => {
  await fillUnitProfile(page, units.deleted);
  await createLetter(page, /政务服务事项承诺/);
  await submitAndApprove(page);
  await backToList(page);
  const cards = page.getByTestId('draft-card');
  await expect(cards).toHaveCount(1);

  const binApproved = page.getByRole('button', { name: new RegExp(`^删除 ${units.deleted.unitName}`) });
  await binApproved.click();
  const question = page.getByRole('dialog', { name: '删除承诺书？' });
  await expect(question).toContainText(`“${units.deleted.unitName}2026年度政务诚信承诺书”已经批准。`);
  await question.getByRole('button', { name: '取消' }).click();
  await expect(question).toBeHidden();
  await expect(cards).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^回收站/ })).toHaveCount(0);

  // Esc is 取消 as well.
  await binApproved.click();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(cards).toHaveCount(1);

  await binApproved.click();
  await question.getByRole('button', { name: '移入回收站' }).click();
  await expect(cards).toHaveCount(0);

  // Nothing is frozen in a fresh draft: it goes straight to the bin, which is the undo.
  await createLetter(page, /政务服务事项承诺/);
  await backToList(page);
  await page.getByRole('button', { name: new RegExp(`^删除 ${units.deleted.unitName}`) }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: '回收站（2）' }).click();
  const entries = page.getByTestId('bin-entry');
  await expect(entries).toHaveCount(2);

  await entries.first().getByRole('button', { name: '彻底删除' }).click();
  const purge = page.getByRole('dialog', { name: '彻底删除？' });
  await expect(purge).toContainText('此操作无法撤销');
  await purge.getByRole('button', { name: '取消' }).click();
  await expect(entries).toHaveCount(2);
  await entries.first().getByRole('button', { name: '彻底删除' }).click();
  await purge.getByRole('button', { name: '彻底删除' }).click();
  await expect(entries).toHaveCount(1);
});

test('restoring an old version of a sent letter says it was sent and that the package stays as sent', async ({ appPage: page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'pledge-restore-'));
  try {
    const queued = await packLetter(page, units.restored, await writeScan(dir));
    const submissionId = /提交编号 ([0-9a-f-]{36})/.exec(queued)?.[1];
    expect(submissionId).toBeDefined();

    await openTab(page, '历史版本');
    const snapshots = page.getByTestId('snapshot');
    await snapshots.last().getByRole('button', { name: '恢复此版本' }).click();
    const question = page.getByRole('dialog', { name: '恢复旧版本？' });
    await expect(question).toContainText(`这份承诺书已经报送（提交编号 ${submissionId}）`);
    await expect(question).toContainText('已报送的报送包不变，也不会撤回');
    await question.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('draft-status')).toHaveText('已批准');

    await snapshots.last().getByRole('button', { name: '恢复此版本' }).click();
    await question.getByRole('button', { name: '恢复', exact: true }).click();
    await expect(page.getByTestId('draft-status')).toHaveText('草稿');
    // The submission already sent is untouched: still in the outbox under its id.
    await page.getByTestId('open-outbox').click();
    await expect(page.getByRole('listitem', { name: `${units.restored.unitName}（2026 年度）` })).toHaveCount(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
