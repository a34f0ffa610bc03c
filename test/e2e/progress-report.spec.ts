import type { Page } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicLetterPath } from '../../core/protocol/public-letter-path';
import { clearPlatformSettings, connectPlatform, packLetter, pdfText, REAL_UNIT, savedPath, writeScan } from './app-actions';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { platformProcess, type PlatformProcess } from './platform-process';

/**
 * A year-end progress report end to end, in the app against the real platform: the letter
 * delivered, its items' statuses and evidence recorded, the report made from them on the 进展报告
 * tab, refused without its 违诺责任追究内容, returned by the principal and approved on a second
 * freeze, its PDF read by pdf.js, packed and delivered through the outbox with its own receipt;
 * then, once the credit office publishes the letter from its dashboard, the public column's
 * 履约进度 with the evidence the unit published and none it kept back. Its own unit: the web
 * host's outbox is shared by the whole run.
 */
const UNIT = { ...REAL_UNIT, unitName: '哈尔滨市道外区市场监督管理局', creditCode: '112301040120468829', email: 'scjg@daowai.gov.cn' };
const YEAR = new Date().getFullYear();
const PDF = '%PDF-1.7\n% 年度窗口服务评议结果\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
const ACCOUNTABILITY = '对第 2 项未兑现的承诺，已约谈窗口负责人并在全局通报，限期于次年一季度前整改到位。';

const status = (page: Page, n: number) => page.getByLabel(`第 ${n} 项的履行状态`);

