import type { Locator, Page } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearPlatformSettings, connectPlatform, createLetter, fillUnitProfile, REAL_UNIT, savedPath, submitAndApprove, submitToPlatform, writeScan } from './app-actions';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { platformProcess, type PlatformProcess } from './platform-process';

/**
 * The 践诺进展 tab of a letter delivered to the real platform: statuses (已调整 refused without its
 * reason), dated notes, evidence with its 公开 box, all still there after a reload; the 三色预警 on
 * the tab, in the reminder banner that leads there and in the list; the letter's calendar as an
 * .ics file. Its own unit: the web host's outbox is shared by the whole run.
 */
const UNIT = { ...REAL_UNIT, unitName: '白山市青松镇人民政府', creditCode: '12239921401311934T', email: 'qsz@baishan.gov.cn' };
/** New letters are of the current year; the clock is then set to Christmas of that year, six days before the 12月31日 deadline. */
const YEAR = new Date().getFullYear();
const CHRISTMAS = new Date(`${YEAR}-12-25T10:00:00+08:00`);
const TODAY = `${YEAR}-12-25`;

const PDF = '%PDF-1.7\n% 管网验收报告\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

const item = (page: Page, n: number): Locator => page.getByTestId('progress-item').and(page.locator(`[data-number="${n}"]`));
const status = (page: Page, n: number) => page.getByLabel(`第 ${n} 项的履行状态`);

/** The delivered letter of the key-task template (its items have dated deadlines), delivered to the platform. */
async function deliverKeyTaskLetter(page: Page, platform: PlatformProcess, scan: string): Promise<void> {
  await fillUnitProfile(page, UNIT);
  await createLetter(page, /重点目标任务/);
  await submitAndApprove(page);
  await page.getByRole('tab', { name: /^签章件/ }).click();
  await page.getByLabel('添加签章件…').setInputFiles(scan);
  await expect(page.getByTestId('attachment')).toHaveCount(1);
  await submitToPlatform(page);
  await expect(page.getByTestId('submit-result')).toContainText('已加入发送队列');
  await page.getByRole('button', { name: '查看发送队列' }).click();
  await connectPlatform(page, platform);
  await expect(page.getByRole('listitem', { name: `${UNIT.unitName}（${YEAR} 年度）` }).getByTestId('outbox-status')).toHaveText('已送达', { timeout: 30_000 });
}

