import { unzipSync } from 'fflate';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { pdfsig } from '../core/pdf/pdf-tools';
import { makeTestP12 } from '../core/pdf/test-signing';
import { createLetter, fillUnitProfile, openTab, REAL_UNIT, savedPath, submitAndApprove, submitToPlatform } from './app-actions';
import { expect, test } from './fixtures';

/** Its own unit: the web host's outbox is shared by the whole run. */
const unit = { ...REAL_UNIT, unitName: '白山市鹿鸣镇人民政府', creditCode: '122399214013117909', email: 'lmz@baishan.gov.cn' };

function image(rgb: [number, number, number]): Buffer {
  const png = new PNG({ width: 60, height: 30 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i);
  return PNG.sync.write(png);
}

test('the principal signs the approved PDF with a certificate in the 审核 tab, and the signed PDF goes in the package as a valid signature', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Exporting the package opens a native dialog in Electron; the web host saves to the data folder');
  const dir = await mkdtemp(join(tmpdir(), 'pledge-sign-in-app-'));
  try {
    const p12 = join(dir, '负责人证书.p12');
    await writeFile(p12, makeTestP12('正确的密码'));
    const signature = join(dir, '签名.png');
    await writeFile(signature, image([20, 20, 120]));
    const seal = join(dir, '公章.png');
    await writeFile(seal, image([200, 0, 0]));

    await fillUnitProfile(page, unit);
    await createLetter(page, /政务服务事项承诺/);
    await openTab(page, '审核');
    await page.getByRole('button', { name: '提交审核' }).waitFor();
    // Not offered before approval: there is nothing approved to sign yet.
    await expect(page.getByRole('button', { name: '用证书签名' })).toHaveCount(0);
    await submitAndApprove(page);

    const form = page.getByRole('form', { name: '用数字证书签章' });
    const status = form.getByTestId('signing-status');
    await form.getByLabel('数字证书文件（.p12 或 .pfx）').setInputFiles(p12);
    await form.getByRole('button', { name: '用证书签名' }).click();
    await expect(status).toHaveText('请选择签名图片。');
    await form.getByLabel('签名图片（PNG 或 JPEG）').setInputFiles(signature);
    await form.getByLabel('印章图片（可选，PNG 或 JPEG）').setInputFiles(seal);
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
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
