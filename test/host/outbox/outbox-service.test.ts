import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxSnapshot } from '../../../core/outbox/outbox-item';
import { buildPackage } from '../../../core/package/build-package';
import { PROTOCOL_VERSION } from '../../../core/protocol/reference-protocol';
import { openOutboxFolder } from '../../../host/outbox/outbox-folder';
import { createOutboxService, type OutboxService } from '../../../host/outbox/outbox-service';
import { fileTokenVault } from '../../../host/outbox/token-vault';
import { ID, OTHER_ID, packageInput } from '../../support/package-fixtures';
import { until } from './fault-fixtures';
import { deadEndpoint, startTestPlatform, TOKEN } from '../../support/submission-fixtures';
import { issueToken } from '../../../platform/credentials';

const PACKAGE = buildPackage(packageInput());
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const FAST = { retry: { baseMs: 20, capMs: 100 }, probeRetry: { baseMs: 20, capMs: 100 } };

let dir: string;
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
const services: OutboxService[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-outbox-service-'));
  platform = await startTestPlatform();
});
afterEach(async () => {
  for (const service of services.splice(0)) service.stop();
  await platform.stop();
  // stop() does not wait for a state file already being written: retry while it lands.
  await rm(dir, { recursive: true, force: true, maxRetries: 10 });
});

async function service(): Promise<OutboxService> {
  const created = createOutboxService({ dataDir: dir, vault: fileTokenVault(join(dir, 'sync', 'token')), chooseSavePath: async (name) => join(dir, 'exports', name), ...FAST });
  services.push(created);
  await created.start();
  return created;
}

const statusOf = (snapshot: OutboxSnapshot, id = ID) => snapshot.items.find((item) => item.entry.package.submissionId === id)?.entry.state.status;

async function configure(sync: OutboxService, endpoint = platform.platform.url, token = TOKEN) {
  return sync.handlers['outbox.saveConnection']({ endpoint, token: { set: token } });
}

