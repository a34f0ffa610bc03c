import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeCall, send, startTestWebHost } from './web-host-fixtures';

// Bound to every address, but spoken to over 127.0.0.1 only: these tests never reach beyond loopback.
let web: Awaited<ReturnType<typeof startTestWebHost>> | undefined;
afterEach(async () => {
  await web?.stop();
  web = undefined;
});

/** Opens the printed address: the key goes in, the session cookie comes out. */
async function openPrintedAddress(port: number, pageUrl: string): Promise<{ cookie: string; location: string | undefined; setCookie: string }> {
  const url = new URL(pageUrl);
  const answer = await send(port, { path: `${url.pathname}${url.search}` });
  expect(answer.status).toBe(303);
  const setCookie = answer.headers['set-cookie']?.[0] ?? '';
  return { cookie: setCookie.split(';')[0]!, location: answer.headers.location, setCookie };
}

describe('a web host bound beyond loopback (HOST=0.0.0.0)', () => {
  it('prints an address with a fresh key for this launch', async () => {
    web = await startTestWebHost('0.0.0.0');
    const first = new URL(web.host.pageUrl).searchParams.get('key');
    expect(first).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const second = await startTestWebHost('0.0.0.0');
    try {
      expect(new URL(second.host.pageUrl).searchParams.get('key')).not.toBe(first);
    } finally {
      await second.stop();
    }
  });

  it('refuses every bridge call and the event stream without the session cookie', async () => {
    web = await startTestWebHost('0.0.0.0');
    const refused = await bridgeCall(web.port, 'app.getInfo', []);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toEqual({ error: expect.stringContaining('key=') });
    expect((await send(web.port, { path: '/api/events' })).status).toBe(401);
    // Knowing the key is not a session: it is traded once for the cookie at the page.
    const key = new URL(web.host.pageUrl).searchParams.get('key')!;
    expect((await bridgeCall(web.port, 'app.getInfo', [], { cookie: `pledge-desk-${web.port}=${key}` })).status).toBe(401);
    expect((await bridgeCall(web.port, `app.getInfo?key=${key}`, [])).status).toBe(401);
  });

  it('trades the printed key for an HttpOnly SameSite=Strict cookie and an address without the key; the cookie opens the bridge', async () => {
    web = await startTestWebHost('0.0.0.0');
    const { cookie, location, setCookie } = await openPrintedAddress(web.port, web.host.pageUrl);
    expect(location).toBe('/');
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toContain(new URL(web.host.pageUrl).searchParams.get('key')!);
    expect((await bridgeCall(web.port, 'app.getInfo', [], { cookie })).status).toBe(200);
    expect((await send(web.port, { path: '/api/events', headers: { cookie } })).status).toBe(200);
    // The page itself loads without the cookie (a link followed from another site sends no Strict cookie); its calls carry it.
    expect((await send(web.port, { path: '/' })).status).toBe(200);
  });

  it('keeps the rest of the address when it takes the key out', async () => {
    web = await startTestWebHost('0.0.0.0');
    const key = new URL(web.host.pageUrl).searchParams.get('key')!;
    const answer = await send(web.port, { path: `/drafts/1?view=list&key=${key}` });
    expect(answer.headers.location).toBe('/drafts/1?view=list');
    const doubled = await send(web.port, { path: `//evil.example/?key=${key}` });
    expect(doubled.headers.location).toBe('/evil.example/');
  });

  it('refuses a wrong key or a wrong cookie', async () => {
    web = await startTestWebHost('0.0.0.0');
    const key = new URL(web.host.pageUrl).searchParams.get('key')!;
    const wrong = await send(web.port, { path: `/?key=${key.slice(0, -1)}x` });
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const { cookie } = await openPrintedAddress(web.port, web.host.pageUrl);
    expect((await bridgeCall(web.port, 'app.getInfo', [], { cookie: `${cookie.slice(0, -1)}x` })).status).toBe(401);
    expect((await bridgeCall(web.port, 'app.getInfo', [], { cookie: `other=1; ${cookie}` })).status).toBe(200);
  });

  it('still refuses a foreign Host, and accepts this machine’s own addresses', async () => {
    web = await startTestWebHost('0.0.0.0');
    const { cookie } = await openPrintedAddress(web.port, web.host.pageUrl);
    expect((await bridgeCall(web.port, 'app.getInfo', [], { cookie, host: `evil.example:${web.port}`, origin: `http://evil.example:${web.port}` })).status).toBe(403);
    const own = Object.values(networkInterfaces()).flatMap((list) => list ?? []).find((info) => info.family === 'IPv4' && !info.internal);
    if (own) {
      const host = `${own.address}:${web.port}`;
      expect((await bridgeCall(web.port, 'app.getInfo', [], { cookie, host, origin: `http://${host}` })).status).toBe(200);
    }
  });
});

describe('a web host on loopback', () => {
  it('prints the plain address, which works as it always did: no key, no cookie', async () => {
    web = await startTestWebHost();
    expect(web.host.pageUrl).toBe(web.host.url);
    expect(web.host.pageUrl).not.toContain('key=');
    expect((await bridgeCall(web.port, 'app.getInfo', [])).status).toBe(200);
  });
});
