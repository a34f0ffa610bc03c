import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { buildPackage } from '../../core/package/build-package';
import { platformUrl } from '../../core/protocol/endpoint';
import { ReceiptSchema, ROUTES } from '../../core/protocol/reference-protocol';
import { createOutboxService, type OutboxService } from '../../host/outbox/outbox-service';
import { fileTokenVault } from '../../host/outbox/token-vault';
import { TusPlatformClient } from '../../host/outbox/tus-platform-client';
import { mountAt, parseBasePath, pathBelow } from '../../platform/http/base-path';
import { t } from '../../platform/i18n/translate';
import { runCli } from '../cli/run-cli';
import { until } from '../host/outbox/fault-fixtures';
import { ID, packageInput } from '../support/package-fixtures';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';
import { makeLoopbackCertificate, startPathProxy, type LoopbackCertificate, type PathProxy } from '../support/path-proxy';
import { auth, encodeMetadata, expectRefusal, patchUpload, TUS } from '../support/platform-requests';
import { refOf, startTestPlatform, TOKEN } from '../support/submission-fixtures';

const root = resolve(import.meta.dirname, '../..');
const PACKAGE = buildPackage(packageInput());
const REF = refOf(PACKAGE, ID);
const PREFIX = '/pledge';

describe('parseBasePath', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['/', ''],
    [' /pledge ', '/pledge'],
    ['/pledge/', '/pledge'],
    ['pledge', '/pledge'],
    ['/city/pledge-desk_2026.v1~x/', '/city/pledge-desk_2026.v1~x'],
  ])('reads %j as %j', (value, expected) => {
    expect(parseBasePath(value)).toBe(expected);
  });

  it.each(['//', '/pledge//x', '/../pledge', '/./pledge', '/pledge/..', '/承诺', '/a b', '/a%2Fb', '/pledge?x', '/pledge#x', 'https://credit.example.gov.cn/pledge'])(
    'refuses %j in words for the operator, naming it',
    (value) => {
      expect(() => parseBasePath(value)).toThrow(new RangeError(t('platform.cli.badBasePath', { value: value.trim() })));
    },
  );
});

describe('pathBelow', () => {
  it('gives the path under the base, the base itself as /, and nothing outside it', () => {
    expect(pathBelow('/pledge', '/pledge/health')).toBe('/health');
    expect(pathBelow('/pledge', '/pledge/files/abc')).toBe('/files/abc');
    expect(pathBelow('/pledge', '/pledge')).toBe('/');
    expect(pathBelow('/pledge', '/pledge/')).toBe('/');
    expect(pathBelow('/pledge', '/health')).toBeUndefined();
    expect(pathBelow('/pledge', '/pledgex/health')).toBeUndefined();
    expect(pathBelow('/pledge', '/')).toBeUndefined();
    expect(pathBelow('', '/health')).toBe('/health');
  });

  it('is handed to the routes by mountAt with the query kept, after dot segments are resolved', () => {
    const seen: string[] = [];
    const handler = mountAt('/pledge', (req) => seen.push(req.url ?? ''));
    const answered: number[] = [];
    const res = { writeHead: (status: number) => answered.push(status) && res, end: () => undefined };
    for (const url of ['/pledge/submissions?x=1', '/x/../pledge/health', '/pledge/../health', '/pledge']) handler({ url } as never, res as never);
    expect(seen).toEqual(['/submissions?x=1', '/health', '/']);
    expect(answered).toEqual([404]);
  });
});

