import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest, APP_INDEX_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES, isAppUrl, resolveAppFile, setupAppProtocol } from '../../../electron/main/app-protocol';
import { DATA_FOLDER_NAME, dataLocation } from '../../../electron/main/data-location';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../host/security/content-security-policy';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pledge-app-protocol-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>政务诚信承诺填报</title>');
  await writeFile(join(root, 'renderer', 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.json'), '{"token":"outside the renderer"}');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const renderer = () => join(root, 'renderer');

describe('the app:// origin and the data folder', () => {
  // Changing either makes every draft (IndexedDB is keyed by origin) or the outbox look lost after an update.
  it('stay exactly what they were when the app shipped', () => {
    expect(APP_ORIGIN).toBe('app://pledge-desk');
    expect(APP_INDEX_URL).toBe('app://pledge-desk/index.html');
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(DATA_FOLDER_NAME).toBe('Pledge Desk');
    expect(dataLocation('/home/clerk/.config', {})).toBe(join('/home/clerk/.config', 'Pledge Desk'));
    expect(dataLocation('/home/clerk/.config', { PLEDGE_USER_DATA_DIR: '/tmp/run-1' })).toBe('/tmp/run-1');
  });
});

describe('resolveAppFile', () => {
  it('maps the app’s URLs to files under the renderer folder', () => {
    expect(resolveAppFile(renderer(), 'app://pledge-desk/')).toBe(join(renderer(), 'index.html'));
    expect(resolveAppFile(renderer(), 'app://pledge-desk/index.html')).toBe(join(renderer(), 'index.html'));
    expect(resolveAppFile(renderer(), 'app://pledge-desk/assets/index-abc.js?v=1#x')).toBe(join(renderer(), 'assets', 'index-abc.js'));
  });

  it('keeps a climb the URL parser already flattens inside the renderer folder', () => {
    expect(resolveAppFile(renderer(), 'app://pledge-desk/../secret.json')).toBe(join(renderer(), 'secret.json'));
    expect(resolveAppFile(renderer(), 'app://pledge-desk/%2e%2e/secret.json')).toBe(join(renderer(), 'secret.json'));
  });

  it.each([
    ['a climb, encoded slash', 'app://pledge-desk/assets%2f..%2f..%2fsecret.json'],
    ['a climb, backslashes', 'app://pledge-desk/assets\\..\\..\\secret.json'],
    ['an encoded backslash', 'app://pledge-desk/..%5c..%5csecret.json'],
    ['a NUL byte', 'app://pledge-desk/index.html%00.js'],
    ['broken percent-encoding', 'app://pledge-desk/%E0%A4%A'],
    ['another host', 'app://other-host/index.html'],
    ['a look-alike host', 'app://pledge-desk.evil.example/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a type the renderer does not have', 'app://pledge-desk/assets/'],
    ['not a URL', 'app:'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppFile(renderer(), url)).toBeNull();
  });
});

describe('answerAppRequest', () => {
  it('serves a file with its type and the security headers', async () => {
    const response = await answerAppRequest(renderer(), { url: 'app://pledge-desk/assets/index-abc.js', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404, with the policy, for a climb out, a missing file or a write', async () => {
    for (const request of [
      { url: 'app://pledge-desk/%2e%2e/secret.json', method: 'GET' },
      { url: 'app://pledge-desk/missing.js', method: 'GET' },
      { url: 'app://pledge-desk/index.html', method: 'POST' },
    ]) {
      const response = await answerAppRequest(renderer(), request);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('is what the app:// handler answers', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    setupAppProtocol({ handle: (scheme, h) => void (scheme === 'app' && (handler = h as typeof handler)) }, renderer());
    const response = await handler!(new Request('app://pledge-desk/index.html'));
    expect(await response.text()).toContain('政务诚信承诺填报');
  });
});

describe('the Content Security Policy', () => {
  it('allows no inline script, no eval and nothing from elsewhere', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('is the one renderer/index.html carries in its meta tag, but for frame-ancestors, which a meta tag cannot set', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });
});
