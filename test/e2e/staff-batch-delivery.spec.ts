import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { inventedStaff } from '../support/invented-staff';
import { connectPlatform, fillUnitProfile, REAL_UNIT } from './app-actions';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { platformProcess } from './platform-process';

const run = promisify(execFile);

/**
 * The whole path for a township's staff, through the app's own screens: the office's
 * roster of 200 → 200 letters → submitted for review and approved in one sitting → one print file
 * for signatures → the signed stack scanned, split back to the letters by the code on each page →
 * delivered while the platform is down → 200 submissions with 200 receipts from the real platform
 * once it is up, shown in the outbox as one group with one bar, and counted delivered on the batch.
 * `PLEDGE_E2E_BATCH=<n>` runs it with another number of people. It prints how long each step took.
 */
const PEOPLE = Number(process.env['PLEDGE_E2E_BATCH'] ?? 200);

/** This spec's own unit: the web host's outbox and its connection are shared by the whole run. */
const PROFILE = { ...REAL_UNIT, unitName: '白山市柳河镇人民政府', creditCode: '12239921401359129L', email: 'liuhe@baishan.gov.cn' };
const UNIT = { code: PROFILE.creditCode, name: PROFILE.unitName };
const STAFF = inventedStaff(PEOPLE);
const POST_LABELS = { window: '窗口服务', enforcement: '行政执法', other: '其他' } as const;

/** The office's own list as the clerk keeps it: a title row, the header, one row a person (most with an ID number). */
async function roster(): Promise<Buffer> {
  const text = (value: string) => ({ value, type: String });
  const rows: SheetData = [
    [text(`${PROFILE.unitName}工作人员名单`), null, null, null, null],
    ['姓名', '职务', '科室', '岗位类别', '身份证号'].map(text),
    ...STAFF.map((m) => [m.name, m.position, m.department, POST_LABELS[m.postType], m.idNumber ?? ''].map(text)),
  ];
  return Buffer.from(await writeXlsxFile(rows).toBuffer());
}

