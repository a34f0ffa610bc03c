import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeCall, send, sendRaw, startTestWebHost } from './web-host-fixtures';

let web: Awaited<ReturnType<typeof startTestWebHost>>;
beforeEach(async () => {
  web = await startTestWebHost();
});
afterEach(async () => {
  await web.stop();
});

const raw = (requestLine: string) => `${requestLine}\r\nHost: 127.0.0.1:${web.port}\r\nConnection: close\r\n\r\n`;

async function stillUp(): Promise<void> {
  expect((await send(web.port, { path: '/' })).status).toBe(200);
  expect((await bridgeCall(web.port, 'app.getInfo', [])).status).toBe(200);
}

describe('one request never ends the web host', () => {
  it('answers a call name with bad percent-encoding (GET /api/call/%E0%A4%A) with 400 and keeps serving', async () => {
    expect(await sendRaw(web.port, raw('GET /api/call/%E0%A4%A HTTP/1.1'))).toMatch(/^HTTP\/1\.1 400 /);
    expect((await bridgeCall(web.port, '%E0%A4%A', [])).status).toBe(400);
    await stillUp();
  });

  it('answers a request target no URL parser takes (GET http://[x) with 400 and keeps serving', async () => {
    expect(await sendRaw(web.port, raw('GET http://[x HTTP/1.1'))).toMatch(/^HTTP\/1\.1 400 /);
    await stillUp();
  });

  it('answers other odd targets without crashing: absolute URLs, "*", a bare "//host" path, bad encoding in a page path', async () => {
    for (const line of ['GET http://127.0.0.1/ HTTP/1.1', 'OPTIONS * HTTP/1.1', 'GET //evil.example/x HTTP/1.1', 'GET /%E0%A4%A HTTP/1.1', 'GET /api/%ZZ HTTP/1.1']) {
      expect({ line, answer: (await sendRaw(web.port, raw(line))).slice(0, 12) }).toEqual({ line, answer: expect.stringMatching(/^HTTP\/1\.1 [1-5]\d\d/) });
    }
    await stillUp();
  });

  it('answers bytes that are not HTTP at all with 400 (the clientError event) and keeps serving', async () => {
    for (const bytes of ['\x00\x01\x02 garbage\r\n\r\n', 'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n', 'GET /\u00ff HTTP/1.1\r\n\r\n']) {
      expect(await sendRaw(web.port, bytes)).toMatch(/^(HTTP\/1\.1 400 |$)/);
    }
    await stillUp();
  });
});
