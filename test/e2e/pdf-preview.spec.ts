import { readFile } from 'node:fs/promises';
import { createLetter, pdfText, savedPath } from './app-actions';
import { expect, test } from './fixtures';

test('the draft shows its real PDF, which follows the text and can be saved', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Save PDF as opens a native dialog in Electron; the web host saves to the data folder');
  await createLetter(page);

  const preview = page.getByTestId('pdf-preview');
  await expect(preview.getByRole('img', { name: '第 1 页' })).toBeVisible({ timeout: 20_000 });
  await expect(preview.getByRole('img')).toHaveCount(2);
  const firstDrawn = await preview.getAttribute('data-rendered-at');

  const statement = page.getByRole('textbox', { name: '承诺正文' });
  await statement.fill('本镇承诺：受理群众诉求后三个工作日内答复，全年不拖延。');
  await expect(preview).not.toHaveAttribute('data-rendered-at', firstDrawn ?? '');

  await page.getByRole('button', { name: '另存为 PDF' }).click();
  const status = page.getByTestId('save-status');
  await expect(status).toContainText('已保存到');
  const path = await savedPath(status);
  const saved = new Uint8Array(await readFile(path));
  expect(Buffer.from(saved.subarray(0, 5)).toString()).toBe('%PDF-');
  const text = await pdfText(saved);
  expect(text).toContain('本镇承诺：受理群众诉求后三个工作日内答复，全年不拖延。');
  expect(text).toContain('青山县临江镇人民政府');

  // The edit was saved to the draft too.
  await page.reload(); // back on the same letter: the address names it
  await expect(page.getByRole('textbox', { name: '承诺正文' })).toHaveValue('本镇承诺：受理群众诉求后三个工作日内答复，全年不拖延。');
});

test('a character the fonts lack is named with its field instead of a PDF', async ({ appPage: page }) => {
  await createLetter(page);
  await expect(page.getByTestId('pdf-preview').getByRole('img', { name: /^第 ?1 ?页$/ })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('textbox', { name: '承诺正文' }).fill('为𠀀村修路。');
  await expect(page.getByTestId('problem-list')).toContainText('承诺正文中的“𠀀”（U+20000）无法用文档字体显示');
  // No PDF with a blank box: the preview keeps the last letter that could be made, and says so.
  await expect(page.getByTestId('preview-last-good')).toBeVisible();
  // …and flagged next to the field where it was typed, once it is left.
  await page.getByRole('textbox', { name: '承诺正文' }).blur();
  await expect(page.getByRole('textbox', { name: '承诺正文' })).toHaveAccessibleDescription(/“𠀀”（U\+20000）无法用文档字体显示/);
});
