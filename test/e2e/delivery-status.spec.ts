import type { Locator, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearPlatformSettings, packLetter, REAL_UNIT, writeScan } from './app-actions';
import { expect, test } from './fixtures';
import { platformProcess, type PlatformProcess } from './platform-process';

/**
 * What the clerk is told about a letter once it is packed: the draft header, the 还差 line, the
 * list's badge, filter and search, and the outbox, from "not delivered, and why" to the receipt
 * or the platform's refusal. Each test has its own unit (the web host's outbox is shared by the
 * whole run, and a second letter of one unit and year would be asked about as a correction).
 */
type Unit = { readonly code: string; readonly name: string };
const NANGANG_SERVICE: Unit = { code: '11230103012034566X', name: '哈尔滨市南岗区政务服务中心' };
const NANGANG_MARKET: Unit = { code: '112301030120789057', name: '哈尔滨市南岗区市场监督管理局' };
/** Another unit's token, as a clerk might copy from a neighbouring office. */
const NEIGHBOUR: Unit = { code: '122399214012770352', name: '青山县政务服务中心' };

/** A letter of the unit, approved, signed and packed into the outbox. */
async function packedLetter(page: Page, unit: Unit, scan: string): Promise<void> {
  await packLetter(page, { ...REAL_UNIT, unitName: unit.name, creditCode: unit.code }, scan);
  await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');
}

const backToList = (page: Page) => page.getByRole('button', { name: '← 返回列表' }).click();
const openOutbox = (page: Page) => page.getByTestId('open-outbox').click();
const listFilter = (page: Page) => page.getByLabel('按状态筛选');
const outboxItem = (page: Page, unit: Unit) => page.getByRole('listitem', { name: `${unit.name}（2026 年度）` });

async function expectHeader(page: Page, badge: string, line: string | RegExp): Promise<void> {
  const statusLine = page.locator('.status-line');
  await expect(statusLine.getByTestId('delivery-status')).toHaveText(badge, { timeout: 30_000 });
  await expect(statusLine.getByTestId('outstanding')).toContainText(line);
}

async function expectCard(card: Locator, badge: string, line: string | RegExp): Promise<void> {
  await expect(card.getByTestId('delivery-status')).toHaveText(badge, { timeout: 30_000 });
  await expect(card.getByTestId('outstanding')).toContainText(line);
}