test('a year-end report is made from the recorded progress, reviewed, approved, delivered with its own receipt and shown on the public column as 履约进度', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Saving the PDF opens a native dialog in Electron; the web host saves to the data folder');
  test.setTimeout(240_000);
  const dir = await mkdtemp(join(tmpdir(), 'pledge-report-e2e-'));
  let platform: PlatformProcess | undefined;
  try {
    platform = await platformProcess({ code: UNIT.creditCode, name: UNIT.unitName }, { operator: true });
    await platform.start();
    const scan = await writeScan(dir);
    await packLetter(page, UNIT, scan);
    await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');
    await page.getByRole('button', { name: '查看发送队列' }).click();
    await connectPlatform(page, platform);
    await expect(page.getByRole('listitem', { name: `${UNIT.unitName}（${YEAR} 年度）` }).getByTestId('outbox-status')).toHaveText('已送达', { timeout: 30_000 });
    const [letter] = await platform.list();
    if (!letter) throw new Error('the platform lists no letter');

    // The year recorded on the 践诺进展 tab: item 1 kept, with a published PDF; item 2 not kept; the rest in progress.
    await page.getByRole('button', { name: '← 返回列表' }).click();
    await page.getByTestId('draft-card').filter({ hasText: UNIT.unitName }).first().click();
    await page.getByRole('tab', { name: '践诺进展' }).click();
    // Counted once the tab has read the delivered letter: before that it says 加载中.
    await expect(page.getByTestId('progress-item').first()).toBeVisible();
    const items = await page.getByTestId('progress-item').count();
    expect(items).toBeGreaterThanOrEqual(3);
    await status(page, 1).selectOption('已兑现');
    await status(page, 2).selectOption('未兑现');
    for (let n = 3; n <= items; n += 1) await status(page, n).selectOption('推进中');
    await page.getByLabel('第 1 项的新进展记录').fill('全年窗口评议满意率 99.2%。');
    await page.getByRole('button', { name: '添加记录' }).first().click();
    const evidence = join(dir, '年度窗口服务评议结果.pdf');
    await writeFile(evidence, PDF);
    await page.getByLabel('为第 1 项添加佐证材料…').setInputFiles(evidence);
    await page.getByRole('checkbox', { name: '在公示栏公开 年度窗口服务评议结果.pdf' }).check();
    // A second file, kept for the credit office only.
    await page.getByLabel('添加整封承诺书的佐证材料…').setInputFiles(scan);
    await expect(page.getByTestId('evidence-file')).toHaveCount(2);

    // The report, made on the 进展报告 tab from what was just recorded.
    await page.getByRole('tab', { name: '进展报告' }).click();
    await expect(page.getByTestId('reports-empty')).toBeVisible();
    const form = page.getByRole('form', { name: '新建报告' });
    await form.getByLabel('报告类型').selectOption('year');
    await expect(form.getByLabel('报告期')).toHaveValue(String(YEAR));
    await form.getByRole('button', { name: '新建报告' }).click();
    await expect(page.getByTestId('report-created')).toHaveText(`已按当前践诺进展生成进展报告草稿：${YEAR}年度。`);
    const report = page.getByTestId('report-view');
    await expect(report.getByTestId('report-status')).toHaveText('草稿');
    const rows = report.getByTestId('report-item');
    await expect(rows).toHaveCount(items);
    await expect(rows.nth(0)).toContainText('已兑现');
    // Each note dated as recorded (Beijing), as the PDF prints it.
    await expect(rows.nth(0)).toContainText(/\d{4}-\d{2}-\d{2}：全年窗口评议满意率 99\.2%/);
    await expect(rows.nth(1)).toContainText('未兑现');
    await expect(report.getByRole('list', { name: '证据材料' })).toContainText('第 1 项：年度窗口服务评议结果.pdf（公开）');
    await expectNoSeriousViolations(page, 'the 进展报告 tab with a draft');

    // Not kept at the year's end: refused until 违诺责任追究内容 is written.
    await report.getByRole('button', { name: '提交审核' }).click();
    await expect(report.getByTestId('report-message')).toContainText('请填写违诺责任追究内容');
    await expect(report.getByTestId('report-status')).toHaveText('草稿');
    await report.getByLabel('违诺责任追究内容').fill(ACCOUNTABILITY);
    await expect(report.getByTestId('accountability-status')).toHaveText('已保存。');
    // Typed text is on disk: a reload shows it.
    await page.reload();
    await expect(page.getByTestId('report-view').getByLabel('违诺责任追究内容')).toHaveValue(ACCOUNTABILITY);

    // Frozen, returned by the principal with a comment, and frozen again.
    await report.getByRole('button', { name: '提交审核' }).click();
    await expect(report.getByTestId('report-status')).toHaveText('待审核', { timeout: 60_000 });
    const firstHash = await report.getByTestId('report-sha256').innerText();
    expect(firstHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(report.locator('canvas').first()).toBeVisible();
    const decision = report.getByRole('form', { name: '审核意见' });
    await expect(decision.getByLabel('审核人')).toHaveValue(UNIT.principalName);
    await decision.getByLabel('退回意见（退回时必填）').fill('第 3 项请补充进展说明。');
    await decision.getByRole('button', { name: '退回修改' }).click();
    await expect(report.getByTestId('report-status')).toHaveText('草稿');
    await expect(report.getByTestId('report-returned')).toContainText('第 3 项请补充进展说明。');
    await report.getByRole('button', { name: '提交审核' }).click();
    await expect(report.getByTestId('report-status')).toHaveText('待审核', { timeout: 60_000 });
    await decision.getByRole('button', { name: '批准' }).click();
    await expect(report.getByTestId('report-status')).toHaveText('已批准');
    await expect(report.getByTestId('report-approval')).toContainText(`${UNIT.principalName} 于`);
    // Approved is not sent: the tab says so until the outbox has it.
    await expect(report.getByTestId('report-delivery')).toHaveText('未报送');
    await expectNoSeriousViolations(page, 'the 进展报告 tab with an approved report');

    // The approved PDF, read by pdf.js: the table of every item and the accountability text.
    await report.getByRole('button', { name: '另存为 PDF' }).click();
    await expect(report.getByTestId('report-message')).toContainText('已保存到');
    const text = await pdfText(new Uint8Array(await readFile(await savedPath(report.getByTestId('report-message')))));
    expect(text).toContain(UNIT.unitName);
    expect(text).toContain(`${YEAR}年度`);
    expect(text).toContain('已兑现');
    expect(text).toContain('未兑现');
    expect(text.replace(/\s/g, '')).toContain(ACCOUNTABILITY.replace(/\s/g, ''));

    // Sent: queued first, then delivered with the platform's own receipt, never before.
    await report.getByRole('button', { name: '报送到平台' }).click();
    await expect(report.getByTestId('report-message')).toContainText('进展报告已加入发送队列');
    await expect(report.getByTestId('report-delivery')).toContainText('已送达：回执编号', { timeout: 30_000 });
    await expect(report.getByRole('button', { name: '报送到平台' })).toHaveCount(0);
    await expect(page.getByTestId('report-row')).toHaveCount(1);
    await expect(page.getByTestId('report-row')).toContainText('已送达');

    // The outbox shows it as the letter's report, delivered.
    await page.getByTestId('open-outbox').click();
    const queued = page.getByRole('listitem', { name: `进展报告（${YEAR}年度）：${UNIT.unitName}（${YEAR} 年度）` });
    await expect(queued.getByTestId('outbox-status')).toHaveText('已送达');
    await expect(queued).toContainText(`所报承诺书的提交编号 ${letter.submissionId}`);

    // The credit office publishes the letter from its dashboard.
    const office = await page.context().newPage();
    await office.goto(`${platform.url}/dashboard`);
    await office.locator('#token').fill(platform.operatorToken!);
    await office.locator('#token').press('Enter');
    await office.getByRole('button', { name: `发布 ${UNIT.unitName} 的承诺书` }).click();
    await expect(office.getByRole('button', { name: `撤回 ${UNIT.unitName} 的承诺书` })).toHaveCount(1);

    // 履约进度 on the public page, with the published evidence only.
    const letterPage = publicLetterPath(YEAR, UNIT.creditCode);
    await office.goto(`${platform.url}${letterPage}`);
    const progress = office.locator('section.progress');
    await expect(office.getByRole('heading', { name: '履约进度' })).toBeVisible();
    await expect(progress).toContainText(`已兑现 1 项，推进中或未启动 ${items - 2} 项，未兑现或已调整 1 项。`);
    await expect(progress).toContainText('全年窗口评议满意率 99.2%');
    const published = await fetch(`${platform.url}${letterPage}/progress/${YEAR}/evidence/1`);
    expect(published.status).toBe(200);
    expect(Buffer.from(await published.arrayBuffer()).toString('latin1')).toBe(Buffer.from(PDF).toString('latin1'));
    expect((await fetch(`${platform.url}${letterPage}/progress/${YEAR}/evidence/2`)).status).toBe(404);
    await office.close();

    await clearPlatformSettings(page);
  } finally {
    await platform?.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
