import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../platform/store/open-store';
import { csrfToken } from '../../../platform/dashboard/operator-access';
import { PDF, PNG } from '../../support/package-fixtures';
import { POLICY_ID, SERVICE_ID, SERVICE_PACKAGE, SERVICE_TOKEN, startOperatorPlatform } from './dashboard-fixtures';

/** The dashboard's HTTP surface on the real platform, without a browser: login, cookie, CSRF, files, publishing. */
let platform: Awaited<ReturnType<typeof startOperatorPlatform>>;

beforeAll(async () => {
  platform = await startOperatorPlatform();
  await platform.deliver(SERVICE_PACKAGE, SERVICE_ID, SERVICE_TOKEN);
}, 60_000);

afterAll(() => platform?.stop());

const at = (path: string) => new URL(path, platform.url);
const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' as const });

async function login(headers: Record<string, string> = {}): Promise<{ cookie: string; setCookie: string; session: string }> {
  const response = await fetch(at('/dashboard/login'), { ...form({ token: platform.operator }), headers: { ...form({}).headers, ...headers } });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/dashboard');
  const setCookie = response.headers.get('set-cookie')!;
  const cookie = setCookie.split(';')[0]!;
  return { cookie, setCookie, session: cookie.slice(cookie.indexOf('=') + 1) };
}

describe('the dashboard over HTTP', () => {
  it('shows the login page to a visitor without a session, and to no one the figures', async () => {
    const response = await fetch(at('/dashboard'));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('管理令牌');
    expect(page).not.toContain('青山县政务服务中心');
    expect((await fetch(at('/dashboard/live'))).status).toBe(401);
    expect((await fetch(at('/dashboard/missing.xlsx'))).status).toBe(401);
    expect((await fetch(at(`/dashboard/letters/${SERVICE_ID}/letter.pdf`))).status).toBe(401);
  });

  it('logs in only with an operator’s token', async () => {
    const unit = await fetch(at('/dashboard/login'), form({ token: SERVICE_TOKEN }));
    expect(unit.status).toBe(403);
    expect(await unit.text()).toContain('单位的访问令牌');
    expect(unit.headers.get('set-cookie')).toBeNull();
    const wrong = await fetch(at('/dashboard/login'), form({ token: 'pledge_not-issued' }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('sets an HttpOnly, SameSite=Strict session cookie for the platform’s path, Secure behind an https proxy', async () => {
    const plain = await login();
    expect(plain.setCookie).toMatch(/; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/);
    const proxied = await login({ 'x-forwarded-proto': 'https' });
    expect(proxied.setCookie).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    const page = await fetch(at('/dashboard'), { headers: { cookie: plain.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('青山县政务服务中心');
  });

  it('serves the stored letter PDF and signed copy, and nothing for another id or copy', async () => {
    const { cookie } = await login();
    const pdf = await fetch(at(`/dashboard/letters/${SERVICE_ID}/letter.pdf`), { headers: { cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(PDF);
    const signed = await fetch(at(`/dashboard/letters/${SERVICE_ID}/signed/1`), { headers: { cookie } });
    expect(signed.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await signed.arrayBuffer())).toEqual(PNG);
    expect((await fetch(at(`/dashboard/letters/${SERVICE_ID}/signed/2`), { headers: { cookie } })).status).toBe(404);
    expect((await fetch(at(`/dashboard/letters/${POLICY_ID}/letter.pdf`), { headers: { cookie } })).status).toBe(404);
    expect((await fetch(at('/dashboard/letters/..%2F..%2Findex/letter.pdf'), { headers: { cookie } })).status).toBe(404);
  });

  it('publishes and withdraws a letter only with the session’s CSRF token', async () => {
    const { cookie, session } = await login();
    const post = (fields: Record<string, string>) => fetch(at(`/dashboard/letters/${SERVICE_ID}/publication`), { ...form(fields), headers: { ...form({}).headers, cookie } });
    const published = async () => {
      const store = await openStore(platform.dataDir);
      try {
        return (await store.submissions.find(SERVICE_ID))?.publishedAt;
      } finally {
        await store.close();
      }
    };
    expect((await post({ publish: '1' })).status).toBe(403);
    expect((await post({ publish: '1', csrf: csrfToken('another-session') })).status).toBe(403);
    expect(await published()).toBeUndefined();
    const done = await post({ publish: '1', csrf: csrfToken(session) });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/dashboard?year=2026#letters');
    expect(await published()).toMatch(/^2026-04-25T/);
    await post({ publish: '0', csrf: csrfToken(session) });
    expect(await published()).toBeUndefined();
  });

  it('ends the session on logout', async () => {
    const { cookie, session } = await login();
    const out = await fetch(at('/dashboard/logout'), { ...form({ csrf: csrfToken(session) }), headers: { ...form({}).headers, cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await out.text()).toContain('已退出登录');
    expect((await fetch(at('/dashboard/live'), { headers: { cookie } })).status).toBe(401);
  });
});