describe('the outbox service (the app’s outbox in the host)', () => {
  it('queues a package while no platform is set, and delivers it once the address and token are saved', async () => {
    const sync = await service();
    expect(await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) })).toEqual({ ok: true, submissionId: ID, duplicate: false });
    await until(sync, (s) => s.connection.state === 'not-configured' && statusOf(s) === 'queued');

    expect(await configure(sync)).toMatchObject({ ok: true, settings: { endpoint: platform.platform.url, hasToken: true, tokenProtection: 'file-permissions' } });
    const delivered = await until(sync, (s) => statusOf(s) === 'delivered');
    const item = delivered.items[0]!;
    expect(item.details).toMatchObject({ unitName: expect.any(String), year: 2026, origin: { kind: 'app', draftId: 'd1' } });
    expect(item.entry.state).toMatchObject({ status: 'delivered', receipt: { submissionId: ID, sha256: item.entry.package.sha256 } });
    expect(delivered.connection.state).toBe('online');
    expect(await platform.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('keeps the token out of the page and out of the settings file, in a file only this user can read', async () => {
    const sync = await service();
    await configure(sync);
    const view = await sync.handlers['outbox.getConnection']();
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    expect(await readFile(join(dir, 'sync', 'settings.json'), 'utf8')).not.toContain(TOKEN);
    expect((await stat(join(dir, 'sync', 'token'))).mode & 0o777).toBe(0o600);
    // Saving the address again without a token keeps the token; clearing removes it.
    expect(await sync.handlers['outbox.saveConnection']({ endpoint: platform.platform.url })).toMatchObject({ ok: true, settings: { hasToken: true } });
    expect(await sync.handlers['outbox.saveConnection']({ endpoint: platform.platform.url, token: { clear: true } })).toMatchObject({ ok: true, settings: { hasToken: false } });
  });

  it('forgets the token when the platform address moves to another origin: the settings say it is missing, and the new platform never sees it', async () => {
    const seen: (string | undefined)[] = [];
    const stranger = createServer((req, res) => {
      if (req.url !== '/health') seen.push(req.headers.authorization ?? 'none');
      const health = { status: 'ok', protocol: PROTOCOL_VERSION };
      res.writeHead(req.url === '/health' ? 200 : 500, { 'content-type': 'application/json' }).end(JSON.stringify(req.url === '/health' ? health : { error: { code: 'server-error', message: '出错' } }));
    });
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    try {
      const sync = await service();
      await configure(sync);
      const strangerUrl = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`;
      expect(await sync.handlers['outbox.saveConnection']({ endpoint: strangerUrl })).toMatchObject({ ok: true, settings: { endpoint: strangerUrl, hasToken: false } });
      expect(await sync.handlers['outbox.getConnection']()).toMatchObject({ hasToken: false });
      await expect(stat(join(dir, 'sync', 'token'))).rejects.toMatchObject({ code: 'ENOENT' });
      await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
      await until(sync, () => seen.length > 0);
      expect(seen.every((authorization) => authorization === 'none')).toBe(true);
      sync.stop();
      expect(await (await service()).handlers['outbox.getConnection']()).toMatchObject({ endpoint: strangerUrl, hasToken: false });
    } finally {
      await new Promise<void>((resolve) => stranger.close(() => resolve()));
    }
  });

  it('forgets the token for any other scheme, host or port, and when the address is cleared', async () => {
    const sync = await service();
    for (const endpoint of ['https://127.0.0.1:8787', 'http://localhost:8787', 'http://127.0.0.1:8788', '']) {
      await configure(sync, 'http://127.0.0.1:8787');
      const moved = await sync.handlers['outbox.saveConnection']({ endpoint });
      expect({ endpoint, moved }).toMatchObject({ endpoint, moved: { ok: true, settings: { hasToken: false } } });
    }
    // A new token given with the new address is the one kept.
    await configure(sync, 'http://127.0.0.1:8787');
    expect(await sync.handlers['outbox.saveConnection']({ endpoint: 'http://127.0.0.1:8788', token: { set: 'new-platform-token' } })).toMatchObject({ ok: true, settings: { hasToken: true } });
    expect(await readFile(join(dir, 'sync', 'token'), 'utf8')).toContain('new-platform-token');
  });

  it('keeps the token when the same origin is written another way', async () => {
    const sync = await service();
    await configure(sync, 'http://127.0.0.1:80');
    for (const endpoint of ['http://127.0.0.1', ' http://127.0.0.1/ ', 'http://127.0.0.1:80/']) {
      const saved = await sync.handlers['outbox.saveConnection']({ endpoint });
      expect({ endpoint, saved }).toMatchObject({ endpoint, saved: { ok: true, settings: { hasToken: true } } });
    }
  });

  it.skipIf(process.platform === 'win32')('keeps the data folder this user’s only: folders 0700, settings, token, packages, states and exported copies 0600', async () => {
    const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
    const sync = await service();
    await configure(sync);
    await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    const exported = await sync.handlers['outbox.exportPackage']({ submissionId: ID });
    for (const folder of ['', 'sync', 'outbox', `outbox/${ID}`, 'exports']) expect({ folder, mode: await modeOf(join(dir, folder)) }).toEqual({ folder, mode: 0o700 });
    for (const file of ['sync/settings.json', 'sync/token', `outbox/${ID}/package.zip`, `outbox/${ID}/details.json`, `outbox/${ID}/entry.json`]) {
      expect({ file, mode: await modeOf(join(dir, file)) }).toEqual({ file, mode: 0o600 });
    }
    expect(await modeOf(exported.path!)).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('tightens at start a data folder an earlier version left readable by others', async () => {
    const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
    const first = await service();
    await configure(first);
    await first.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    first.stop();
    for (const folder of ['', 'sync', 'outbox', `outbox/${ID}`]) await chmod(join(dir, folder), 0o755);
    for (const file of ['sync/settings.json', 'sync/token', `outbox/${ID}/package.zip`, `outbox/${ID}/entry.json`]) await chmod(join(dir, file), 0o644);
    await service();
    for (const folder of ['', 'sync', 'outbox', `outbox/${ID}`]) expect({ folder, mode: await modeOf(join(dir, folder)) }).toEqual({ folder, mode: 0o700 });
    for (const file of ['sync/settings.json', 'sync/token', `outbox/${ID}/package.zip`, `outbox/${ID}/entry.json`]) expect({ file, mode: await modeOf(join(dir, file)) }).toEqual({ file, mode: 0o600 });
  });

  it('holds a package while the platform refuses the token, saying so in the connection, and sends it once the settings change, not before', async () => {
    const sync = await service();
    await configure(sync, platform.platform.url, 'wrong-token');
    await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    await until(sync, (s) => s.connection.state === 'unauthorized' && statusOf(s) === 'queued');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statusOf(sync.snapshot())).toBe('queued');
    expect(await platform.storedPackages()).toEqual([]);
    await configure(sync);
    await until(sync, (s) => statusOf(s) === 'delivered' && s.connection.state === 'online');
    expect(await platform.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('says the token is missing when the platform wants one and none is set', async () => {
    const sync = await service();
    await sync.handlers['outbox.saveConnection']({ endpoint: platform.platform.url });
    await until(sync, (s) => s.connection.state === 'no-token');
  });

  it('tests an address and a token and says which failed, sending nothing of any package', async () => {
    const sync = await service();
    const test = (endpoint: string, token?: string) => sync.handlers['outbox.testConnection']({ endpoint, ...(token === undefined ? {} : { token }) });
    expect(await test('')).toEqual({ result: 'bad-address', message: expect.stringMatching(/地址/) });
    expect(await test('http://platform.example.gov.cn')).toEqual({ result: 'bad-address', message: expect.stringMatching(/https/) });
    expect(await test(await deadEndpoint(), TOKEN)).toEqual({ result: 'unreachable', message: expect.stringMatching(/无法连接报送平台/) });
    const stranger = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    try {
      expect(await test(`http://127.0.0.1:${(stranger.address() as AddressInfo).port}`, TOKEN)).toEqual({ result: 'not-platform', message: expect.stringContaining('HTTP 404') });
    } finally {
      await new Promise<void>((resolve) => stranger.close(() => resolve()));
    }
    expect(await test(platform.platform.url)).toEqual({ result: 'token-missing' });
    expect(await test(platform.platform.url, 'wrong-token')).toEqual({ result: 'token-refused', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(await test(platform.platform.url, TOKEN)).toEqual({ result: 'ok', credential: { kind: 'unit', creditCode: '122399214012770352', name: '青山县政务服务中心' } });
    // Without a token typed, the saved one is tried, on its own platform only.
    await configure(sync);
    expect(await test(platform.platform.url)).toMatchObject({ result: 'ok', credential: { kind: 'unit' } });
    expect(await test(platform.platform.url.replace('127.0.0.1', 'localhost'))).toEqual({ result: 'token-missing' });
    expect(await platform.storedPackages()).toEqual([]);
  });

  it('answers "send now" with the connection it found, so the page can say why nothing goes', async () => {
    const sync = await service();
    await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    expect(await sync.handlers['outbox.sendNow']({ submissionId: ID })).toEqual({ connection: { state: 'not-configured' } });
    await configure(sync, await deadEndpoint());
    expect(await sync.handlers['outbox.sendNow']({ submissionId: ID })).toMatchObject({ connection: { state: 'offline' } });
    await configure(sync, platform.platform.url, 'wrong-token');
    expect(await sync.handlers['outbox.sendNow']({ submissionId: ID })).toMatchObject({ connection: { state: 'unauthorized' } });
    await configure(sync);
    expect(await sync.handlers['outbox.sendNow']({ submissionId: ID })).toMatchObject({ connection: { state: 'online' } });
    await until(sync, (s) => statusOf(s) === 'delivered');
  });

  it('sends again a package refused as another unit’s (forbidden) once the settings change: the clerk had typed a neighbour’s token', async () => {
    const neighbour = (await issueToken(platform.dataDir, { unit: '112399210035830292', name: '青山县发展和改革局' })).token;
    const sync = await service();
    await configure(sync, platform.platform.url, neighbour);
    await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    const refused = await until(sync, (s) => statusOf(s) === 'rejected');
    expect(refused.items[0]!.entry.state).toMatchObject({ status: 'rejected', code: 'forbidden', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    await configure(sync);
    await until(sync, (s) => statusOf(s) === 'delivered');
    expect(await platform.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('refuses a bad address with a Chinese message naming the field, and keeps the old settings', async () => {
    const sync = await service();
    await configure(sync);
    const refused = await sync.handlers['outbox.saveConnection']({ endpoint: 'ftp://platform', token: { set: 'other' } });
    expect(refused).toEqual({ ok: false, field: 'endpoint', message: expect.stringContaining('报送平台地址') });
    const badToken = await sync.handlers['outbox.saveConnection']({ endpoint: platform.platform.url, token: { set: '令牌 含空格' } });
    expect(badToken).toEqual({ ok: false, field: 'token', message: expect.stringMatching(/^访问令牌：/) });
    expect(await sync.handlers['outbox.getConnection']()).toMatchObject({ endpoint: platform.platform.url });
  });

  it('refuses a package that fails the check, with the reason, and keeps nothing of it', async () => {
    const sync = await service();
    const broken = PACKAGE.slice(0, PACKAGE.byteLength - 10);
    const refused = await sync.handlers['outbox.add']({ origin: { kind: 'import', fileName: 'u盘.zip' }, base64: base64(broken) });
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^报送包未通过校验：/) });
    expect(sync.snapshot().items).toEqual([]);
  });

  it('adds the same package once, and refuses other bytes under a submission id already queued', async () => {
    const sync = await service();
    await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    expect(await sync.handlers['outbox.add']({ origin: { kind: 'import', fileName: 'copy.zip' }, base64: base64(PACKAGE) })).toEqual({ ok: true, submissionId: ID, duplicate: true });
    const other = buildPackage(packageInput({ createdAt: new Date('2026-05-01T00:00:00Z') }));
    expect(await sync.handlers['outbox.add']({ origin: { kind: 'import', fileName: 'other.zip' }, base64: base64(other) })).toEqual({ ok: false, message: expect.stringContaining(ID) });
    expect(sync.snapshot().items).toHaveLength(1);
  });

  it('waits offline and sends by itself when the platform comes up; a restart keeps every state and receipt', async () => {
    const first = await service();
    await configure(first, await deadEndpoint());
    await first.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    await until(first, (s) => s.connection.state === 'offline' && statusOf(s) === 'queued');
    first.stop();

    const second = await service();
    expect(statusOf(second.snapshot())).toBe('queued');
    await configure(second);
    const delivered = await until(second, (s) => statusOf(s) === 'delivered');
    second.stop();

    const third = await service();
    expect(third.snapshot().items).toEqual(delivered.items);
  });

  it('exports a queued package byte for byte, for a colleague to import and send', async () => {
    const sync = await service();
    await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    const saved = await sync.handlers['outbox.exportPackage']({ submissionId: ID });
    expect(saved.saved).toBe(true);
    expect(saved.path!.endsWith('.zip')).toBe(true);
    expect(new Uint8Array(await readFile(saved.path!))).toEqual(PACKAGE);
  });

  it('hands the page a queued package byte for byte (for the portal folder and the poster), and no package it does not hold', async () => {
    const sync = await service();
    await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    const read = await sync.handlers['outbox.readPackage']({ submissionId: ID });
    expect(new Uint8Array(Buffer.from(read.base64, 'base64'))).toEqual(PACKAGE);
    await expect(sync.handlers['outbox.readPackage']({ submissionId: OTHER_ID })).rejects.toThrow();
  });

  it('queues at start a package kept on disk whose entry was never written (a crash between the two)', async () => {
    const other = buildPackage(packageInput({ submissionId: OTHER_ID }));
    const folder = openOutboxFolder(join(dir, 'outbox'), () => undefined);
    await folder.addPackage(OTHER_ID, other, { unitName: '某单位', creditCode: 'x', year: 2026, createdAt: '2026-04-21T01:30:00.000Z', origin: { kind: 'app', draftId: 'd2' }, addedAt: 1 });
    const sync = await service();
    expect(statusOf(sync.snapshot(), OTHER_ID)).toBe('queued');
  });

  it('checks the connection as soon as settings are saved, even with nothing to send', async () => {
    const sync = await service();
    await configure(sync);
    await until(sync, (s) => s.connection.state === 'online');
    await sync.handlers['outbox.saveConnection']({ endpoint: await deadEndpoint() });
    await until(sync, (s) => s.connection.state === 'offline');
  });

  it('refuses a copy gone from disk as final, with a Chinese message, instead of retrying it forever', async () => {
    const sync = await service();
    await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    await rm(join(dir, 'outbox', ID, 'package.zip'));
    await configure(sync);
    const rejected = await until(sync, (s) => statusOf(s) === 'rejected');
    expect(rejected.items[0]!.entry.state).toMatchObject({ status: 'rejected', message: expect.stringContaining('损坏或丢失') });
    // Packing the letter again mends the copy and sends it.
    expect(await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) })).toEqual({ ok: true, submissionId: ID, duplicate: false });
    await until(sync, (s) => statusOf(s) === 'delivered');
    expect(await platform.storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('never sends a copy damaged on disk: it is refused with a message, and the platform gets nothing', async () => {
    const sync = await service();
    await sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'd1' }, base64: base64(PACKAGE) });
    const damaged = PACKAGE.slice();
    damaged[100] = damaged[100]! ^ 0xff;
    await writeFile(join(dir, 'outbox', ID, 'package.zip'), damaged);
    await configure(sync);
    const rejected = await until(sync, (s) => statusOf(s) === 'rejected');
    expect(rejected.items[0]!.entry.state).toMatchObject({ status: 'rejected', message: expect.stringContaining('已损坏') });
    expect(await platform.storedPackages()).toEqual([]);
  });
});
