import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { idNumberCheckCharacter } from '../../core/staff/id-number';
import { fillUnitProfile } from './app-actions';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';

const run = promisify(execFile);

/** An invented, valid 身份证号 for a birth date and sequence. */
function idNumber(birth: string, sequence: string): string {
  const first17 = `110105${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17)!;
}

const PEOPLE = [
  ['王芳', '科员', '党政办公室', '其他', idNumber('19850312', '123')],
  ['李明', '窗口工作人员', '便民服务中心', '窗口服务', idNumber('19900101', '234')],
  ['赵强', '执法队员', '综合行政执法队', '行政执法', idNumber('19780615', '345')],
] as const;

async function roster(): Promise<Buffer> {
  const text = (value: string) => ({ value, type: String });
  const rows: SheetData = [['姓名', '职务', '科室', '岗位类别', '身份证号'].map(text), ...PEOPLE.map((person) => person.map(text))];
  return Buffer.from(await writeXlsxFile(rows).toBuffer());
}

/** Each page's text as pdf.js reads it, white space removed: an independent reading of the print file. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, ''));
  }
  await doc.destroy();
  return pages;
}

test('a batch printed for signatures comes back from its scan, shuffled, to every letter as its signed copy', async ({ appPage: page }, testInfo) => {
  test.setTimeout(150_000);
  const dir = testInfo.outputDir;
  await mkdir(dir, { recursive: true });
  await fillUnitProfile(page);
  await page.getByRole('button', { name: '批量生成公职人员承诺书' }).click();
  await page.getByLabel('选择人员名单…').setInputFiles({ name: '白鹭乡名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await roster() });
  await page.getByRole('button', { name: '生成承诺书（3 份）' }).click();
  const count = (key: string) => page.getByTestId(`batch-count-${key}`);
  await expect(count('drafted')).toHaveText('3');

  // Nothing approved yet: nothing to print, and the scan waits for a print.
  await page.getByRole('tab', { name: '打印与签字' }).click();
  await expect(page.getByTestId('batch-print-ready')).toHaveText('还没有已批准的承诺书，批准后才能打印签字版。');
  await expect(page.getByTestId('batch-print-left-out').getByRole('listitem')).toHaveText(['王芳', '李明', '赵强']);

  await page.getByRole('tab', { name: '集中审核' }).click();
  await page.getByRole('button', { name: '全部提交审核（3 份）' }).click();
  await expect(page.getByTestId('batch-review-result')).toHaveText('已提交审核 3 份。', { timeout: 60_000 });
  await page.getByRole('button', { name: '全选' }).click();
  await page.getByRole('button', { name: '批准所选（3 份）' }).click();
  await page.getByRole('dialog', { name: '审核人不是承诺书的落款人' }).getByRole('button', { name: '确认批准' }).click();
  await expect(count('approved')).toHaveText('3');

  await page.getByRole('tab', { name: '打印与签字' }).click();
  await expect(page.getByTestId('batch-print-ready')).toHaveText('可打印 3 份已批准的承诺书。');
  await expect(page.getByTestId('batch-print-left-out')).toHaveCount(0);
  await page.getByRole('button', { name: '打印签字版（3 份）' }).click();
  const status = page.getByTestId('batch-print-status');
  await expect(status).toContainText('已保存到', { timeout: 30_000 });
  const path = /已保存到\s*(.+)$/.exec((await status.textContent()) ?? '')![1]!.trim();
  await expect(page.getByTestId('batch-print-last')).toContainText('共 3 份');

  // The print file: the cover names everyone, each letter starts on an odd page, no ID number anywhere.
  const bytes = new Uint8Array(await readFile(path));
  const pages = await pageTexts(bytes);
  for (const [name] of PEOPLE) expect(pages[0]).toContain(name);
  const starts = PEOPLE.map(([name]) => pages.findIndex((text, i) => i > 0 && text.includes(name)) + 1);
  expect(starts.every((n) => n > 1 && n % 2 === 1), `letters start on pages ${starts.join(', ')}`).toBe(true);
  for (const [, , , , id] of PEOPLE) expect(pages.join('')).not.toContain(id);
  await expect(status).toContainText(`签字版共 ${pages.length} 页，含 3 份承诺书。`);

  // The signed stack scanned as images, their names in reverse order of the paper: the split reads each page's code.
  const scanDir = join(dir, 'scan');
  await mkdir(scanDir, { recursive: true });
  await run('pdftoppm', ['-r', '100', '-png', path, join(scanDir, 'page')]);
  const images = (await readdir(scanDir)).sort();
  expect(images).toHaveLength(pages.length);
  for (const [i, name] of images.entries()) await rename(join(scanDir, name), join(scanDir, `scan-${String(images.length - i).padStart(2, '0')}.png`));
  await page.getByLabel('选择扫描件').setInputFiles(images.map((_, i) => join(scanDir, `scan-${String(i + 1).padStart(2, '0')}.png`)));

  const letters = page.getByTestId('scan-letters').getByRole('listitem');
  await expect(letters).toHaveCount(3, { timeout: 60_000 });
  for (const [name] of PEOPLE) await expect(letters.filter({ hasText: name })).toContainText('页数齐全');
  await expect(letters.locator('figure[data-presumed="true"]')).toHaveCount(0);
  await expectNoSeriousViolations(page, '打印与签字：扫描件已分好');
  // Nothing is attached before the clerk's check.
  const attach = page.getByRole('button', { name: '确认并附加' });
  await expect(attach).toBeDisabled();
  await expect(count('signed')).toHaveText('0');
  await page.getByRole('checkbox', { name: /我已逐页核对/ }).check();
  await attach.click();
  await expect(page.getByTestId('scan-attached').getByRole('listitem')).toHaveText(PEOPLE.map(([name]) => `${name}：签字件已附加。`), { timeout: 30_000 });
  await expect(count('signed')).toHaveText('3');

  // Printed again with nothing changed, the file is the same: the paper still matches.
  await page.getByRole('button', { name: '打印签字版（3 份）' }).click();
  await expect(status).toContainText('与上次打印的内容相同', { timeout: 30_000 });

  // A letter reopened after printing: its paper no longer matches, and printing again replaces the print.
  await page.getByRole('tab', { name: '概况' }).click();
  await page.getByRole('button', { name: '打开赵强的承诺书' }).click();
  await page.getByRole('button', { name: '修改（需重新审核）' }).click();
  await page.goBack();
  await page.getByRole('tab', { name: '打印与签字' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '之前打印的纸张已不对应' })).toContainText('赵强');
  await expect(page.getByTestId('batch-print-left-out').getByRole('listitem')).toHaveText(['赵强']);
  await page.getByRole('button', { name: '打印签字版（2 份）' }).click();
  await expect(status).toContainText('已替换上次的打印记录', { timeout: 30_000 });
  await expect(page.getByTestId('batch-print-last')).toContainText('共 2 份');
  await expect(page.getByTestId('batch-print-stale')).toHaveCount(0);
  await expect(count('signed')).toHaveText('2');
});
