import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { createLetter, fillUnitProfile, openTab, REAL_UNIT, savedPath, submitAndApprove, submitToPlatform } from './app-actions';
import { expect, test } from './fixtures';

/**
 * The signed copy as a clerk handles it: what cannot be one (the approved PDF itself) is refused,
 * what does not look like one is pointed out, and scans are put in order and upright before they
 * go. Each test has its own unit: the web host's outbox is shared by the whole run.
 */
const units = {
  refused: { ...REAL_UNIT, unitName: '白山市鹤鸣镇人民政府', creditCode: '12239921401311758X', email: 'hmz@baishan.gov.cn' },
  ordered: { ...REAL_UNIT, unitName: '白山市松岭乡人民政府', creditCode: '12239921401311766Q', email: 'slx@baishan.gov.cn' },
};

/** A portrait "scan" whose grey level names it, with a black top-left corner to tell which way up it is. */
function scan(grey: number): Buffer {
  const png = new PNG({ width: 40, height: 60 });
  png.data.fill(grey);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255;
  png.data.fill(0, 0, 3);
  return PNG.sync.write(png);
}

const grey = (png: PNG, x: number, y: number) => png.data[(y * png.width + x) * 4]!;


/** After a reload the app may come back to the open letter or to the list; either way, open the letter. */
async function reopenLetter(page: Page): Promise<void> {
  await page.reload();
  const card = page.getByTestId('draft-card').first();
  await expect(card.or(page.getByRole('tab', { name: /^签章件/ })).first()).toBeVisible();
  if (await card.isVisible()) await card.click();
}

test('the approved PDF itself is refused as the signed copy, and a PDF with no signature and no scan in it is pointed out', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Save PDF as opens a native dialog in Electron; the web host saves to the data folder');
  const dir = await mkdtemp(join(tmpdir(), 'pledge-signed-'));
  try {
    await fillUnitProfile(page, units.refused);
    await createLetter(page, /政务服务事项承诺/);
    await submitAndApprove(page);
    await page.getByRole('button', { name: '另存为 PDF' }).click();
    const approvedPdf = await savedPath(page.getByTestId('review-status'));

    await openTab(page, '签章件');
    await page.getByLabel('添加签章件…').setInputFiles(approvedPdf);
    const messages = page.getByTestId('attachment-messages');
    await expect(messages).toContainText('就是批准的 PDF 本身，上面没有签字和公章，未添加。请打印批准的 PDF，由负责人签字、加盖公章后扫描，再上传扫描件。');
    await expect(page.getByTestId('attachment')).toHaveCount(0);
    await expect(page.getByTestId('outstanding')).not.toContainText('材料齐全');
    await expect(page.getByTestId('outstanding')).toContainText('上传签字盖章件');

    // The same letter saved again by a PDF tool: other bytes, but still no signature and no scan.
    const resaved = join(dir, '承诺书（另存）.pdf');
    await writeFile(resaved, await (await PDFDocument.load(await readFile(approvedPdf))).save());
    // A scanner's PDF: the page is an image.
    const scanned = join(dir, '扫描件.pdf');
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawImage(await doc.embedPng(scan(120)), { x: 0, y: 0, width: 595, height: 842 });
    await writeFile(scanned, await doc.save());

    await page.getByLabel('添加签章件…').setInputFiles([resaved, scanned]);
    await expect(messages).toContainText('已添加：承诺书（另存）.pdf');
    await expect(messages).toContainText('“承诺书（另存）.pdf”里没有数字签名，也没有扫描图像，看起来不是签字盖章后的扫描件或签署的 PDF。');
    await expect(messages).toContainText('已添加：扫描件.pdf');
    await expect(messages).not.toContainText('“扫描件.pdf”里没有');
    // The warning stays beside the copy it is about, after a reload too.
    await reopenLetter(page);
    await openTab(page, '签章件');
    const warned = page.getByTestId('attachment').filter({ has: page.getByTestId('attachment-warning') });
    await expect(warned).toHaveCount(1);
    await expect(warned).toContainText('承诺书（另存）.pdf');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('scans are put in order and turned upright, enlarged and closed with Esc, and the package carries them so', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Exporting the package saves to the data folder in the web host; Electron asks with a native dialog');
  const dir = await mkdtemp(join(tmpdir(), 'pledge-order-'));
  try {
    await writeFile(join(dir, '第1页.png'), scan(50));
    await writeFile(join(dir, '第2页.png'), scan(150));
    await fillUnitProfile(page, units.ordered);
    await createLetter(page, /政务服务事项承诺/);
    await submitAndApprove(page);
    await openTab(page, '签章件');
    await page.getByLabel('添加签章件…').setInputFiles([join(dir, '第1页.png'), join(dir, '第2页.png')]);
    const rows = page.getByTestId('attachment');
    await expect(rows).toHaveCount(2);

    // The clerk scanned the pages in the wrong order, and the first one sideways.
    await page.getByRole('button', { name: '下移 第1页.png' }).click();
    await expect(rows.first()).toContainText('第 1 份 第2页.png');
    await expect(rows.nth(1)).toContainText('第 2 份 第1页.png');
    await page.getByRole('button', { name: '向右旋转 第1页.png' }).click();
    await expect(rows.nth(1)).toContainText('已向右旋转 90°');
    // The thumbnail shows it turned: wider than high on screen.
    const thumbnail = rows.nth(1).getByRole('img', { name: '第1页.png 的缩略图' });
    await expect.poll(async () => ((await thumbnail.boundingBox())?.width ?? 0) > ((await thumbnail.boundingBox())?.height ?? 0)).toBe(true);

    // Enlarged to check the seal, then closed with Esc.
    await page.getByRole('button', { name: '放大查看 第1页.png' }).click();
    const viewer = page.getByRole('dialog', { name: '第1页.png（放大查看）' });
    await expect(viewer).toBeVisible();
    const large = await viewer.getByRole('img', { name: '第1页.png' }).boundingBox();
    expect(large!.width).toBeGreaterThan(300);
    expect(large!.width).toBeGreaterThan(large!.height);
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // The order and the turn are kept, as a reload shows.
    await reopenLetter(page);
    await openTab(page, '签章件');
    await expect(rows.first()).toContainText('第2页.png');
    await expect(rows.nth(1)).toContainText('已向右旋转 90°');

    await submitToPlatform(page);
    await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');
    // Once packed, the order is frozen with the copies.
    await expect(page.getByRole('button', { name: '下移 第2页.png' })).toHaveCount(0);

    await page.getByTestId('open-outbox').click();
    const item = page.getByRole('listitem', { name: `${units.ordered.unitName}（2026 年度）` });
    await item.getByRole('button', { name: '导出到文件' }).click();
    const exported = await savedPath(item.getByRole('status').filter({ hasText: '已保存到' }));
    const entries = unzipSync(new Uint8Array(await readFile(exported)));
    const signed = Object.keys(entries).filter((name) => name.startsWith('signed/'));
    expect(signed).toEqual(['signed/1.png', 'signed/2.png']);
    const [first, second] = signed.map((name) => PNG.sync.read(Buffer.from(entries[name]!)));
    expect([first!.width, first!.height, grey(first!, 5, 5), grey(first!, 0, 0)]).toEqual([40, 60, 150, 0]);
    // The sideways page arrives turned a quarter clockwise: its top-left corner is now top-right.
    expect([second!.width, second!.height, grey(second!, 5, 5)]).toEqual([60, 40, 50]);
    expect([grey(second!, 59, 0), grey(second!, 0, 0)]).toEqual([0, 50]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
