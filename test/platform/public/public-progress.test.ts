import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicLetterPath } from '../../../core/protocol/public-letter-path';
import { openStore } from '../../../platform/store/open-store';
import type { PlatformStore } from '../../../platform/store/platform-store';
import { ID, OTHER_ID, PNG, SIGNED_PDF } from '../../support/package-fixtures';
import { auth } from '../../support/platform-requests';
import { POLICY_LETTER, reportWith, SERVICE_LETTER } from '../progress/progress-fixtures';
import { accepted, startProgressPlatform, type ProgressPlatform } from '../progress/progress-platform';
import { inventedIdNumber } from './column-fixtures';
import { parsePage, referencesOf, type PageElement } from './parsed-page';

/**
 * 履约进度 on the public column over loopback against the real platform: the service centre sent a
 * second-quarter report and then a third-quarter one, publishing some evidence and keeping some for
 * the credit office; the reform bureau sent none. Both letters are published.
 */
const ID_NUMBER = inventedIdNumber('23012219850312471');
const SERVICE_PAGE = publicLetterPath(2026, SERVICE_LETTER.unit.creditCode);
const BUREAU_PAGE = publicLetterPath(2026, POLICY_LETTER.unit.creditCode);
const EVIDENCE = (period: string, n: number) => `${SERVICE_PAGE}/progress/${period}/evidence/${n}`;

let platform: ProgressPlatform;
let store: PlatformStore;

beforeAll(async () => {
  platform = await startProgressPlatform();
  store = await openStore(platform.location);
  await platform.deliverLetter(SERVICE_LETTER, ID);
  await platform.deliverLetter(POLICY_LETTER, OTHER_ID);
  for (const id of [ID, OTHER_ID]) await store.submissions.setPublished(id, '2026-07-01T00:00:00.000Z');
  await accepted(platform.sendReport(reportWith(SERVICE_LETTER, ID, '2026-Q2', ['推进中']), [{ name: '二季度照片.png', bytes: PNG, item: 1, public: true }]));
  const q3 = reportWith(SERVICE_LETTER, ID, '2026-Q3', ['已兑现', '推进中', '未兑现', '已调整'], (report) => ({
    ...report,
    items: report.items.map((item) => (item.number === 2 ? { ...item, note: `经办人身份证号 ${ID_NUMBER}，材料已齐` } : item)),
  }));
  await accepted(
    platform.sendReport(q3, [
      { name: '验收照片.png', bytes: PNG, item: 1, public: true },
      { name: '内部会议纪要.pdf', bytes: SIGNED_PDF, item: 2 },
      { name: '三季度工作总结.pdf', bytes: SIGNED_PDF, public: true },
    ]),
  );
}, 60_000);

afterAll(async () => {
  await store?.close();
  await platform?.stop();
});

async function get(path: string, token?: string): Promise<{ status: number; headers: Headers; bytes: Buffer; elements: PageElement[] }> {
  const response = await fetch(new URL(path, platform.url), { headers: auth(token), redirect: 'manual' });
  const bytes = Buffer.from(await response.arrayBuffer());
  const isHtml = (response.headers.get('content-type') ?? '').startsWith('text/html');
  return { status: response.status, headers: response.headers, bytes, elements: isHtml ? parsePage(bytes.toString('utf8')) : [] };
}
const bodyText = (elements: readonly PageElement[]) => elements.find((element) => element.tag === 'body')!.text;