test('a packed letter says 待发送，尚未送达 and why — no address, then no connection — until the receipt says 已送达, in the header, the 还差 line, the list, its filter and search, and the outbox', async ({ appPage: page }) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'pledge-delivery-e2e-'));
  let platform: PlatformProcess | undefined;
  try {
    platform = await platformProcess(NANGANG_SERVICE);
    await packedLetter(page, NANGANG_SERVICE, await writeScan(dir));

    // No address: the letter is not sent, and the clerk is told where to set one.
    await expectHeader(page, '待发送，未送达', '待发送，尚未送达（还没有设置报送平台地址，请在“发送队列”的“报送平台设置”中填写）');
    await expect(page.locator('.status-line')).not.toContainText(/已报送|已送达/);
    await backToList(page);
    const card = page.getByTestId('draft-card').filter({ hasText: NANGANG_SERVICE.name });
    await expectCard(card, '待发送，未送达', '还没有设置报送平台地址');

    await listFilter(page).selectOption({ label: '已送达' });
    await expect(card).toHaveCount(0);
    await listFilter(page).selectOption({ label: '待发送（尚未送达）' });
    await expect(card).toHaveCount(1);
    await listFilter(page).selectOption({ label: '未报送' });
    await expect(card).toHaveCount(0);
    await listFilter(page).selectOption({ label: '全部状态' });
    await page.getByRole('searchbox', { name: '搜索草稿' }).fill('南岗 待发送');
    await expect(card).toHaveCount(1);
    await page.getByRole('searchbox', { name: '搜索草稿' }).fill('南岗 已送达');
    await expect(card).toHaveCount(0);
    await page.getByRole('searchbox', { name: '搜索草稿' }).fill('');

    // The outbox names the missing address rather than "waiting for the network", and 立即发送 says it cannot.
    await openOutbox(page);
    const item = outboxItem(page, NANGANG_SERVICE);
    await expect(page.getByTestId('connection')).toContainText('还没有设置报送平台地址：请在下方“报送平台设置”中填写');
    await expect(item.getByTestId('outbox-status')).toHaveText('未设置平台地址');
    await expect(item.getByTestId('outbox-reason')).toContainText('还没有设置报送平台地址');
    await item.getByRole('button', { name: '立即发送' }).click();
    await expect(item.getByRole('status')).toHaveText('现在无法发送：还没有设置报送平台地址，请在“发送队列”的“报送平台设置”中填写。');

    // The address of a platform that is down: 测试连接 says the address does not answer; 立即发送 says so too.
    const settings = page.getByRole('form', { name: '报送平台设置' });
    await settings.getByLabel('报送平台地址').fill(platform.url);
    await settings.getByLabel('访问令牌').fill(platform.token);
    await settings.getByRole('button', { name: '测试连接' }).click();
    await expect(settings.getByTestId('connection-test')).toContainText('地址连不上：无法连接报送平台');
    await expect(settings.getByTestId('connection-test')).toContainText('尚未保存');
    await settings.getByRole('button', { name: '保存设置' }).click();
    await expect(settings.getByText('设置已保存。')).toBeVisible();
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
    await expect(item.getByTestId('outbox-status')).toHaveText('等待网络');
    await item.getByRole('button', { name: '立即发送' }).click();
    await expect(item.getByRole('status')).toHaveText('现在无法发送：暂时连不上报送平台，连上后自动发送。');

    await page.getByRole('button', { name: '← 返回列表' }).click();
    await expectCard(card, '待发送，未送达', '待发送，尚未送达（暂时连不上报送平台，连上后自动发送）');

    // The platform comes up: the list turns to 已送达 with the platform's receipt number by itself.
    await platform.start();
    await expectCard(card, '已送达', /^已送达：回执编号 \S+，平台收到时间 /);
    const [receipt] = await platform.list();
    expect(receipt).toBeDefined();
    await expect(card.getByTestId('outstanding')).toContainText(`回执编号 ${receipt!.receiptId}`);
    await listFilter(page).selectOption({ label: '已送达' });
    await expect(card).toHaveCount(1);
    await listFilter(page).selectOption({ label: '待发送（尚未送达）' });
    await expect(card).toHaveCount(0);
    await listFilter(page).selectOption({ label: '全部状态' });
    await page.getByRole('searchbox', { name: '搜索草稿' }).fill(receipt!.receiptId);
    await expect(card).toHaveCount(1);

    await card.click();
    await expectHeader(page, '已送达', `已送达：回执编号 ${receipt!.receiptId}`);
    // 测试连接 on the saved settings: the address answers and the token is this unit's.
    await openOutbox(page);
    await settings.getByRole('button', { name: '测试连接' }).click();
    await expect(settings.getByTestId('connection-test')).toHaveText(`连接正常：地址正确，访问令牌有效，属于${NANGANG_SERVICE.name}（统一社会信用代码 ${NANGANG_SERVICE.code}）。`);
  } finally {
    await clearPlatformSettings(page).catch(() => undefined);
    await platform?.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

test('测试连接 names a wrong token; a refused token holds the letter as not delivered; a package the platform refuses is 被拒收 with its reason and what to do', async ({ appPage: page }) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'pledge-delivery-e2e-'));
  // The platform's only credential is the neighbour's: this unit's package is not that token's to send.
  let platform: PlatformProcess | undefined;
  try {
    platform = await platformProcess(NEIGHBOUR);
    await platform.start();
    await packedLetter(page, NANGANG_MARKET, await writeScan(dir));
    await openOutbox(page);
    const item = outboxItem(page, NANGANG_MARKET);
    const settings = page.getByRole('form', { name: '报送平台设置' });

    // A mistyped token: the address is right, the token is not, and nothing is sent.
    await settings.getByLabel('报送平台地址').fill(platform.url);
    await settings.getByLabel('访问令牌').fill('pledge_mistyped');
    await settings.getByRole('button', { name: '测试连接' }).click();
    await expect(settings.getByTestId('connection-test')).toContainText('地址正确，报送平台可以连上；但平台拒绝了这个访问令牌');
    await settings.getByRole('button', { name: '保存设置' }).click();
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'unauthorized');
    await expect(page.getByTestId('connection')).toContainText('不认可已保存的访问令牌');
    await expect(item.getByTestId('outbox-status')).toHaveText('访问令牌被拒绝');
    await item.getByRole('button', { name: '立即发送' }).click();
    await expect(item.getByRole('status')).toContainText('现在无法发送：报送平台不认可已保存的访问令牌');
    expect(await platform.list()).toEqual([]);
    await backToList(page);
    const card = page.getByTestId('draft-card').filter({ hasText: NANGANG_MARKET.name });
    await expectCard(card, '待发送，未送达', '待发送，尚未送达（报送平台不认可已保存的访问令牌');

    // The neighbour's token: valid, and 测试连接 says whose it is; the platform refuses this unit's package.
    await openOutbox(page);
    await settings.getByLabel('访问令牌').fill(platform.token);
    await settings.getByRole('button', { name: '测试连接' }).click();
    await expect(settings.getByTestId('connection-test')).toContainText(`访问令牌有效，属于${NEIGHBOUR.name}`);
    await settings.getByRole('button', { name: '保存设置' }).click();
    await expect(item.getByTestId('outbox-status')).toHaveText('平台拒收', { timeout: 30_000 });
    await expect(item.getByTestId('outbox-rejection')).toContainText('被拒收，未送达：');
    await expect(item.getByTestId('outbox-rejection')).toContainText('请换用平台发给本单位的访问令牌');

    await backToList(page);
    await expectCard(card, '被拒收', /^被拒收，未送达：.+请换用平台发给本单位的访问令牌/);
    await listFilter(page).selectOption({ label: '被拒收' });
    await expect(card).toHaveCount(1);
    await listFilter(page).selectOption({ label: '已送达' });
    await expect(card).toHaveCount(0);
    await listFilter(page).selectOption({ label: '全部状态' });
    await card.click();
    await expectHeader(page, '被拒收', '请换用平台发给本单位的访问令牌');
    await expect(page.locator('.status-line')).not.toContainText('已送达');
  } finally {
    await clearPlatformSettings(page).catch(() => undefined);
    await platform?.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
