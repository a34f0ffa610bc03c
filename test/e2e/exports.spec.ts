import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Locator } from '@playwright/test';
import { createLetter, fillUnitProfile, openTab, pdfText, REAL_UNIT, savedPath, submitAndApprove } from './app-actions';
import { expect, test } from './fixtures';

/** The line every page of a draft export carries beside its diagonal 草稿. */
const DRAFT_NOTICE = '草稿：未经审核批准，不能作为正式承诺书使用';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Clicks "另存为 PDF" and returns the file the status names once it names a new one. */
async function saveAs(button: Locator, status: Locator, before: string | null = null): Promise<string> {
  await button.click();
  await expect(status).toContainText('已保存到');
  if (before !== null) await expect.poll(() => savedPath(status)).not.toBe(before);
  return savedPath(status);
}

const NATIVE_DIALOG = 'Save PDF as opens a native dialog in Electron; the web host saves to the data folder';

test('a draft export is marked 草稿, and exporting again makes a second file beside the first', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', NATIVE_DIALOG);
  // A real unit, so the letter holds no sample content and can go to review.
  await fillUnitProfile(page);
  await createLetter(page, /政务服务事项承诺/);
  const preview = page.getByTestId('pdf-preview');
  await expect(preview.getByRole('img', { name: /^第 ?1 ?页$/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('draft-mark-note')).toContainText('带有“草稿”字样');

  const button = page.getByRole('button', { name: '另存为 PDF' });
  const status = page.getByTestId('save-status');
  const first = await saveAs(button, status);
  expect(basename(first)).toMatch(/（草稿）(?: \(\d+\))?\.pdf$/);
  const firstBytes = await readFile(first);
  const firstText = await pdfText(new Uint8Array(firstBytes));
  expect(firstText).toContain(DRAFT_NOTICE);
  expect(firstText).toContain(REAL_UNIT.unitName);

  // The letter changes, the same title is exported again: a new file, the first one as it was.
  const drawn = await preview.getAttribute('data-rendered-at');
  await page.getByRole('textbox', { name: '承诺正文' }).fill('本中心承诺：窗口办件当日答复，材料不全一次告知。');
  await expect(preview).not.toHaveAttribute('data-rendered-at', drawn ?? '');
  const second = await saveAs(button, status, first);
  expect(second).not.toBe(first);
  expect(basename(second)).toMatch(/（草稿） \(\d+\)\.pdf$/);
  const secondText = await pdfText(new Uint8Array(await readFile(second)));
  expect(secondText).toContain('本中心承诺：窗口办件当日答复，材料不全一次告知。');
  expect(secondText).toContain(DRAFT_NOTICE);
  expect(sha256(await readFile(first))).toBe(sha256(firstBytes));
});

test('the approved PDF carries no 草稿 mark, keeps the bytes review bound, and replaces no earlier export', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', NATIVE_DIALOG);
  // A real unit, so the letter holds no sample content and can go to review.
  await fillUnitProfile(page);
  await createLetter(page, /政务服务事项承诺/);
  await expect(page.getByTestId('pdf-preview').getByRole('img', { name: /^第 ?1 ?页$/ })).toBeVisible({ timeout: 20_000 });
  const draftExport = await saveAs(page.getByRole('button', { name: '另存为 PDF' }), page.getByTestId('save-status'));
  const draftBytes = await readFile(draftExport);

  await submitAndApprove(page);
  await openTab(page, '审核');
  const bound = (await page.getByTestId('review-sha256').textContent()) ?? '';
  const status = page.getByTestId('review-status');
  const approved = await saveAs(page.getByRole('button', { name: '另存为 PDF' }), status);
  expect(basename(approved)).not.toContain('草稿');
  const approvedBytes = await readFile(approved);
  expect(sha256(approvedBytes)).toBe(bound);
  const text = await pdfText(new Uint8Array(approvedBytes));
  expect(text).toContain(REAL_UNIT.unitName);
  expect(text).not.toContain('草稿');

  // Saved again under the same title: a second copy, the first approved file untouched.
  const again = await saveAs(page.getByRole('button', { name: '另存为 PDF' }), status, approved);
  expect(basename(again)).toMatch(/ \(\d+\)\.pdf$/);
  expect(sha256(await readFile(again))).toBe(bound);
  expect(sha256(await readFile(approved))).toBe(bound);
  expect(sha256(await readFile(draftExport))).toBe(sha256(draftBytes));
});
