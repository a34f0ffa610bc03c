import type { Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createRealUnitLetter, openTab, savedPath, submitAndApprove, UNIT_OUTSIDE_SAMPLE_COUNTY } from './app-actions';
import { expect, test } from './fixtures';
import { platformProcess, type PlatformProcess } from './platform-process';

/** The unit of the letter this test files, from the unit profile. */
const UNIT = { code: UNIT_OUTSIDE_SAMPLE_COUNTY.creditCode, name: UNIT_OUTSIDE_SAMPLE_COUNTY.unitName };

/** Every record of every IndexedDB database of the page, as one string. */
async function everythingInIndexedDb(page: Page): Promise<string> {
  return page.evaluate(`(async () => {
    const out = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
        out.push(JSON.stringify(all, (k, v) => (v instanceof Uint8Array ? '[bytes]' : v)));
      }
      db.close();
    }
    return out.join('\\n');
  })()`);
}

test('an approved, signed letter waits offline in the outbox, goes out by itself when the platform answers, and keeps its receipt', async ({ appPage: page }, testInfo) => {
  test.setTimeout(120_000);
  let platform: PlatformProcess | undefined;
  const dir = await mkdtemp(join(tmpdir(), 'pledge-outbox-e2e-'));
  try {
    platform = await platformProcess(UNIT);
    const png = new PNG({ width: 40, height: 56 });
    png.data.fill(180);
    const scan = join(dir, '签章页.png');
    await writeFile(scan, PNG.sync.write(png));

    await createRealUnitLetter(page, /政务服务事项承诺/);
    await openTab(page, '签章件');
    await submitAndApprove(page);
    await openTab(page, '签章件');
    await expect(page.getByRole('button', { name: '报送到平台' })).toBeDisabled();
    await page.getByLabel('添加签章件…').setInputFiles(scan);
    await expect(page.getByTestId('attachment')).toHaveCount(1);
    await page.getByRole('button', { name: '报送到平台' }).click();
    await page.getByRole('dialog', { name: '报送到平台？' }).getByRole('button', { name: '确认报送' }).click();
    await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');
    // Packed: the signed copy is now fixed, and packing again is the same submission.
    await expect(page.getByTestId('attachments-locked')).toBeVisible();
    await expect(page.getByTestId('outstanding')).toContainText('待发送，尚未送达（还没有设置报送平台地址');
    await page.getByRole('button', { name: '报送到平台' }).click();
    await expect(page.getByTestId('submit-result')).toContainText('已在发送队列中');
    await page.getByRole('button', { name: '查看发送队列' }).click();

    // The web host's outbox is shared by the whole run: earlier specs' packages may be there too.
    const item = page.getByRole('listitem', { name: `${UNIT.name}（2026 年度）` });
    await expect(item).toHaveCount(1);
    await expect(page.getByTestId('connection')).toContainText('还没有设置报送平台地址');
    await expect(item.getByTestId('outbox-status')).toHaveText('未设置平台地址');

    // A wrong address is refused naming the field; then the real one, while nothing listens there.
    const settings = page.getByRole('form', { name: '报送平台设置' });
    await settings.getByLabel('报送平台地址').fill('platform.example');
    await settings.getByRole('button', { name: '保存设置' }).click();
    await expect(settings.getByRole('alert')).toContainText('报送平台地址');
    await settings.getByLabel('报送平台地址').fill(platform.url);
    await settings.getByLabel('访问令牌').fill(platform.token);
    await settings.getByRole('button', { name: '保存设置' }).click();
    await expect(settings.getByRole('status')).toHaveText('设置已保存。');
    await expect(settings.getByTestId('token-state')).toContainText('已设置（不显示）');
    await expect(settings.getByLabel('访问令牌')).toHaveValue('');
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
    await expect(item.getByTestId('outbox-status')).toHaveText('等待网络');
    expect(await platform.list().catch(() => 'unreachable')).toBe('unreachable');

    // The platform comes up: nobody clicks anything.
    await platform.start();
    await expect(item.getByTestId('outbox-status')).toHaveText('已送达', { timeout: 30_000 });
    const receipt = item.getByTestId('outbox-receipt');
    await expect(receipt).toContainText('回执编号');
    const listed = await platform.list();
    expect(listed).toHaveLength(1);
    await expect(receipt).toContainText(listed[0]!.receiptId);
    await expect(receipt).toContainText(listed[0]!.sha256);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
    // The platform's key was pinned on first contact and proves the receipt it signed.
    await expect(item.getByTestId('receipt-proof')).toHaveText('回执已验证');
    await expect(item.getByTestId('receipt-proof')).toHaveAttribute('data-proof', 'verified');

    // The token went to the main process only.
    expect(await everythingInIndexedDb(page)).not.toContain(platform.token);

    // After a reload the outbox still shows the receipt.
    await page.reload();
    await page.getByTestId('open-outbox').click();
    await expect(item.getByTestId('outbox-status')).toHaveText('已送达');
    await expect(item.getByTestId('outbox-receipt')).toContainText(listed[0]!.receiptId);

    if (testInfo.project.name !== 'electron') {
      // Hand-over by file: the export is the package; importing it here again is recognised, not queued twice.
      await item.getByRole('button', { name: '导出到文件' }).click();
      const exported = await savedPath(item.getByRole('status'));
      expect(exported).toMatch(/\.zip$/);
      await page.getByLabel('导入报送包…').setInputFiles(exported);
      await expect(page.getByTestId('outbox-import-messages')).toContainText('已在发送队列中，未重复加入');
      await page.getByLabel('导入报送包…').setInputFiles(scan);
      await expect(page.getByTestId('outbox-import-messages')).toContainText('未导入：报送包未通过校验');
      await expect(item).toHaveCount(1);
    }
    expect(await platform.list()).toHaveLength(1);
  } finally {
    await platform?.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
