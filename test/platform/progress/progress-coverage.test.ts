import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageSchema } from '../../../core/protocol/reference-protocol';
import type { PlatformCoverage } from '../../../platform/coverage/read-coverage';
import { openStore } from '../../../platform/store/open-store';
import { ID, OTHER_ID, PNG } from '../../support/package-fixtures';
import { auth, expectRefusal } from '../../support/platform-requests';
import { parsePage } from '../public/parsed-page';
import { POLICY_LETTER, reportWith, SERVICE_LETTER } from './progress-fixtures';
import { accepted, startProgressPlatform, type ProgressPlatform } from './progress-platform';

/**
 * The year's fulfilment per unit in GET /coverage and on the dashboard, over loopback against the
 * real platform: the service centre reported twice, the reform bureau delivered its letter and never
 * reported, the finance bureau is on the roster without a letter. And what a unit's own token can
 * reach of it: nothing but the public column, which shows only what the unit published.
 */
const SERVICE = SERVICE_LETTER.unit;
const BUREAU = POLICY_LETTER.unit;
const FINANCE = { creditCode: '112399220035840134', name: '绿水区财政局' } as const;

let platform: ProgressPlatform;

beforeAll(async () => {
  platform = await startProgressPlatform();
  const store = await openStore(platform.location);
  try {
    await store.roster.upsert([
      { creditCode: SERVICE.creditCode, name: SERVICE.name, district: '青山县', type: '事业单位' },
      { creditCode: BUREAU.creditCode, name: BUREAU.name, district: '青山县', type: '机关' },
      { creditCode: FINANCE.creditCode, name: FINANCE.name, district: '绿水区', type: '机关' },
    ]);
  } finally {
    await store.close();
  }
  await platform.deliverLetter(SERVICE_LETTER, ID);
  await platform.deliverLetter(POLICY_LETTER, OTHER_ID);
  // The quarter's report comes after June's and says less was kept: the latest is what counts.
  await accepted(platform.sendReport(reportWith(SERVICE_LETTER, ID, '2026-06', ['已兑现', '已兑现', '已兑现', '推进中'])));
  await accepted(platform.sendReport(reportWith(SERVICE_LETTER, ID, '2026-Q2', ['已兑现', '推进中', '未启动', '已调整']), [{ name: '内部台账.png', bytes: PNG, item: 1 }]));
}, 60_000);

afterAll(() => platform?.stop());

const coverage = async (token = platform.operator): Promise<PlatformCoverage> => {
  const response = await fetch(new URL('/coverage?year=2026', platform.url), { headers: auth(token) });
  expect(response.status).toBe(200);
  const body = (await response.json()) as PlatformCoverage;
  // The protocol's reader still reads it: the figures beside it are keys it passes over.
  CoverageSchema.parse(body);
  return body;
};
const unitOf = (body: PlatformCoverage, code: string) => body.fulfilment.units.find((unit) => unit.creditCode === code);

describe('GET /coverage with the year’s progress', () => {
  it('gives each unit that delivered its latest report’s counts and rate, and no rate to a unit without a report', async () => {
    const body = await coverage();
    expect(unitOf(body, SERVICE.creditCode)).toEqual({ creditCode: SERVICE.creditCode, name: SERVICE.name, letters: 1, reported: 1, latestPeriod: '2026-Q2', items: 4, kept: 1, inProgress: 2, notKept: 1, rate: 0.25 });
    expect(unitOf(body, BUREAU.creditCode)).toEqual({ creditCode: BUREAU.creditCode, name: BUREAU.name, letters: 1, reported: 0, latestPeriod: null, items: 0, kept: 0, inProgress: 0, notKept: 0, rate: null });
    // No letter, nothing to keep: the coverage's missing list names it, the fulfilment does not.
    expect(unitOf(body, FINANCE.creditCode)).toBeUndefined();
    expect(body.missing.map((unit) => unit.creditCode)).toEqual([FINANCE.creditCode]);
    expect(body.fulfilment.totals).toEqual({ letters: 2, reported: 1, items: 4, kept: 1, inProgress: 2, notKept: 1, rate: 0.25 });
  });

  it('follows a new report as it is accepted, and another year has none', async () => {
    await accepted(platform.sendReport(reportWith(SERVICE_LETTER, ID, '2026-Q3', ['已兑现', '已兑现', '推进中', '已调整'])));
    expect(unitOf(await coverage(), SERVICE.creditCode)).toMatchObject({ latestPeriod: '2026-Q3', kept: 2, inProgress: 1, notKept: 1, rate: 0.5 });
    const response = await fetch(new URL('/coverage?year=2025', platform.url), { headers: auth(platform.operator) });
    expect(((await response.json()) as PlatformCoverage).fulfilment).toEqual({ totals: { letters: 0, reported: 0, items: 0, kept: 0, inProgress: 0, notKept: 0, rate: null }, units: [] });
  });
});

