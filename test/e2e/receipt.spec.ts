import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { connectPlatform, packLetter, pdfPageCount, pdfText, REAL_UNIT, savedPath, writeScan } from './app-actions';
import { expect, test } from './fixtures';
import { platformProcess, type PlatformProcess } from './platform-process';

/**
 * This spec's own unit: the web host's outbox is shared by the whole run, and a second letter of a
 * unit and year already packed would be asked about as a correction.
 */
const UNIT = { ...REAL_UNIT, unitName: '哈尔滨市南岗区行政审批局', creditCode: '11230103012046110M', email: 'xzsp@nangang.gov.cn' };

/** The platform's receipt time as a Chinese document in Beijing writes it, worked out here independently of the app. */
function beijingTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日${two(t.getUTCHours())}:${two(t.getUTCMinutes())}（北京时间）`;
}

test('a delivered submission gives a one-page printable receipt (回执单) beside the JSON, and exports never replace one another', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Saving opens a native dialog in Electron; the web host saves to the data folder');
  test.setTimeout(120_000);
  let platform: PlatformProcess | undefined;
  const dir = await mkdtemp(join(tmpdir(), 'pledge-receipt-e2e-'));
  try {
    platform = await platformProcess({ code: UNIT.creditCode, name: UNIT.unitName });
    await platform.start();
    await packLetter(page, UNIT, await writeScan(dir));
    await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');
    await page.getByRole('button', { name: '查看发送队列' }).click();
    await connectPlatform(page, platform);

    // Its own item: the outbox holds what the specs before this one packed too.
    const item = page.getByRole('listitem', { name: `${UNIT.unitName}（2026 年度）` });
    await expect(item.getByTestId('outbox-status')).toHaveText('已送达', { timeout: 30_000 });
    const [listed] = await platform.list();
    if (!listed) throw new Error('the platform lists no submission');
    const { receivedAt, commitmentCode } = JSON.parse(await (await fetch(`${platform.url}/submissions/${listed.submissionId}/receipt`, { headers: { Authorization: `Bearer ${platform.token}` } })).text()) as { receivedAt: string; commitmentCode: string };

    // Both receipts are offered on the delivered item.
    await expect(item.getByRole('button', { name: '保存回执（JSON）' })).toBeVisible();
    await item.getByRole('button', { name: '保存回执单（PDF）' }).click();
    const status = item.getByRole('status');
    await expect(status).toContainText('已保存到');
    const saved = await savedPath(status);
    expect(basename(saved)).toMatch(/^回执单-.+\.pdf$/);
    const bytes = new Uint8Array(await readFile(saved));
    expect(await pdfPageCount(bytes)).toBe(1);
    const text = await pdfText(bytes);
    expect(text).toContain('政务诚信承诺书报送回执单');
    expect(text).toContain(`报送单位：${UNIT.unitName}`);
    expect(text).toContain(`统一社会信用代码：${UNIT.creditCode}`);
    expect(text).toMatch(/承诺年度：\d{4}年度/);
    expect(text).toContain(`提交编号：${listed.submissionId}`);
    expect(text).toContain(`回执编号：${listed.receiptId}`);
    expect(text).toContain(`平台收到时间：${beijingTime(receivedAt)}`);
    expect(text).toContain(`报送包SHA-256：${listed.sha256}`);
    // The 承诺编码 the platform assigned: the office's region (the test office's 239900), the letter's date, a serial.
    expect(commitmentCode).toMatch(/^239900\d{8}\d{6}$/);
    expect(text).toContain(`承诺编码：${commitmentCode}`);

    // Saved again, the receipt is a second file; the package exported twice is two files too.
    await item.getByRole('button', { name: '保存回执单（PDF）' }).click();
    await expect.poll(() => savedPath(status)).not.toBe(saved);
    expect(basename(await savedPath(status))).toMatch(/ \(2\)\.pdf$/);
    await item.getByRole('button', { name: '导出到文件' }).click();
    await expect.poll(() => savedPath(status)).toMatch(/\.zip$/);
    const firstPackage = await savedPath(status);
    await item.getByRole('button', { name: '导出到文件' }).click();
    await expect.poll(() => savedPath(status)).not.toBe(firstPackage);
    const secondPackage = await savedPath(status);
    expect(basename(secondPackage)).toMatch(/ \(2\)\.zip$/);
    expect(Buffer.compare(await readFile(firstPackage), await readFile(secondPackage))).toBe(0);
  } finally {
    await platform?.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