describe('履约进度 on a letter’s page', () => {
  it('shows the latest report’s period, counts, each item’s status and note, and links the published evidence only', async () => {
    const page = await get(SERVICE_PAGE);
    expect(page.status).toBe(200);
    const text = bodyText(page.elements);
    expect(page.elements.find((element) => element.tag === 'h2' && element.attrs['id'] === 'progress')!.text).toBe('履约进度');
    expect(text).toContain('最新进展报告：2026 年第 3 季度（2026 年 7 月 1 日报送）');
    expect(text).toContain('已兑现 1 项，推进中或未启动 1 项，未兑现或已调整 2 项。');
    const section = parsePage(/<section class="progress"[\s\S]*?<\/section>/.exec(page.bytes.toString('utf8'))![0]);
    const items = section.filter((element) => element.tag === 'li' && element.attrs['value'] !== undefined);
    expect(items.map((item) => item.attrs['value'])).toEqual(['1', '2', '3', '4']);
    expect(section.filter((element) => element.tag === 'span').map((span) => span.text)).toEqual(['已兑现', '推进中', '未兑现', '已调整']);
    expect(items[0]!.text).toContain(SERVICE_LETTER.items[0]!.content);
    expect(items[3]!.text).toContain('调整原因：上级政策调整');
    expect(items[1]!.text).toContain('经办人身份证号 （身份证号已隐去），材料已齐');
    const evidence = referencesOf(page.elements).filter((href) => href.includes('/evidence/'));
    expect(evidence).toEqual([EVIDENCE('2026-Q3', 1), EVIDENCE('2026-Q3', 3)]);
    expect(text).not.toContain('内部会议纪要');
  });

  it('says a letter without a report has none, and the index gives each letter its line', async () => {
    expect(bodyText((await get(BUREAU_PAGE)).elements)).toContain('尚未收到这份承诺书的进展报告。');
    const index = await get('/public?year=2026');
    const lines = index.elements.filter((element) => element.attrs['class'] === 'progress-brief').map((element) => element.text);
    expect(lines).toEqual(expect.arrayContaining(['履约进度（2026 年第 3 季度）：已兑现 1 项，推进中或未启动 1 项，未兑现或已调整 2 项。', '履约进度：尚无进展报告。']));
    expect(index.elements.filter((element) => element.tag === 'a').map((a) => a.attrs['href'])).toContain(`${SERVICE_PAGE}#progress`);
  });
});

describe('evidence files on the column', () => {
  it('serves a published one byte for byte with its type, nosniff and an inline disposition that cannot break its header', async () => {
    const photo = await get(EVIDENCE('2026-Q3', 1));
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(photo.headers.get('content-disposition')).toBe(`inline; filename="evidence-1.png"; filename*=UTF-8''${encodeURIComponent('验收照片.png')}`);
    expect(Buffer.compare(photo.bytes, Buffer.from(PNG))).toBe(0);
    const summary = await get(EVIDENCE('2026-Q3', 3));
    expect(summary.headers.get('content-type')).toBe('application/pdf');
    expect(summary.headers.get('content-disposition')).toMatch(/^inline; filename="evidence-3\.pdf"; filename\*=UTF-8''/);
    expect(Buffer.compare(summary.bytes, Buffer.from(SIGNED_PDF))).toBe(0);
  });

  it('answers 404 for one kept for the credit office, with any token, as for one that does not exist', async () => {
    const kept = EVIDENCE('2026-Q3', 2);
    for (const token of [undefined, await platform.tokenOf(SERVICE_LETTER.unit.creditCode), await platform.tokenOf(POLICY_LETTER.unit.creditCode), platform.operator]) {
      const response = await get(kept, token);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.bytes.includes(Buffer.from(SIGNED_PDF))).toBe(false);
    }
    const missing = await get(EVIDENCE('2026-Q3', 4));
    expect((await get(kept)).bytes.toString('utf8')).toBe(missing.bytes.toString('utf8'));
    for (const path of [EVIDENCE('2026-Q3', 0), `${BUREAU_PAGE}/progress/2026-Q3/evidence/1`, `${SERVICE_PAGE}/progress/2026-13/evidence/1`, `${SERVICE_PAGE}/progress/2026-Q3/evidence/1.png`]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('serves only the latest report’s files: an earlier report’s published photo is not linked and not served', async () => {
    expect((await get(EVIDENCE('2026-Q2', 1))).status).toBe(404);
  });

  it('serves none once the letter is withdrawn from the column', async () => {
    await store.submissions.setPublished(ID, null);
    try {
      expect((await get(EVIDENCE('2026-Q3', 1))).status).toBe(404);
      expect((await get(SERVICE_PAGE)).status).toBe(404);
    } finally {
      await store.submissions.setPublished(ID, '2026-07-01T00:00:00.000Z');
    }
  });

  it('leaves no ID number in any byte a visitor can reach from the column, nor in the log', async () => {
    const seen = new Set<string>();
    const queue = ['/public?year=2026'];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await get(path);
      expect(response.status, path).toBe(200);
      for (const forbidden of [ID_NUMBER, ID_NUMBER.slice(0, 17)]) expect(response.bytes.includes(forbidden), path).toBe(false);
      for (const reference of referencesOf(response.elements)) {
        const target = new URL(reference, new URL(path, platform.url));
        queue.push(target.pathname + target.search);
      }
    }
    expect(seen).toContain(EVIDENCE('2026-Q3', 3));
    expect(platform.logged.join('\n')).not.toContain(ID_NUMBER);
  });
});
