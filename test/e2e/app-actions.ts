import { expect, type Locator, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';

/** Creates a letter from a template through the dialog; `template` matches the template's name. */
export async function createLetter(page: Page, template?: RegExp): Promise<void> {
  await page.getByRole('button', { name: '新建承诺书' }).click();
  const dialog = page.getByRole('dialog', { name: '选择模板' });
  if (template) await dialog.getByRole('radio', { name: template }).check();
  await dialog.getByRole('button', { name: '创建' }).click();
  await page.getByRole('form', { name: '承诺书填写' }).waitFor();
}

/** The text pdf.js extracts from a PDF, white space removed: an independent reading of our output. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  await doc.destroy();
  return text.replace(/\s+/g, '');
}

/** How many pages pdf.js finds in a PDF. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

/** The path in a "已保存到 …" status message. */
export async function savedPath(status: Locator): Promise<string> {
  return ((await status.textContent()) ?? '').replace('已保存到', '').trim();
}

export async function openTab(page: Page, name: '填写' | '审核' | '签章件' | '历史版本'): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/** Submits the open letter for review and approves it as the principal the letter names. */
export async function submitAndApprove(page: Page): Promise<void> {
  await openTab(page, '审核');
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByRole('form', { name: '审核意见' }).getByRole('button', { name: '批准' }).click();
  await page.getByTestId('approval').waitFor();
}

/** A unit that is not one of the templates' samples; its credit code passes both check characters. */
export const REAL_UNIT = {
  unitName: '青山县白鹭乡人民政府',
  creditCode: '112399210035901224',
  unitType: '乡镇人民政府',
  principalName: '周文静',
  principalTitle: '乡长',
  phone: '0458-6127788',
  email: 'bailu@qingshan.gov.cn',
} as const;

const PROFILE_LABELS: Record<keyof typeof REAL_UNIT, string> = {
  unitName: '单位全称',
  creditCode: '统一社会信用代码',
  unitType: '单位类型',
  principalName: '主要负责人姓名',
  principalTitle: '主要负责人职务',
  phone: '监督电话',
  email: '监督邮箱',
};

/** Enters the unit profile (单位信息) from the header, so new letters carry a real unit, and returns to the list. */
export async function fillUnitProfile(page: Page, profile: Record<keyof typeof REAL_UNIT, string> = REAL_UNIT): Promise<void> {
  await page.getByRole('button', { name: '单位信息', exact: true }).click();
  const screen = page.getByRole('region', { name: '单位信息' });
  for (const [field, label] of Object.entries(PROFILE_LABELS) as [keyof typeof REAL_UNIT, string][]) await screen.getByLabel(label, { exact: true }).fill(profile[field]);
  await screen.getByLabel(PROFILE_LABELS.email, { exact: true }).blur();
  await expect(screen.getByTestId('profile-state')).toContainText('已自动保存');
  await screen.getByRole('button', { name: /返回列表/ }).click();
}

/** A unit outside the templates' fictitious 青山县: the sample check flags that county's name wherever the text still has it. */
export const UNIT_OUTSIDE_SAMPLE_COUNTY = { ...REAL_UNIT, unitName: '松岭县白鹭乡人民政府' } as const;

/** A letter from a template for a real unit (the profile's): the template's own sample unit would be a problem of its own. */
export async function createRealUnitLetter(page: Page, template?: RegExp): Promise<void> {
  await fillUnitProfile(page, UNIT_OUTSIDE_SAMPLE_COUNTY);
  await createLetter(page, template);
}

/** "报送到平台", answering its confirmation: the first packing of an approval asks before it freezes the signed copies. */
export async function submitToPlatform(page: Page): Promise<void> {
  await page.getByRole('button', { name: '报送到平台' }).click();
  await page.getByRole('dialog', { name: '报送到平台？' }).getByRole('button', { name: '确认报送' }).click();
}

/** A plain grey page standing in for the signed and sealed letter a clerk scans; written into `dir`. */
export async function writeScan(dir: string): Promise<string> {
  const png = new PNG({ width: 40, height: 56 });
  png.data.fill(180);
  const scan = join(dir, '签章页.png');
  await writeFile(scan, PNG.sync.write(png));
  return scan;
}

/**
 * The clerk's whole path to the outbox for one unit: its profile, a letter from the service
 * template, approval, the scan as the signed copy, and "报送到平台". Returns what the app said.
 */
export async function packLetter(page: Page, profile: Record<keyof typeof REAL_UNIT, string>, scan: string): Promise<string> {
  await fillUnitProfile(page, profile);
  await createLetter(page, /政务服务事项承诺/);
  await submitAndApprove(page);
  await openTab(page, '签章件');
  await page.getByLabel('添加签章件…').setInputFiles(scan);
  await expect(page.getByTestId('attachment')).toHaveCount(1);
  await submitToPlatform(page);
  return (await page.getByTestId('submit-result').textContent()) ?? '';
}

/** Gives the outbox the platform's address and the unit's token, on the 发送队列 screen; sending starts at once. */
export async function connectPlatform(page: Page, platform: { readonly url: string; readonly token: string }): Promise<void> {
  const settings = page.getByRole('form', { name: '报送平台设置' });
  await settings.getByLabel('报送平台地址').fill(platform.url);
  await settings.getByLabel('访问令牌').fill(platform.token);
  await settings.getByRole('button', { name: '保存设置' }).click();
  await expect(settings.getByRole('status')).toHaveText('设置已保存。');
}

/** Leaves no platform configured for the specs after this one (the web host's data folder is shared by the run). */
export async function clearPlatformSettings(page: Page): Promise<void> {
  if (!(await page.getByRole('form', { name: '报送平台设置' }).isVisible())) await page.getByTestId('open-outbox').click();
  const settings = page.getByRole('form', { name: '报送平台设置' });
  await settings.getByLabel('报送平台地址').fill('');
  await settings.getByRole('button', { name: '保存设置' }).click();
  await expect(settings.getByText('设置已保存。')).toBeVisible();
}
