import type { Page } from '@playwright/test';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdffonts } from '../core/pdf/pdf-tools';
import { createLetter, savedPath } from './app-actions';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { coveredControls } from './hit-test';
import { MAX_FONT_BYTES } from '../../core/bridge/desktop-api';
import { makeTestCollection, makeTestFont } from '../support/fonts/make-test-font';

/** Each role as the screen names it, with the bundled face that stands in when nothing is installed. */
const ROLES = [
  { name: '标题', official: '方正小标宋简体', bundled: 'Noto Serif SC' },
  { name: '正文', official: '仿宋_GB2312', bundled: 'Noto Serif SC' },
  { name: '一级标题', official: '黑体', bundled: 'Noto Sans SC' },
  { name: '二级标题', official: '楷体_GB2312', bundled: 'LXGW WenKai' },
] as const;

/** A family no machine has installed, so seeing it proves the picked file is what the screen shows. */
const PICKED_FAMILY = '测试仿宋';

const roleCard = (page: Page, name: string) => page.getByRole('region', { name: '公文字体' }).getByRole('region', { name, exact: true });

test('the font settings show each role’s face, take a picked font file that survives a reload, refuse a non-font by name, and restore the default', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Save PDF as opens a native dialog in Electron; the web host saves to the data folder');
  test.setTimeout(90_000);
  const dir = await mkdtemp(join(tmpdir(), 'pledge-fonts-e2e-'));
  try {
    const font = join(dir, 'ceshi-fangsong.ttf');
    await writeFile(font, await makeTestFont({ family: 'CeShi FangSong', chineseFamily: PICKED_FAMILY, postscriptName: 'CeShiFangSong' }));
    // A collection whose second face is the official 楷体: the host takes that one for 二级标题.
    const collection = join(dir, 'kaiti.ttc');
    const hei = await makeTestFont({ family: 'CeShi Hei', chineseFamily: '测试黑体', postscriptName: 'CeShiHei' });
    const kai = await makeTestFont({ family: 'KaiTi_GB2312', chineseFamily: '楷体_GB2312', postscriptName: 'KaiTi_GB2312' });
    await writeFile(collection, makeTestCollection([hei, kai]));
    const notFont = join(dir, '说明.txt');
    await writeFile(notFont, '这不是字体文件。\n');
    // Sparse: one byte over the limit without writing 45 MB.
    const huge = join(dir, '很大的字体.ttf');
    await writeFile(huge, '');
    await truncate(huge, MAX_FONT_BYTES + 1);

    await page.getByRole('button', { name: '字体', exact: true }).click();
    await expect(page).toHaveURL(/#\/fonts$/);
    await expect(page.getByRole('heading', { level: 2, name: '公文字体' })).toBeVisible();
    // Nothing installed: each role says so, names the official face it looked for and the bundled face it uses.
    for (const role of ROLES) {
      const card = roleCard(page, role.name);
      await expect(card.getByTestId('font-face')).toContainText(`未找到已安装的“${role.official}”，使用内置开源字体“${role.bundled}”`);
      await expect(card).toContainText(role.official);
      await expect(card.getByLabel('选择字体文件…')).toBeAttached();
      await expect(card.getByRole('button', { name: '恢复默认' })).toHaveCount(0);
    }
    await expect(page.getByRole('region', { name: '公文字体' })).toContainText('本机没有可查找的系统字体文件夹');
    await expectNoSeriousViolations(page, '字体（默认）');

    // Picked from the keyboard: Tab to 正文's button, Enter opens the file chooser.
    const body = roleCard(page, '正文');
    const nextCard = roleCard(page, '一级标题');
    await body.getByLabel('选择字体文件…').focus();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(font);
    await expect(body.getByRole('status')).toHaveText(`正文已改用“${PICKED_FAMILY}”（ceshi-fangsong.ttf）。`);
    await expect(body.getByTestId('font-face')).toContainText(`选择的字体文件“${PICKED_FAMILY}”`);
    await expect(body.getByTestId('font-fallback')).toContainText('Noto Serif SC');
    await expect(body.getByRole('button', { name: '恢复默认' })).toBeVisible();
    // The other roles keep their bundled face.
    await expect(roleCard(page, '标题').getByTestId('font-face')).toContainText('使用内置开源字体“Noto Serif SC”');
    // From a collection the official face is taken, not the first.
    const sub = roleCard(page, '二级标题');
    await sub.getByLabel('选择字体文件…').setInputFiles(collection);
    await expect(sub.getByRole('status')).toHaveText('二级标题已改用“楷体_GB2312”（kaiti.ttc）。');
    await expect(sub.getByTestId('font-fallback')).toContainText('LXGW WenKai');

    // Kept by the host: a reload opens the same screen with the same face.
    await page.reload();
    await expect(body.getByTestId('font-face')).toContainText(`选择的字体文件“${PICKED_FAMILY}”`);
    const kept = await body.locator('.font-role__file').textContent();
    expect(kept?.trim().length).toBeGreaterThan(0);

    // A letter's PDF now sets its body in the picked face, and what that face lacks in the bundled one (poppler reads the names).
    await page.getByRole('button', { name: /返回列表/ }).click();
    await createLetter(page, /政务服务事项承诺/);
    await expect(page.getByTestId('pdf-preview').getByRole('img', { name: '第 1 页' })).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: '另存为 PDF' }).click();
    await expect(page.getByTestId('save-status')).toContainText('已保存到');
    const embedded = await pdffonts(new Uint8Array(await readFile(await savedPath(page.getByTestId('save-status')))));
    expect(embedded).toMatch(/\+CeShiFangSong\s/);
    expect(embedded).toMatch(/\+NotoSerifSC-Regular\s/);
    await page.getByRole('button', { name: '字体', exact: true }).click();

    // A refusal names the file, in an alert, and the picked face stays; the message line does not move what is below.
    const before = await nextCard.boundingBox();
    await body.getByLabel('选择字体文件…').setInputFiles(notFont);
    await expect(body.getByRole('alert')).toContainText('说明.txt');
    await expect(body.getByRole('alert')).toContainText('不是可用的字体文件');
    await expect(body.getByTestId('font-face')).toContainText(`选择的字体文件“${PICKED_FAMILY}”`);
    expect((await nextCard.boundingBox())?.y).toBe(before?.y);
    await expectNoSeriousViolations(page, '字体（拒绝了一个文件）');
    await body.getByLabel('选择字体文件…').setInputFiles(huge);
    await expect(body.getByRole('alert')).toContainText('“很大的字体.ttf”有');
    await expect(body.getByRole('alert')).toContainText('上限');

    // Keyboard: Tab from the back button reaches every role's pick button, and 恢复默认 where a file was picked.
    await page.getByRole('button', { name: /返回列表/ }).focus();
    const reached = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | HTMLButtonElement | null;
          const card = el?.closest('.font-role')?.querySelector('h3')?.textContent ?? '';
          const label = el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : (el?.textContent ?? '');
          return `${card}:${label.trim()}`;
        }),
      );
    }
    for (const role of ROLES) expect(reached, [...reached].join(' | ')).toContain(`${role.name}:选择字体文件…`);
    expect(reached).toContain('正文:恢复默认');
    expect(reached).toContain('二级标题:恢复默认');

    // At the small office screen every control takes its own clicks.
    await page.setViewportSize({ width: 1024, height: 768 });
    const { checked, covered } = await coveredControls(page.locator('main'));
    expect(checked).toBeGreaterThan(1);
    expect(covered).toEqual([]);

    // 恢复默认: back to the bundled face, the button goes.
    await body.getByRole('button', { name: '恢复默认' }).click();
    await expect(body.getByRole('status')).toHaveText('正文已恢复默认字体。');
    await expect(body.getByTestId('font-face')).toContainText('未找到已安装的“仿宋_GB2312”，使用内置开源字体“Noto Serif SC”');
    await expect(body.getByRole('button', { name: '恢复默认' })).toHaveCount(0);
    await expect(body.getByLabel('选择字体文件…')).toBeFocused();
    await page.reload();
    await expect(body.getByTestId('font-face')).toContainText('使用内置开源字体“Noto Serif SC”');
    // The 楷体 picked above goes too: the web host's data folder serves every spec of the run after this one.
    await sub.getByRole('button', { name: '恢复默认' }).click();
    await expect(sub.getByRole('button', { name: '恢复默认' })).toHaveCount(0);
    await expect(sub.getByTestId('font-face')).toContainText('使用内置开源字体');
  } finally {
    // Whatever failed above, no pick outlives this test (later specs would draw in the test's fonts).
    for (const button of await page.getByRole('button', { name: '恢复默认' }).all()) await button.click().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});