describe('the dashboard’s 践诺 section', () => {
  it('shows each unit’s latest period, counts and rate, says “no report” rather than 0 %, and links the year-end export', async () => {
    const cookie = await platform.dashboardCookie();
    const page = await (await fetch(new URL('/dashboard?year=2026', platform.url), { headers: { cookie } })).text();
    expect(parsePage(page).find((element) => element.attrs['data-live'] === 'fulfilment')).toBeDefined();
    const live = (await (await fetch(new URL('/dashboard/live?year=2026', platform.url), { headers: { cookie } })).json()) as { sections: Record<string, string> };
    const section = parsePage(live.sections['fulfilment']!);
    const rows = section.filter((element) => element.tag === 'tr').map((row) => row.text);
    expect(rows).toHaveLength(3);
    const [serviceRow, bureauRow] = [rows.find((row) => row.includes(SERVICE.name))!, rows.find((row) => row.includes(BUREAU.name))!];
    expect(serviceRow).toContain('2026 年第 3 季度');
    expect(serviceRow).toContain('50%');
    expect(bureauRow).toContain('暂无进展报告');
    expect(bureauRow).not.toMatch(/\d+%/);
    expect(section.find((element) => element.attrs['id'] === 'fulfilment-totals')!.text).toBe(
      '有效的单位承诺书 2 份，其中 1 份已报送进展报告；最新报告中共 4 项承诺事项：已兑现 2 项，推进中或未启动 1 项，未兑现或已调整 1 项，兑现率 50%。',
    );
    const exportLink = section.find((element) => element.tag === 'a')!;
    expect(exportLink.attrs['href']).toBe('/records?year=2026&stage=fulfilment');
    expect(exportLink.text).toBe('导出信用承诺履行记录（年终，供省平台导入）');
    expect(section.find((element) => element.tag === 'small')!.text).toContain('尚未报送年终进展报告的 2 份承诺书');
  });
});

describe('a unit’s token and the year’s progress', () => {
  it('reads no unit’s progress, its own or another’s, through /coverage, the fulfilment records or the dashboard', async () => {
    for (const code of [SERVICE.creditCode, BUREAU.creditCode]) {
      const token = await platform.tokenOf(code);
      await expectRefusal(await fetch(new URL('/coverage?year=2026', platform.url), { headers: auth(token) }), 403, 'forbidden');
      await expectRefusal(await fetch(new URL('/records?year=2026&stage=fulfilment', platform.url), { headers: auth(token) }), 403, 'forbidden');
      const login = await fetch(new URL('/dashboard/login', platform.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }).toString(),
        redirect: 'manual',
      });
      expect(login.status).toBe(403);
      expect(login.headers.get('set-cookie')).toBeNull();
      expect((await fetch(new URL('/dashboard/live?year=2026', platform.url), { headers: auth(token) })).status).toBe(401);
    }
  });

  it('reaches no evidence file of an unpublished letter’s reports, with any token: the column is no way around publication', async () => {
    // The service centre's letter is not on the column; the column's own test shows a published letter's files kept for the office are not either.
    for (const token of [undefined, await platform.tokenOf(SERVICE.creditCode), await platform.tokenOf(BUREAU.creditCode), platform.operator]) {
      for (const path of ['/public/2026/122399214012770352/progress/2026-Q2/evidence/1', '/public/2026/122399214012770352/progress/2026-Q3/evidence/1']) {
        const response = await fetch(new URL(path, platform.url), { headers: auth(token) });
        expect(response.status, path).toBe(404);
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      }
    }
  });
});
