import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createLetter, fillUnitProfile as fillProfile, openTab, pdfText, REAL_UNIT, savedPath, submitAndApprove } from './app-actions';
import { expect, test } from './fixtures';

/** A unit of its own, with nothing of the templates' sample county in its name: the letter can go to review as made. */
const UNIT = { ...REAL_UNIT, unitName: '白山市白鹭乡人民政府', creditCode: '12239921401258766P', email: 'blx@baishan.gov.cn' };
const fillUnitProfile = (page: Page) => fillProfile(page, UNIT);

/** A small grey "scan" made here, so the test depends on no file in the repository. */
function scanPng(): Buffer {
  const png = new PNG({ width: 60, height: 80 });
  png.data.fill(200);
  return PNG.sync.write(png);
}


/** After a reload the app may come back to the open letter or to the list; either way, open the letter. */
async function reopenLetter(page: Page): Promise<void> {
  await page.reload();
  const card = page.getByTestId('draft-card').first();
  await expect(card.or(page.getByRole('tab', { name: /^签章件/ })).first()).toBeVisible();
  if (await card.isVisible()) await card.click();
}

test('the principal reviews the exact PDF, approves it, and an edit needs a new approval', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Save PDF as opens a native dialog in Electron; the web host saves to the data folder');
  await fillUnitProfile(page);
  await createLetter(page, /政务服务事项承诺/);
  await expect(page.getByTestId('outstanding')).toHaveText('还差：提交审核、上传签字盖章件');
  await openTab(page, '审核');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('draft-status')).toHaveText('待审核');
  const shown = (await page.getByTestId('review-sha256').textContent()) ?? '';
  expect(shown).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('pdf-preview').getByRole('img', { name: '第 1 页' })).toBeVisible({ timeout: 20_000 });

  // Frozen: the form cannot be edited while under review.
  await openTab(page, '填写');
  await expect(page.getByRole('textbox', { name: '承诺正文' })).toBeDisabled();
  await openTab(page, '审核');

  // Returning needs comments; the reviewer defaults to the principal named in the letter.
  const decision = page.getByRole('form', { name: '审核意见' });
  await expect(decision.getByRole('textbox', { name: '审核人' })).toHaveValue(REAL_UNIT.principalName);
  await decision.getByRole('button', { name: '退回修改' }).click();
  await expect(decision).toContainText('退回时请填写退回意见。');

  // A deputy approving asks first: 取消 leaves it under review, nothing recorded.
  await decision.getByRole('textbox', { name: '审核人' }).fill('王副乡长');
  await decision.getByRole('button', { name: '批准' }).click();
  const delegate = page.getByRole('dialog', { name: '审核人不是承诺书上的负责人' });
  await expect(delegate).toContainText(`承诺书上的负责人是“${REAL_UNIT.principalName}”，审核人填写的是“王副乡长”。`);
  await delegate.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('draft-status')).toHaveText('待审核');
  // Confirmed, the approval is recorded as made on the principal's behalf, here and in the history.
  await decision.getByRole('button', { name: '批准' }).click();
  await delegate.getByRole('button', { name: '确认代为批准' }).click();
  await expect(page.getByTestId('draft-status')).toHaveText('已批准');
  await expect(page.getByTestId('approval')).toContainText('王副乡长 于');
  await expect(page.getByTestId('approval')).toContainText(`（不是承诺书上的负责人${REAL_UNIT.principalName}，经确认代为批准）`);
  await openTab(page, '历史版本');
  await expect(page.getByTestId('snapshot').first()).toContainText('审核人：王副乡长');
  await expect(page.getByTestId('snapshot').first()).toContainText('代为批准');
  await openTab(page, '审核');

  // What was approved is byte for byte what was shown: save it and hash it here.
  await page.getByRole('button', { name: '另存为 PDF' }).click();
  const saved = await readFile(await savedPath(page.getByTestId('review-status')));
  expect(createHash('sha256').update(saved).digest('hex')).toBe(shown);
  expect(await pdfText(new Uint8Array(saved))).toContain(UNIT.unitName);

  // Printing hands the same PDF to a viewer: here, a new browser tab.
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: '打印' }).click();
  expect((await popup).url()).toMatch(/^blob:/);
  await expect(page.getByTestId('review-status')).toContainText('已在新标签页打开 PDF');

  // Editing an approved letter starts a new version that must be approved again.
  await openTab(page, '填写');
  await page.getByRole('button', { name: '修改（需重新审核）' }).click();
  await expect(page.getByTestId('draft-status')).toHaveText('草稿');
  await page.getByRole('textbox', { name: '承诺正文' }).fill('修改后的正文，需要重新审核。');
  await openTab(page, '历史版本');
  await expect(page.getByTestId('snapshot').first()).toContainText('重新修改');
  await expect(page.getByTestId('snapshot').nth(1)).toContainText('批准');
});

