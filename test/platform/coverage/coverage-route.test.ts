import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageSchema } from '../../../core/protocol/reference-protocol';
import { openStore } from '../../../platform/store/open-store';
import { auth, expectRefusal } from '../../support/platform-requests';
import { FINANCE, POLICY, SERVICE, SERVICE_ID, SERVICE_PACKAGE, SERVICE_TOKEN, startOperatorPlatform } from '../dashboard/dashboard-fixtures';

/** `GET /coverage` over loopback on the real platform: a small roster, one unit delivered. */
let platform: Awaited<ReturnType<typeof startOperatorPlatform>>;

beforeAll(async () => {
  platform = await startOperatorPlatform();
  const store = await openStore(platform.dataDir);
  try {
    await store.roster.upsert([
      { creditCode: SERVICE.code, name: SERVICE.name, district: '青山县', type: '事业单位' },
      { creditCode: POLICY.code, name: POLICY.name, district: '青山县', type: '机关' },
      { creditCode: FINANCE.code, name: FINANCE.name, district: '绿水区', type: '机关' },
    ]);
  } finally {
    await store.close();
  }
  await platform.deliver(SERVICE_PACKAGE, SERVICE_ID, SERVICE_TOKEN);
}, 60_000);

afterAll(() => platform?.stop());

const coverage = (query = '', token?: string) => fetch(new URL(`/coverage${query}`, platform.url), { headers: auth(token) });

describe('GET /coverage', () => {
  it('answers the operator the year’s figures, the missing list and the days left', async () => {
    const response = await coverage('', platform.operator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = CoverageSchema.parse(await response.json());
    expect(body.year).toBe(2026);
    expect(body.totals).toEqual({ units: 3, committed: 1, missing: 2, rate: 1 / 3 });
    // In the store's roster order: by district, then name.
    expect(body.byDistrict).toEqual([
      { name: '绿水区', units: 1, committed: 0, missing: 1, rate: 0 },
      { name: '青山县', units: 2, committed: 1, missing: 1, rate: 0.5 },
    ]);
    expect(body.missing).toEqual([
      { name: FINANCE.name, creditCode: FINANCE.code, district: '绿水区', type: '机关' },
      { name: POLICY.name, creditCode: POLICY.code, district: '青山县', type: '机关' },
    ]);
    expect(body.outsideRoster).toEqual([]);
    expect(body.deadlines).toEqual([
      { date: '2026-05-01', daysLeft: 6 },
      { date: '2026-08-31', daysLeft: 128 },
    ]);
  });

  it('answers another year when asked, and refuses a year that is none', async () => {
    const last = CoverageSchema.parse(await (await coverage('?year=2025', platform.operator)).json());
    expect(last.totals.committed).toBe(0);
    await expectRefusal(await coverage('?year=twenty', platform.operator), 400, 'bad-request');
  });

  it('refuses a unit’s token with 403 and no token or a wrong one with 401', async () => {
    await expectRefusal(await coverage('', SERVICE_TOKEN), 403, 'forbidden');
    await expectRefusal(await coverage(''), 401, 'unauthorized');
    await expectRefusal(await coverage('', 'not-a-token'), 401, 'unauthorized');
  });
});
