import type { Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createLetter, fillUnitProfile, openTab, REAL_UNIT, submitAndApprove } from './app-actions';
import { expect, test } from './fixtures';

async function withScan(run: (scan: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pledge-second-letter-e2e-'));
  try {
    const png = new PNG({ width: 40, height: 56 });
    png.data.fill(180);
    const scan = join(dir, '签章页.png');
    await writeFile(scan, PNG.sync.write(png));
    await run(scan);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A letter of the profile's unit, approved and with its signed copy, ready for 报送到平台. */
async function signedLetter(page: Page, scan: string): Promise<void> {
  await createLetter(page, /政务服务事项承诺/);
  await submitAndApprove(page);
  await openTab(page, '签章件');
  await page.getByLabel('添加签章件…').setInputFiles(scan);
  await expect(page.getByTestId('attachment')).toHaveCount(1);
}

/**
 * The outbox belongs to the host, which every test of a run shares: each test files for a unit of
 * its own, so an earlier test's package is never "the same unit and year".
 */
const FREEZE_UNIT = { ...REAL_UNIT, unitName: '青山县白鹭乡人民政府', creditCode: '11239921004177313G' };
const SECOND_UNIT = { ...REAL_UNIT, unitName: '青山县石门乡人民政府', creditCode: '11239921004177321B' };

/** The outbox's count in the header: nothing was queued while it shows none. */
const outboxButton = (page: Page) => page.getByTestId('open-outbox');

test('报送到平台 asks first, with 取消 focused; 取消 and Esc leave the letter unpacked and its signed copies open', async ({ appPage: page }) => {
  test.setTimeout(90_000);
  await withScan(async (scan) => {
    await fillUnitProfile(page, FREEZE_UNIT);
    await signedLetter(page, scan);
    const queuedBefore = (await outboxButton(page).textContent()) ?? '';

    await page.getByRole('button', { name: '报送到平台' }).click();
    const dialog = page.getByRole('dialog', { name: '报送到平台？' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog).toContainText('1 份签章件将被打包并锁定');
    await expect(dialog).toContainText('发送队列');
    await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();

    // Enter on the focused default answers 取消: nothing is packed.
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('submit-result')).toHaveCount(0);
    await expect(page.getByTestId('attachments-locked')).toHaveCount(0);
    await expect(outboxButton(page)).toHaveText(queuedBefore);

    await page.getByRole('button', { name: '报送到平台' }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('attachments-locked')).toHaveCount(0);
    await expect(outboxButton(page)).toHaveText(queuedBefore);

    await page.getByRole('button', { name: '报送到平台' }).click();
    await dialog.getByRole('button', { name: '确认报送' }).click();
    await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');
    await expect(page.getByTestId('attachments-locked')).toBeVisible();
    await expect(outboxButton(page)).not.toHaveText(queuedBefore);
  });
});

test('a second letter of the same unit and year names the first and its state before packing, and goes out as its correction', async ({ appPage: page }) => {
  test.setTimeout(120_000);
  await withScan(async (scan) => {
    await fillUnitProfile(page, SECOND_UNIT);
    await signedLetter(page, scan);
    const firstTitle = (await page.getByRole('heading', { level: 2 }).textContent()) ?? '';
    await page.getByRole('button', { name: '报送到平台' }).click();
    await page.getByRole('dialog', { name: '报送到平台？' }).getByRole('button', { name: '确认报送' }).click();
    await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');
    const firstId = /提交编号 ([0-9a-f-]{36})/.exec((await page.getByTestId('submit-result').textContent()) ?? '')?.[1];
    expect(firstId).toBeDefined();
    await page.getByRole('button', { name: /返回列表/ }).click();

    // A second letter for the same unit and year: the question names the first letter and where it stands.
    await signedLetter(page, scan);
    await page.getByRole('button', { name: '报送到平台' }).click();
    const year = /(\d{4})年度/.exec(firstTitle)?.[1];
    const dialog = page.getByRole('dialog', { name: `本单位 ${year} 年度已有承诺书报送` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(SECOND_UNIT.unitName);
    await expect(dialog).toContainText(SECOND_UNIT.creditCode);
    await expect(dialog.getByTestId('same-unit-earlier')).toContainText(`“${firstTitle}”，提交编号 ${firstId}，待发送，未送达`);
    await expect(dialog).toContainText('独立的承诺书');
    await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();

    // 取消 packs nothing.
    const queuedBefore = (await outboxButton(page).textContent()) ?? '';
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('attachments-locked')).toHaveCount(0);
    await expect(outboxButton(page)).toHaveText(queuedBefore);

    await page.getByRole('button', { name: '报送到平台' }).click();
    await dialog.getByRole('button', { name: '作为更正报送' }).click();
    await expect(page.getByTestId('submit-result')).toContainText(`已作为更正加入发送队列`);
    await expect(page.getByTestId('submit-result')).toContainText(`更正之前的提交 ${firstId}`);

    // The outbox holds both, the second marked as the correction of the first.
    await page.getByRole('button', { name: '查看发送队列' }).click();
    const items = page.getByTestId('outbox-item').filter({ hasText: SECOND_UNIT.unitName });
    await expect(items).toHaveCount(2);
    await expect(items.filter({ hasText: `更正之前的提交 ${firstId}` })).toHaveCount(1);
    await expect(items.filter({ hasText: `提交编号 ${firstId}` })).not.toContainText('更正之前的提交');
  });
});
