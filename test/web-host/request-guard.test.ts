import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_HEADER } from '../../core/bridge/http-bridge';
import { bridgeCall, send, sendRaw, startTestWebHost } from './web-host-fixtures';

let web: Awaited<ReturnType<typeof startTestWebHost>>;
beforeEach(async () => {
  web = await startTestWebHost();
});
afterEach(async () => {
  await web.stop();
});

const settings = async () => JSON.parse((await bridgeCall(web.port, 'outbox.getConnection', [])).body) as { result: { endpoint: string | null; hasToken: boolean } };

describe('DNS rebinding: a page on another site whose name now points at 127.0.0.1', () => {
  it('cannot save a new platform address (Host: evil.example), and the settings and token stay as they were', async () => {
    expect((await bridgeCall(web.port, 'outbox.saveConnection', [{ endpoint: 'http://127.0.0.1:8787', token: { set: 'unit-token' } }])).status).toBe(200);
    // What the rebound page sends: its own name and port in Host and Origin, and the custom header it may set same-origin.
    const attack = await bridgeCall(web.port, 'outbox.saveConnection', [{ endpoint: 'http://attacker.example:8787' }], {
      host: 'evil.example:5173',
      origin: 'http://evil.example:5173',
    });
    expect(attack.status).toBe(403);
    expect(JSON.parse(attack.body)).toEqual({ error: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(await settings()).toEqual({ result: expect.objectContaining({ endpoint: 'http://127.0.0.1:8787', hasToken: true }) });
  });

  it('cannot read the event stream, nor even the page or its files', async () => {
    for (const path of ['/api/events', '/', '/index.html', '/drafts/1']) {
      const answer = await send(web.port, { path, headers: { host: `evil.example:${web.port}` } });
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
      expect(answer.body).not.toContain('政务诚信承诺填报</title>');
    }
  });
});

describe('the Host allow-list', () => {
  it('answers 127.0.0.1, localhost and [::1] on its own port, in any letter case', async () => {
    for (const host of [`127.0.0.1:${web.port}`, `localhost:${web.port}`, `LocalHost:${web.port}`, `[::1]:${web.port}`]) {
      expect({ host, status: (await send(web.port, { path: '/', headers: { host } })).status }).toEqual({ host, status: 200 });
      expect({ host, status: (await bridgeCall(web.port, 'app.getInfo', [], { host, origin: `http://${host.toLowerCase()}` })).status }).toEqual({ host, status: 200 });
    }
  });

  it('refuses another port, another name, an address with credentials or none at all', async () => {
    for (const host of [`127.0.0.1:${web.port + 1}`, '127.0.0.1', `localhost.evil.example:${web.port}`, `user@127.0.0.1:${web.port}`, `127.0.0.1:${web.port}.evil.example`]) {
      expect({ host, status: (await send(web.port, { path: '/', headers: { host } })).status }).toEqual({ host, status: 403 });
    }
    expect(await sendRaw(web.port, 'GET / HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 403 /);
  });
});

describe('the bridge refuses what a cross-site request carries', () => {
  it('refuses a foreign Origin, even with the right Host', async () => {
    for (const origin of [`http://evil.example:${web.port}`, 'null', `https://127.0.0.1:${web.port}`, `http://localhost:${web.port}`]) {
      expect({ origin, status: (await bridgeCall(web.port, 'app.getInfo', [], { origin })).status }).toEqual({ origin, status: 403 });
    }
    expect((await send(web.port, { path: '/api/events', headers: { origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('refuses a Sec-Fetch-Site other than same-origin', async () => {
    for (const site of ['cross-site', 'same-site', 'none']) {
      expect({ site, status: (await bridgeCall(web.port, 'app.getInfo', [], { 'sec-fetch-site': site })).status }).toEqual({ site, status: 403 });
    }
    expect((await send(web.port, { path: '/api/events', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('refuses a body that is not JSON (what a plain form or a simple fetch can send across sites)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const answer = await bridgeCall(web.port, 'app.getInfo', [], { 'content-type': type });
      expect({ type, status: answer.status }).toEqual({ type, status: 415 });
    }
    const noType = await send(web.port, { method: 'POST', path: '/api/call/app.getInfo', headers: { [BRIDGE_HEADER]: '1' }, body: '[]' });
    expect(noType.status).toBe(415);
  });

  it('answers the page’s own calls: JSON with a charset, same-origin, without Origin or Sec-Fetch-Site (older browsers)', async () => {
    expect((await bridgeCall(web.port, 'app.getInfo', [], { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    const bare = await send(web.port, { method: 'POST', path: '/api/call/app.getInfo', headers: { 'content-type': 'application/json', [BRIDGE_HEADER]: '1' }, body: '[]' });
    expect(bare.status).toBe(200);
    const events = await send(web.port, { path: '/api/events', headers: { 'sec-fetch-site': 'same-origin' } });
    expect(events.status).toBe(200);
  });
});