describe('a platform under /pledge', () => {
  let server: Awaited<ReturnType<typeof startTestPlatform>>;
  let origin: string;
  beforeEach(async () => {
    server = await startTestPlatform({ basePath: `${PREFIX}/` });
    origin = new URL(server.platform.url).origin;
  });
  afterEach(() => server.stop());

  it('names its address with the path, serves the protocol below it, and answers 404 for everything outside it, token check included', async () => {
    expect(server.platform.url).toBe(`${origin}${PREFIX}`);
    expect((await fetch(platformUrl(server.platform.url, ROUTES.health))).status).toBe(200);
    expect((await fetch(platformUrl(server.platform.url, ROUTES.credential), { headers: auth(TOKEN) })).status).toBe(200);
    for (const path of [ROUTES.health, ROUTES.credential, ROUTES.uploads, '/pledgex/health', '/']) {
      const message = await expectRefusal(await fetch(`${origin}${path}`, { headers: auth(TOKEN) }), 404, 'not-found');
      expect(message).toBe(t('platform.error.outsideBasePath', { path: PREFIX }));
    }
    // The base itself is the platform's, where no route is.
    await expectRefusal(await fetch(server.platform.url, { headers: auth(TOKEN) }), 404, 'not-found');
  });

  it('answers an upload URL under the path, and takes the whole upload there up to the receipt', async () => {
    const created = await createUpload(server.platform.url, {});
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${origin}${PREFIX}/files/[^/]+$`));
    const head = await fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } });
    expect(head.headers.get('upload-offset')).toBe('0');
    const finished = await patchUpload(location, PACKAGE, 0, TOKEN);
    expect(finished.status).toBe(200);
    const receipt = ReceiptSchema.parse(await finished.json());
    expect(ReceiptSchema.parse(await (await fetch(platformUrl(server.platform.url, ROUTES.receipt(ID)), { headers: auth(TOKEN) })).json())).toEqual(receipt);
  });

  it('ignores X-Forwarded-* unless told to trust a proxy', async () => {
    const location = (await createUpload(server.platform.url, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'credit.example.gov.cn', Forwarded: 'proto=https;host=credit.example.gov.cn' })).headers.get('location');
    expect(location).toMatch(new RegExp(`^${origin}${PREFIX}/files/`));
  });

  it('makes the public https URL from them when told to trust a proxy', async () => {
    const trusting = await startTestPlatform({ basePath: PREFIX, trustProxy: true });
    try {
      const location = (await createUpload(trusting.platform.url, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'credit.example.gov.cn' })).headers.get('location');
      expect(location).toMatch(/^https:\/\/credit\.example\.gov\.cn\/pledge\/files\/[^/]+$/);
    } finally {
      await trusting.stop();
    }
  });
});

describe('the platform under /pledge behind a reverse proxy on the same site', () => {
  let server: Awaited<ReturnType<typeof startTestPlatform>>;
  let proxy: PathProxy;
  let dir: string;
  const services: OutboxService[] = [];
  beforeEach(async () => {
    server = await startTestPlatform({ basePath: PREFIX, trustProxy: true });
    proxy = await startPathProxy({ target: server.platform.url, prefix: PREFIX });
    dir = await mkdtemp(join(tmpdir(), 'pledge-base-path-'));
  });
  afterEach(async () => {
    for (const service of services.splice(0)) service.stop();
    await proxy.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true, maxRetries: 10 });
  });

  /** Every request the client made went below the prefix: nothing reached the site's root. */
  const expectAllBelowPrefix = () => {
    expect(proxy.refused).toEqual([]);
    expect(proxy.forwarded.length).toBeGreaterThan(0);
    for (const request of proxy.forwarded) expect(request.path).toMatch(/^\/pledge\//);
    for (const location of proxy.locations) expect(location).toMatch(new RegExp(`^${proxy.url}/files/`));
  };

  it('delivers through the app’s outbox, whose settings take the address with its path in one spelling', async () => {
    const outbox = createOutboxService({ dataDir: dir, vault: fileTokenVault(join(dir, 'sync', 'token')), chooseSavePath: async (name) => join(dir, 'exports', name), retry: { baseMs: 20, capMs: 100 }, probeRetry: { baseMs: 20, capMs: 100 } });
    services.push(outbox);
    await outbox.start();
    expect(await outbox.handlers['outbox.saveConnection']({ endpoint: `${proxy.url}/`, token: { set: TOKEN } })).toMatchObject({ ok: true, settings: { endpoint: proxy.url, hasToken: true } });
    expect(await outbox.handlers['outbox.testConnection']({ endpoint: proxy.url })).toMatchObject({ result: 'ok' });
    await outbox.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: Buffer.from(PACKAGE).toString('base64') });
    const delivered = await until(outbox, (snapshot) => snapshot.items[0]?.entry.state.status === 'delivered');
    expect(delivered.items[0]!.entry.state).toMatchObject({ receipt: { submissionId: ID, sha256: REF.sha256 } });
    expect(await server.storedPackages()).toEqual([`${ID}.zip`]);
    expectAllBelowPrefix();
    // The same site at another path is another platform: the token stays with this one.
    expect(await outbox.handlers['outbox.saveConnection']({ endpoint: `${proxy.origin}/other/` })).toMatchObject({ ok: true, settings: { hasToken: false } });
  });

  it('delivers with pledge send, the receipt printed', async () => {
    const file = join(dir, 'package.zip');
    await writeFile(file, PACKAGE);
    const sent = await runCli(['send', file, '--endpoint', `${proxy.url}/`, '--token', TOKEN], new Date());
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect(ReceiptSchema.parse(JSON.parse(sent.stdout))).toMatchObject({ submissionId: ID, sha256: REF.sha256 });
    expectAllBelowPrefix();
  });

  it('answers a request to the site’s root from the site: the platform never sees it', async () => {
    const before = proxy.forwarded.length;
    expect((await fetch(`${proxy.origin}${ROUTES.health}`)).status).toBe(404);
    expect((await fetch(`${proxy.origin}${ROUTES.credential}`, { headers: auth(TOKEN) })).status).toBe(404);
    expect(proxy.forwarded.length).toBe(before);
    expect(proxy.refused.map((request) => request.path)).toEqual([ROUTES.health, ROUTES.credential]);
  });

  it('stops, keeping the token, when a platform not told to trust the proxy names its own address as the upload URL', async () => {
    const unaware = await startTestPlatform({ basePath: PREFIX });
    const front = await startPathProxy({ target: unaware.platform.url, prefix: PREFIX });
    try {
      const client = new TusPlatformClient({ endpoint: front.url, token: TOKEN, readPackage: async () => PACKAGE });
      await expect(client.upload(REF, { onUploadUrl: () => undefined, onProgress: () => undefined })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('--trust-proxy') });
      // The PATCH with the token never went to the address the platform named.
      expect(front.forwarded.map((request) => request.method)).not.toContain('PATCH');
    } finally {
      await front.close();
      await unaware.stop();
    }
  });
});

describe('the platform under /pledge behind a TLS-terminating proxy', () => {
  let certificate: LoopbackCertificate;
  let server: Awaited<ReturnType<typeof startTestPlatform>>;
  let proxy: PathProxy;
  let dir: string;
  let caFile: string;
  beforeAll(() => {
    certificate = makeLoopbackCertificate();
  });
  beforeEach(async () => {
    server = await startTestPlatform({ basePath: PREFIX, trustProxy: true });
    proxy = await startPathProxy({ target: server.platform.url, prefix: PREFIX, tls: certificate });
    dir = await mkdtemp(join(tmpdir(), 'pledge-base-path-tls-'));
    caFile = join(dir, 'proxy.pem');
    await writeFile(caFile, certificate.cert);
  });
  afterEach(async () => {
    await proxy.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** A program of its own, trusting the proxy's certificate the way an office's computer trusts its CA. */
  const run = (args: string[], env: Record<string, string> = {}) =>
    promisify(execFile)(process.execPath, args, { cwd: root, env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, XDG_CACHE_HOME: join(dir, 'cache'), ...env }, timeout: 120_000 }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('takes a package from pledge send at https://…/pledge/, with upload URLs at the public https address', async () => {
    expect(proxy.url).toMatch(/^https:\/\/localhost:\d+\/pledge$/);
    const file = join(dir, 'package.zip');
    await writeFile(file, PACKAGE);
    const sent = await run([join(root, 'cli/pledge.mjs'), 'send', file, '--endpoint', `${proxy.url}/`], { PLEDGE_TOKEN: TOKEN });
    expect(sent.stderr).toBe('');
    expect(ReceiptSchema.parse(JSON.parse(sent.stdout))).toMatchObject({ submissionId: ID, sha256: REF.sha256 });
    expect(proxy.locations).toEqual([expect.stringMatching(new RegExp(`^${proxy.url}/files/[^/]+$`))]);
    expect(proxy.refused).toEqual([]);
  }, 150_000);

  it('takes a package from the app’s platform client there too', async () => {
    const file = join(dir, 'package.zip');
    await writeFile(file, PACKAGE);
    const script = `
      const { readFile } = await import('node:fs/promises');
      const { TusPlatformClient } = await import(${JSON.stringify(pathToFileURL(join(root, 'host/outbox/tus-platform-client.ts')).href)});
      const bytes = new Uint8Array(await readFile(${JSON.stringify(file)}));
      const client = new TusPlatformClient({ endpoint: process.env.ENDPOINT, token: process.env.PLATFORM_TOKEN, readPackage: async () => bytes, chunkBytes: 16 * 1024 });
      const ref = ${JSON.stringify(REF)};
      process.stdout.write(JSON.stringify(await client.upload(ref, { onUploadUrl: () => {}, onProgress: () => {} })));`;
    const sent = await run(['--import', 'tsx', '--input-type=module', '-e', script], { ENDPOINT: `${proxy.url}/`, PLATFORM_TOKEN: TOKEN });
    expect(sent.stderr).toBe('');
    expect(ReceiptSchema.parse(JSON.parse(sent.stdout))).toMatchObject({ submissionId: ID, sha256: REF.sha256 });
    expect(proxy.locations).toEqual([expect.stringMatching(new RegExp(`^${proxy.url}/files/[^/]+$`))]);
    expect(proxy.forwarded.filter((request) => request.method === 'PATCH').length).toBeGreaterThan(1);
    for (const request of proxy.forwarded) expect(request.path).toMatch(/^\/pledge\//);
  }, 150_000);
});

describe('the app’s platform client for an address with a path', () => {
  let site: LoopbackServer;
  afterEach(() => site.close());

  it('sends the token nowhere but below the path: an upload URL elsewhere on the same site is refused before any byte', async () => {
    site = await startLoopbackServer((request, response) => {
      if (request.method === 'POST') response.writeHead(201, { location: '/files/elsewhere', 'tus-resumable': '1.0.0' }).end();
      else response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not-found', message: '没有' } }));
    });
    const client = new TusPlatformClient({ endpoint: `${site.url}${PREFIX}/`, token: TOKEN, readPackage: async () => PACKAGE });
    await expect(client.upload(REF, { onUploadUrl: () => undefined, onProgress: () => undefined })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('/files/elsewhere') });
    expect(site.requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET ${PREFIX}${ROUTES.receipt(ID)}`, `POST ${PREFIX}${ROUTES.uploads}`]);
  });

  it('does not resume from a saved upload URL outside the path', async () => {
    site = await startLoopbackServer((request, response) => response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not-found', message: '没有' } })));
    const client = new TusPlatformClient({ endpoint: `${site.url}${PREFIX}`, token: TOKEN, readPackage: async () => PACKAGE });
    await client.upload(REF, { resumeUrl: `${site.url}/files/saved`, onUploadUrl: () => undefined, onProgress: () => undefined }).catch(() => undefined);
    expect(site.requests.map((request) => request.path).filter((path) => !path.startsWith(`${PREFIX}/`))).toEqual([]);
  });
});

/** POST under the platform's path, by hand, with extra headers a proxy might add. */
function createUpload(base: string, headers: Record<string, string>): Promise<Response> {
  const metadata = { filename: `${ID}.zip`, submissionId: ID, sha256: sha256Hex(PACKAGE) };
  return fetch(platformUrl(base, ROUTES.uploads), {
    method: 'POST',
    headers: { ...TUS, ...auth(TOKEN), ...headers, 'Upload-Length': String(PACKAGE.byteLength), 'Upload-Metadata': encodeMetadata(metadata) },
  });
}