test(`a staff roster of ${PEOPLE} through the app: letters, review, print, signed scan, delivery, ${PEOPLE} receipts`, async ({ appPage: page }, testInfo) => {
  test.setTimeout(900_000);
  const dir = testInfo.outputDir;
  await mkdir(dir, { recursive: true });
  const timings: string[] = [];
  let lap = Date.now();
  const stage = (name: string) => {
    timings.push(`${name} ${((Date.now() - lap) / 1000).toFixed(1)} s`);
    // As it goes, so a run that stops shows how far it got.
    console.log(`${PEOPLE} people: ${timings.at(-1)}`);
    lap = Date.now();
  };
  const platform = await platformProcess(UNIT);
  try {
    // The platform's address is set while nothing answers there: the batch will wait, and say so.
    await page.getByTestId('open-outbox').click();
    await connectPlatform(page, platform);
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
    await page.getByRole('button', { name: /返回列表/ }).click();
    await fillUnitProfile(page, PROFILE);

    await page.getByRole('button', { name: '批量生成公职人员承诺书' }).click();
    await page.getByLabel('选择人员名单…').setInputFiles({ name: '柳河镇人员名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await roster() });
    await expect(page.getByTestId('batch-accepted')).toContainText(`可生成承诺书的有 ${PEOPLE} 人`);
    await page.getByRole('button', { name: `生成承诺书（${PEOPLE} 份）` }).click();
    const count = (key: string) => page.getByTestId(`batch-count-${key}`);
    await expect(count('drafted')).toHaveText(String(PEOPLE), { timeout: 60_000 });
    await expect(page.getByTestId('batch-member')).toHaveCount(PEOPLE);
    const ids = STAFF.flatMap((m) => m.idNumber ?? []);
    const shown = await page.content();
    expect(ids.filter((id) => shown.includes(id)), 'ID numbers on the batch screen').toEqual([]);
    stage('roster to drafts');

    await page.getByRole('tab', { name: '集中审核' }).click();
    await page.getByRole('button', { name: `全部提交审核（${PEOPLE} 份）` }).click();
    await expect(page.getByTestId('batch-review-result')).toHaveText(`已提交审核 ${PEOPLE} 份。`, { timeout: 300_000 });
    stage('rendered and submitted for review');
    await page.getByRole('button', { name: '全选' }).click();
    await page.getByRole('button', { name: `批准所选（${PEOPLE} 份）` }).click();
    await page.getByRole('dialog', { name: '审核人不是承诺书的落款人' }).getByRole('button', { name: '确认批准' }).click();
    await expect(page.getByTestId('batch-review-result')).toHaveText(`已批准 ${PEOPLE} 份。`, { timeout: 120_000 });
    await expect(count('approved')).toHaveText(String(PEOPLE));
    stage('approved');

    await page.getByRole('tab', { name: '打印与签字' }).click();
    await page.getByRole('button', { name: `打印签字版（${PEOPLE} 份）` }).click();
    const status = page.getByTestId('batch-print-status');
    await expect(status).toContainText('已保存到', { timeout: 120_000 });
    const said = (await status.textContent()) ?? '';
    const path = /已保存到\s*(.+)$/.exec(said)![1]!.trim();
    const pages = Number(/签字版共 (\d+) 页/.exec(said)?.[1]);
    // Each letter starts on an odd page, after a cover of at least one sheet.
    expect(pages).toBeGreaterThanOrEqual(2 * PEOPLE + 1);
    stage('print file');

    // The signed stack, scanned with a scanner's document setting: 150 dpi grey JPEG, one file a
    // page, in two halves at once (two cores). Read back last page first: the codes, not the order, place them.
    const scanDir = join(dir, 'scan');
    await mkdir(scanDir, { recursive: true });
    const half = Math.ceil(pages / 2);
    const scan = (first: number, last: number, name: string) => run('pdftoppm', ['-r', '150', '-gray', '-jpeg', '-jpegopt', 'quality=90', '-f', String(first), '-l', String(last), path, join(scanDir, name)]);
    await Promise.all([scan(1, half, 'b'), scan(half + 1, pages, 'a')]);
    const images = (await readdir(scanDir)).sort();
    expect(images).toHaveLength(pages);
    stage(`scanned ${pages} pages`);
    await page.getByLabel('选择扫描件').setInputFiles(images.map((name) => join(scanDir, name)));
    const letters = page.getByTestId('scan-letters').getByRole('listitem');
    await expect(letters).toHaveCount(PEOPLE, { timeout: 300_000 });
    await expect(letters.filter({ hasText: '页数齐全' })).toHaveCount(PEOPLE);
    // Every page placed by its own code: none presumed from the cover's order; only the cover and the blank backs set aside.
    await expect(letters.locator('figure[data-presumed="true"]')).toHaveCount(0);
    const setAside = page.getByTestId('scan-set-aside').getByRole('listitem');
    await expect(setAside.filter({ hasNotText: /签字清单（封面）|为双面打印插入的空白页/ })).toHaveCount(0);
    expect(await setAside.count()).toBe(pages - (await letters.locator('figure').count()));
    stage('scan split');
    await expect(count('signed')).toHaveText('0');
    await page.getByRole('checkbox', { name: /我已逐页核对/ }).check();
    await page.getByRole('button', { name: '确认并附加' }).click();
    await expect(page.getByTestId('scan-attached').getByRole('listitem')).toHaveCount(PEOPLE, { timeout: 300_000 });
    await expect(count('signed')).toHaveText(String(PEOPLE));
    stage('signed copies attached');

    await page.getByRole('tab', { name: '概况' }).click();
    await page.getByRole('button', { name: `报送已上传签章件的承诺书（${PEOPLE} 份）` }).click();
    await expect(page.getByTestId('batch-delivery-status')).toHaveText(new RegExp(`^新加入发送队列 ${PEOPLE} 份`), { timeout: 300_000 });
    // Queued is not delivered: nothing answers at the platform's address yet.
    await expect(count('delivered')).toHaveText('0');
    stage('packed and queued');

    await page.getByTestId('open-outbox').click();
    const group = page.getByRole('listitem', { name: new RegExp(`（${PEOPLE} 份）$`) });
    await expect(group).toHaveCount(1);
    const tally = group.getByTestId('outbox-batch-tally');
    await expect(tally).toHaveText(`已送达 0 份（有回执）；正在发送 0 份；待发送、尚未送达 ${PEOPLE} 份；被拒收 0 份`);
    await expect(group.getByTestId('outbox-batch-bar')).toHaveAttribute('value', '0');
    await expect(group.getByTestId('outbox-batch-reason')).toContainText('暂时连不上报送平台');
    // One group, not one row per person: the members fold away.
    await expect(group.getByTestId('outbox-item')).toHaveCount(0);
    await expectNoSeriousViolations(page, 'outbox with a batch waiting');

    // The platform comes up; nobody clicks anything.
    await platform.start();
    await expect(tally).toHaveAttribute('data-delivered', String(PEOPLE), { timeout: 600_000 });
    stage('delivered');
    await expect(tally).toHaveText(`已送达 ${PEOPLE} 份（有回执）；正在发送 0 份；待发送、尚未送达 0 份；被拒收 0 份`);
    await expect(group.getByTestId('outbox-batch-bar')).toHaveAttribute('value', String(PEOPLE));
    await expect(group.getByTestId('outbox-batch-reason')).toHaveCount(0);

    // Each person's letter is its own submission with its own receipt.
    const listed = await platform.list();
    expect(listed).toHaveLength(PEOPLE);
    expect(new Set(listed.map((s) => s.receiptId)).size).toBe(PEOPLE);

    // Opened with the keyboard, the group lists every person by name, each delivered with its receipt.
    const toggle = group.getByRole('button', { name: `展开本批其余 ${PEOPLE} 份` });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const members = group.getByRole('list', { name: '本批报送列表' }).getByTestId('outbox-item');
    await expect(members).toHaveCount(PEOPLE);
    await expect(members.filter({ has: page.getByTestId('outbox-status').filter({ hasText: '已送达' }) })).toHaveCount(PEOPLE);
    const names = await members.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
    expect(new Set(names.map((label) => label.replace(/（.*$/, '')))).toEqual(new Set(STAFF.map((m) => m.name)));
    const firstReceipt = (await members.first().getByTestId('outbox-receipt').textContent()) ?? '';
    expect(listed.filter((s) => firstReceipt.includes(s.receiptId))).toHaveLength(1);
    const outboxShown = await page.content();
    expect(ids.filter((id) => outboxShown.includes(id)), 'ID numbers in the outbox').toEqual([]);

    // The batch counts what the receipts say, and offers nothing more to send; nothing went twice.
    await page.getByRole('button', { name: /返回列表/ }).click();
    await page.getByTestId('batch-link').filter({ hasText: `（${PEOPLE} 人）` }).click();
    await expect(count('delivered')).toHaveText(String(PEOPLE));
    await expect(page.getByTestId('batch-member').getByTestId('batch-stage').filter({ hasNotText: '已送达' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '报送已上传签章件的承诺书（0 份）' })).toBeDisabled();
    expect(await platform.list()).toHaveLength(PEOPLE);
  } finally {
    await platform.stop();
    const line = `${PEOPLE} people: ${timings.join('; ')}`;
    testInfo.annotations.push({ type: 'timing', description: line });
    console.log(line);
  }
});