test('the 践诺进展 tab keeps statuses, notes and evidence through a reload; the banner and the list warn of deadlines; the calendar exports as valid iCalendar', async ({ appPage: page }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Saving the calendar opens a native dialog in Electron; the web host saves to the data folder');
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'pledge-progress-e2e-'));
  let platform: PlatformProcess | undefined;
  try {
    platform = await platformProcess({ code: UNIT.creditCode, name: UNIT.unitName });
    await platform.start();
    const scan = await writeScan(dir);
    await deliverKeyTaskLetter(page, platform, scan);

    // Opened again on 25 December: items 1–3 (31 Oct, 30 Sep, 31 Aug) are past, item 4 (31 Dec) is due in six days.
    // The page's clock from then on, flowing: timers run as they would, and can be jumped ahead.
    await page.clock.install({ time: CHRISTMAS });
    await page.goto('/');
    const banner = page.getByRole('region', { name: '承诺事项提醒' });
    const letterLine = banner.getByTestId('reminder-letter');
    await expect(letterLine).toHaveCount(1);
    await expect(letterLine).toContainText('1 项承诺 10 天内到期；3 项已逾期');
    const card = page.getByTestId('draft-card');
    await expect(card.getByTestId('list-warning')).toHaveText(['3 项逾期', '1 项即将到期']);
    await expectNoSeriousViolations(page, 'the list with the reminder banner');

    // The banner leads to the letter's 践诺进展 tab.
    await letterLine.getByRole('button', { name: /的践诺进展$/ }).click();
    await expect(page.getByRole('tab', { name: '践诺进展' })).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/#\/letter\/[^/]+\/progress$/);
    await expect(page.getByTestId('progress-item')).toHaveCount(5);
    await expect(item(page, 4).getByTestId('item-warning')).toHaveText('还有 6 天到期');
    await expect(item(page, 1).getByTestId('item-warning')).toHaveAttribute('data-warning', 'red');
    await expect(item(page, 5).getByTestId('item-warning')).toHaveCount(0);

    // Statuses: 推进中 and 已兑现 at once; 已调整 refused until its reason is written.
    await status(page, 1).selectOption('推进中');
    await status(page, 3).selectOption('已兑现');
    await status(page, 2).selectOption('已调整');
    const refused = item(page, 2).getByTestId('progress-refused');
    await expect(refused).toHaveText('第 2 项承诺事项为“已调整”，请写明调整原因。 未保存：本机记录的仍是“未启动”。');
    await item(page, 2).getByLabel('第 2 项的调整原因（必填）').fill('县政府调整建设计划，改为明年实施');
    await expect(refused).toHaveCount(0);
    await expect(item(page, 3).getByTestId('item-warning')).toHaveCount(0);

    // Notes, dated today; one removed.
    const newNote = item(page, 1).getByLabel('第 1 项的新进展记录');
    await newNote.fill('已完成招标。');
    await item(page, 1).getByRole('button', { name: '添加记录' }).click();
    await expect(newNote).toHaveValue('');
    await newNote.fill('管网改造开工。');
    await newNote.press('Enter');
    const notes = item(page, 1).getByTestId('progress-note');
    await expect(notes).toHaveCount(2);
    await expect(notes.first()).toContainText(`${TODAY} 已完成招标。`);
    await item(page, 1).getByRole('button', { name: `删除第 1 项 ${TODAY} 的进展记录` }).first().click();
    await expect(notes).toHaveText([`${TODAY} 管网改造开工。 删除`]);
    // An empty note is refused, naming the item.
    await item(page, 4).getByRole('button', { name: '添加记录' }).click();
    await expect(item(page, 4).getByTestId('progress-refused')).toHaveText('第 4 项承诺事项的进展记录是空的，未保存。');

    // Evidence: a PDF kept and marked 公开, a text file refused as a signed copy would be, a photo for the whole letter.
    const pdf = join(dir, '管网验收报告.pdf');
    await writeFile(pdf, PDF);
    const textFile = join(dir, '说明.txt');
    await writeFile(textFile, '这不是图片或 PDF');
    await item(page, 1).getByLabel('为第 1 项添加佐证材料…').setInputFiles(pdf);
    await expect(item(page, 1).getByTestId('evidence-file')).toHaveCount(1);
    await expect(item(page, 1).getByTestId('evidence-file')).toContainText(`管网验收报告.pdf${Buffer.byteLength(PDF)} 字节，${TODAY} 添加`);
    await item(page, 1).getByLabel('为第 1 项添加佐证材料…').setInputFiles(textFile);
    await expect(item(page, 1).getByTestId('evidence-messages')).toContainText('第 1 项承诺事项的佐证材料未添加');
    await expect(item(page, 1).getByTestId('evidence-file')).toHaveCount(1);
    await item(page, 1).getByRole('checkbox', { name: '在公示栏公开 管网验收报告.pdf' }).check();
    await page.getByLabel('添加整封承诺书的佐证材料…').setInputFiles(scan);
    const letterEvidence = page.getByRole('region', { name: '整封承诺书的佐证材料' });
    await expect(letterEvidence.getByTestId('evidence-file')).toContainText('签章页.png');
    await expectNoSeriousViolations(page, 'the 践诺进展 tab');

    // A note typed and not added is kept too: on disk within a second of the last keystroke.
    await item(page, 5).getByLabel('第 5 项的新进展记录').fill('新增岗位已报人社局');
    await page.waitForTimeout(1_000);

    // Everything was on disk: a reload shows it as it was.
    await page.reload();
    await expect(item(page, 5).getByLabel('第 5 项的新进展记录')).toHaveValue('新增岗位已报人社局');
    await expect(page.getByTestId('progress-item')).toHaveCount(5);
    await expect(status(page, 1)).toHaveValue('推进中');
    await expect(status(page, 2)).toHaveValue('已调整');
    await expect(item(page, 2).getByLabel('第 2 项的调整原因（必填）')).toHaveValue('县政府调整建设计划，改为明年实施');
    await expect(status(page, 3)).toHaveValue('已兑现');
    await expect(status(page, 4)).toHaveValue('未启动');
    await expect(item(page, 1).getByTestId('progress-note')).toHaveText([`${TODAY} 管网改造开工。 删除`]);
    await expect(item(page, 1).getByRole('checkbox', { name: '在公示栏公开 管网验收报告.pdf' })).toBeChecked();
    await expect(letterEvidence.getByRole('checkbox', { name: '在公示栏公开 签章页.png' })).not.toBeChecked();

    // Unticked and removed, the PDF is gone after another reload.
    page.once('dialog', (dialog) => void dialog.accept());
    await item(page, 1).getByRole('button', { name: '删除佐证材料 管网验收报告.pdf' }).click();
    await expect(item(page, 1).getByTestId('evidence-file')).toHaveCount(0);
    await page.reload();
    await expect(item(page, 1).getByText('还没有佐证材料。')).toBeVisible();
    await expect(letterEvidence.getByTestId('evidence-file')).toHaveCount(1);

    // The calendar, with the statuses as recorded: an alarm for the open items' deadlines, none for the settled.
    await page.getByRole('button', { name: '导出日历' }).click();
    const saved = page.getByTestId('calendar-saved');
    await expect(saved).toContainText('已保存到');
    const path = await savedPath(saved);
    expect(path).toMatch(/承诺日历-.+\.ics$/);
    const calendar = readCalendar(await readFile(path));
    expect(calendar.properties.get('VERSION')).toBe('2.0');
    expect(calendar.properties.get('PRODID')).toBeTruthy();
    const events = calendar.components.filter((c) => c.name === 'VEVENT');
    const [listed] = await platform.list();
    if (!listed) throw new Error('the platform lists no submission');
    const deadlines = events.filter((e) => /^第 \d 项承诺事项到期/.test(e.properties.get('SUMMARY') ?? ''));
    expect(deadlines.map((e) => [e.properties.get('SUMMARY')?.slice(0, 14), e.properties.get('DTSTART;VALUE=DATE'), e.components.map((c) => c.name)])).toEqual([
      ['第 3 项承诺事项到期：建成', `${YEAR}0831`, []],
      ['第 2 项承诺事项到期：新建', `${YEAR}0930`, []],
      ['第 1 项承诺事项到期：年内', `${YEAR}1031`, ['VALARM']],
      ['第 4 项承诺事项到期：新增', `${YEAR}1231`, ['VALARM']],
    ]);
    expect(events.some((e) => e.properties.get('SUMMARY') === '承诺书在本单位网站公示截止，公示覆盖率应达 100%')).toBe(true);
    // UIDs from the submission id: the file imported again updates these entries.
    const uids = events.map((e) => e.properties.get('UID') ?? '');
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids.every((uid) => uid.includes(listed.submissionId))).toBe(true);

    // Back on the list, the marks follow the statuses: item 1 still overdue, 2 and 3 settled, 4 due soon.
    await page.getByRole('button', { name: '← 返回列表' }).click();
    await expect(letterLine).toContainText('1 项承诺 10 天内到期；1 项已逾期');
    await expect(card.getByTestId('list-warning')).toHaveText(['1 项逾期', '1 项即将到期']);
    await banner.getByRole('button', { name: '知道了' }).click();
    await expect(banner).toHaveCount(0);
    await expect(card.getByTestId('list-warning')).toHaveCount(2);

    // Six days on, at 09:00 on the deadline day, the armed timer fires: the browser host shows no
    // desktop notification, so the banner comes back to say it.
    const now = await page.evaluate(() => Date.now());
    await page.clock.fastForward(Date.parse(`${YEAR}-12-31T09:00:30+08:00`) - now);
    await expect(banner.getByTestId('reminder-fired')).toContainText(/：今天到期：第 4 项承诺事项到期：新增城镇就业岗位/);
    await expect(letterLine).toContainText('1 项承诺 10 天内到期；1 项已逾期');

    await clearPlatformSettings(page);
  } finally {
    await platform?.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

type Component = { name: string; properties: Map<string, string>; components: Component[] };

/**
 * Reads an iCalendar file by RFC 5545's rules, apart from the app's writer: CRLF line ends, lines of
 * at most 75 octets that split no character, unfolding, BEGIN/END nesting, one VCALENDAR, and in
 * each VEVENT the properties the RFC requires (UID, DTSTAMP in UTC, DTSTART). Property values
 * are kept as written, keyed by name with their parameters.
 */
function readCalendar(bytes: Buffer): Component {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(Buffer.byteLength(line, 'utf8'), `a line longer than 75 octets: ${line}`).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/[\r\n]/);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const root: Component = { name: 'ROOT', properties: new Map(), components: [] };
  const stack = [root];
  for (const line of logical) {
    const match = /^([A-Z][A-Z0-9-]*(?:;[A-Z-]+=[^:;]*)*):(.*)$/.exec(line);
    expect(match, `not a content line: ${line}`).not.toBeNull();
    const [, name, value] = match as unknown as [string, string, string];
    const top = stack.at(-1)!;
    if (name === 'BEGIN') {
      const component: Component = { name: value, properties: new Map(), components: [] };
      top.components.push(component);
      stack.push(component);
    } else if (name === 'END') {
      expect(top.name).toBe(value);
      stack.pop();
    } else {
      top.properties.set(name, value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)));
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.components.map((c) => c.name)).toEqual(['VCALENDAR']);
  const calendar = root.components[0]!;
  for (const event of calendar.components.filter((c) => c.name === 'VEVENT')) {
    expect(event.properties.get('UID')).toBeTruthy();
    expect(event.properties.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(event.properties.get('DTSTART;VALUE=DATE')).toMatch(/^\d{8}$/);
    for (const alarm of event.components) {
      expect(alarm.name).toBe('VALARM');
      expect(alarm.properties.get('ACTION')).toBe('DISPLAY');
      expect(alarm.properties.get('TRIGGER')).toMatch(/^-P/);
      expect(alarm.properties.get('DESCRIPTION')).toBeTruthy();
    }
  }
  return calendar;
}
