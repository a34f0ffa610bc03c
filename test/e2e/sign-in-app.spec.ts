import { unzipSync } from 'fflate';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber } from 'pdf-lib';
import { pdfsig, rasterise } from '../core/pdf/pdf-tools';
import { makeTestP12 } from '../core/pdf/test-signing';
import { createLetter, fillUnitProfile, openTab, REAL_UNIT, savedPath, submitAndApprove, submitToPlatform } from './app-actions';
import { expect, test } from './fixtures';

/** Its own unit: the web host's outbox is shared by the whole run. */
const unit = { ...REAL_UNIT, unitName: '白山市鹿鸣镇人民政府', creditCode: '122399214013117909', email: 'lmz@baishan.gov.cn' };

function image(rgb: [number, number, number], width = 60, height = 30): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i);
  return PNG.sync.write(png);
}

test('the principal signs the approved PDF with a certificate in the 审核 tab using the unit profile’s signature and seal, and the signed PDF goes in the package as a valid signature', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Exporting the package opens a native dialog in Electron; the web host saves to the data folder');
  const dir = await mkdtemp(join(tmpdir(), 'pledge-sign-in-app-'));
  try {
    const p12 = join(dir, '负责人证书.p12');
    await writeFile(p12, makeTestP12('正确的密码'));
    const signature = join(dir, '签名.png');
    await writeFile(signature, image([20, 20, 120]));
    const seal = join(dir, '公章.png');
    await writeFile(seal, image([200, 0, 0]));
    const other = join(dir, '另一签名.png');
    await writeFile(other, image([0, 160, 0]));
    const tiny = join(dir, '小签名.png');
    await writeFile(tiny, image([20, 20, 120], 10, 6));

    await fillUnitProfile(page, unit);
    await createLetter(page, /政务服务事项承诺/);
    await openTab(page, '审核');
    await page.getByRole('button', { name: '提交审核' }).waitFor();
    // Not offered before approval: there is nothing approved to sign yet.
    await expect(page.getByRole('button', { name: '用证书签名' })).toHaveCount(0);
    await submitAndApprove(page);

    const form = page.getByRole('form', { name: '用数字证书签章' });
    const status = form.getByTestId('signing-status');
    // The profile has no images yet: the form says so and signing asks for one.
    await expect(form.getByRole('group', { name: '负责人签名图片' })).toContainText('单位信息中还没有负责人签名图片');
    await expect(form.getByRole('group', { name: '单位印章图片' })).toContainText('单位信息中没有单位印章图片');
    await form.getByLabel('数字证书文件（.p12 或 .pfx）').setInputFiles(p12);
    await form.getByRole('button', { name: '用证书签名' }).click();
    await expect(status).toHaveText('请选择签名图片。');

    // Chosen once, in 单位信息: a file signing would refuse is refused there and then.
    await page.getByRole('button', { name: '单位信息', exact: true }).click();
    const images = page.getByRole('region', { name: '签名和印章图片' });
    const signatureRow = images.getByRole('group', { name: '负责人签名图片' });
    await signatureRow.getByLabel('添加…').setInputFiles(tiny);
    await expect(images.getByTestId('profile-image-message')).toHaveText('“小签名.png”只有 10×6 像素，签名图片和印章图片每边至少要 16 像素。');
    await expect(signatureRow).toContainText('未添加');
    await signatureRow.getByLabel('添加…').setInputFiles(signature);
    await expect(signatureRow.getByRole('img', { name: '负责人签名图片：签名.png' })).toBeVisible();
    await expect(signatureRow).toContainText('签名.png（60×30 像素）');
    await images.getByRole('group', { name: '单位印章图片' }).getByLabel('添加…').setInputFiles(seal);
    await expect(images.getByRole('group', { name: '单位印章图片' }).getByRole('img', { name: '单位印章图片：公章.png' })).toBeVisible();
    await page.goBack();

    // Back in 审核, the profile's images are used without choosing anything.
    await expect(form.getByRole('group', { name: '负责人签名图片' }).getByRole('img', { name: '负责人签名图片：签名.png' })).toBeVisible();
    await expect(form.getByRole('group', { name: '单位印章图片' }).getByRole('img', { name: '单位印章图片：公章.png' })).toBeVisible();
    // Another file for this signing only, then back to the profile's.
    const signatureChoice = form.getByRole('group', { name: '负责人签名图片' });
    await signatureChoice.getByLabel('本次改用其他负责人签名图片…').setInputFiles(other);
    await expect(signatureChoice).toContainText('本次改用“另一签名.png”，单位信息中的图片不变。');
    await expect(signatureChoice.getByRole('button', { name: '保存到单位信息' })).toBeVisible();
    await signatureChoice.getByRole('button', { name: '改回单位信息中的图片' }).click();
    await expect(signatureChoice).toContainText('使用单位信息中的图片。');

    await form.getByLabel('数字证书文件（.p12 或 .pfx）').setInputFiles(p12);
    const password = form.getByLabel('证书密码');
    await expect(password).toHaveAttribute('type', 'password');
    await password.fill('错误的密码');
    await form.getByRole('button', { name: '用证书签名' }).click();
    await expect(status).toHaveText('证书密码不正确，无法打开 负责人证书.p12。');

    await password.fill('正确的密码');
    await form.getByRole('button', { name: '用证书签名' }).click();
    await expect(status).toContainText('已签名（签名人：王建华（测试））');
    await expect(password).toHaveValue('');

    await openTab(page, '签章件');
    const copies = page.getByTestId('attachment');
    await expect(copies).toHaveCount(1);
    await expect(copies.first()).toContainText('（已签章）.pdf');
    await submitToPlatform(page);
    await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');

    // Once packed, the signed copy is fixed: the 审核 tab offers no more signing.
    await openTab(page, '审核');
    await page.getByTestId('approval').waitFor();
    await expect(page.getByRole('button', { name: '用证书签名' })).toHaveCount(0);

    await page.getByTestId('open-outbox').click();
    const item = page.getByRole('listitem', { name: `${unit.unitName}（2026 年度）` });
    await item.getByRole('button', { name: '导出到文件' }).click();
    const exported = await savedPath(item.getByRole('status').filter({ hasText: '已保存到' }));
    const entries = unzipSync(new Uint8Array(await readFile(exported)));
    const signed = Object.keys(entries).filter((name) => name.startsWith('signed/'));
    expect(signed).toEqual(['signed/1.pdf']);
    const report = await pdfsig(entries[signed[0]!]!);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('王建华（测试）');
    // The signing place shows the profile's signature and seal, and nothing of the file chosen for a moment.
    const colours = await signingPlaceColours(entries[signed[0]!]!);
    expect(colours.blue, 'signature pixels').toBeGreaterThan(100);
    expect(colours.red, 'seal pixels').toBeGreaterThan(100);
    expect(colours.green, 'pixels of the file not used').toBe(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** How many pixels of the signature field's area, as poppler draws the page at 72 dpi, are near each test image's colour. */
async function signingPlaceColours(pdf: Uint8Array): Promise<{ blue: number; red: number; green: number }> {
  const doc = await PDFDocument.load(pdf);
  const pages = doc.getPages();
  const index = pages.findIndex((page) => page.node.Annots()?.asArray().some((ref) => doc.context.lookup(ref, PDFDict).get(PDFName.of('FT'))?.toString() === '/Sig'));
  expect(index, 'a page with the signature field').toBeGreaterThanOrEqual(0);
  const widget = pages[index]!.node.Annots()!.asArray().map((ref) => doc.context.lookup(ref, PDFDict)).find((dict) => dict.get(PDFName.of('FT'))?.toString() === '/Sig')!;
  const [x0, y0, x1, y1] = widget.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber()) as [number, number, number, number];
  const page = (await rasterise(pdf, 72))[index]!;
  const height = pages[index]!.getHeight();
  const counts = { blue: 0, red: 0, green: 0 };
  const near = (i: number, colour: readonly number[]) => colour.every((c, k) => Math.abs(page.data[i + k]! - c) < 30);
  for (let y = Math.ceil(height - y1); y < Math.floor(height - y0); y++) {
    for (let x = Math.ceil(x0); x < Math.floor(x1); x++) {
      const i = (y * page.width + x) * 4;
      if (near(i, [20, 20, 120])) counts.blue++;
      if (near(i, [200, 0, 0])) counts.red++;
      if (near(i, [0, 160, 0])) counts.green++;
    }
  }
  return counts;
}
