import type { Locator, Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