test('approving as the principal the letter names asks nothing and is not marked as delegated', async ({ appPage: page }) => {
  await fillUnitProfile(page);
  await createLetter(page);
  await submitAndApprove(page);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('approval')).toContainText(`${REAL_UNIT.principalName} 于`);
  await expect(page.getByTestId('approval')).not.toContainText('代为批准');
});

test('a returned letter shows the comments and can be submitted again', async ({ appPage: page }) => {
  await fillUnitProfile(page);
  await createLetter(page);
  await openTab(page, '审核');
  await page.getByRole('button', { name: '提交审核' }).click();
  const decision = page.getByRole('form', { name: '审核意见' });
  await decision.getByRole('textbox', { name: /退回意见/ }).fill('第二项完成时限请写明具体日期。');
  await decision.getByRole('button', { name: '退回修改' }).click();
  await expect(page.getByTestId('draft-status')).toHaveText('已退回');
  await expect(page.getByTestId('returned-comments')).toContainText('第二项完成时限请写明具体日期。');
  await expect(page.getByTestId('outstanding')).toContainText('按退回意见修改后重新提交');
  await openTab(page, '填写');
  await expect(page.getByRole('textbox', { name: '承诺正文' })).toBeEditable();
  await openTab(page, '审核');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('draft-status')).toHaveText('待审核');
});

test('the signed copy is attached as a scan, shown as a thumbnail, and checked', async ({ appPage: page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'pledge-scan-'));
  try {
    const scan = join(dir, '承诺书签章页.png');
    const notAScan = join(dir, '说明.png');
    await writeFile(scan, scanPng());
    await writeFile(notAScan, 'this is text pretending to be an image');
    await fillUnitProfile(page);
    await createLetter(page);
    await openTab(page, '签章件');
    await expect(page.getByTestId('attachments-not-approved')).toContainText('负责人批准后');
    await submitAndApprove(page);
    await openTab(page, '签章件');
    await expect(page.getByText('还没有上传签章件。')).toBeVisible();
    await page.getByLabel('添加签章件…').setInputFiles([scan, notAScan]);
    const messages = page.getByTestId('attachment-messages');
    await expect(messages).toContainText('已添加：承诺书签章页.png');
    await expect(messages).toContainText('“说明.png”不是 PNG、JPEG 图片或 PDF 文件，未添加。');
    const thumbnail = page.getByRole('img', { name: '承诺书签章页.png 的缩略图' });
    await expect(thumbnail).toBeVisible();
    expect(await thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(60);
    await expect(page.getByRole('tab', { name: '签章件 (1)' })).toBeVisible();
    await expect(page.getByTestId('outstanding')).toHaveText('材料齐全，可以报送。');

    await reopenLetter(page);
    await openTab(page, '签章件');
    await expect(page.getByTestId('attachment')).toHaveCount(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '删除 承诺书签章页.png' }).click();
    await expect(page.getByTestId('attachment')).toHaveCount(0);
    await expect(page.getByTestId('outstanding')).toHaveText('还差：上传签字盖章件');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
