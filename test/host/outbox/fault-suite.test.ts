import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { OutboxEntrySchema, type OutboxEntry, type SubmissionState } from '../../../core/outbox/outbox-entry';
import type { OutboxSnapshot } from '../../../core/outbox/outbox-item';
import { buildPackage } from '../../../core/package/build-package';
import { verifyPackage } from '../../../core/package/verify-package';
import { PLATFORM_DOCUMENT_PATH } from '../../../core/protocol/platform-document';
import { ROUTES, type Receipt } from '../../../core/protocol/reference-protocol';
import { createOutboxService, type OutboxService } from '../../../host/outbox/outbox-service';
import { fileTokenVault } from '../../../host/outbox/token-vault';
import { ID, packageInput, tamper } from '../../support/package-fixtures';
import { startCuttingProxy } from '../../support/cutting-proxy';
import { entryOf, startFaultPlatform, startOutboxProcess, trace, until, waitFor, type FaultPlatform } from './fault-fixtures';
import { startFaultProxy, type Fault, type FaultProxy, type ProxiedRequest } from '../../support/fault-proxy';
import { FAULT_TIMING } from './fault-timing';
import { bigPackage, deadEndpoint, TOKEN } from '../../support/submission-fixtures';

/**
 * Item 7 of the sync issue: the app's real outbox (createOutboxService) against the real reference
 * platform over loopback, with a proxy in between where a fault needs one. Every case ends with
 * the same two checks: the platform holds exactly one copy of each submission, byte for byte, and
 * the client shows the true state, in memory and in the entry a restart would read.
 */

const SMALL = buildPackage(packageInput());
/** About 400 KB that does not compress: 25 chunks of 16 KiB. */
const BIG = bigPackage(400 * 1024);
const CHUNK = FAULT_TIMING.transfer.chunkBytes;
const PATCHES = Math.ceil(BIG.byteLength / CHUNK);
/** Request line and headers of one tus request, generously. */
const PER_REQUEST_OVERHEAD = 400;
const CHINESE = /[\u4e00-\u9fff]/;

const cleanups: (() => Promise<unknown> | void)[] = [];
/** Undone after the test, last first: services stop before their folders go, proxies close before the platform. */
const later = (cleanup: () => Promise<unknown> | void) => cleanups.push(cleanup);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function platformOn(port = 0): Promise<FaultPlatform> {
  const platform = await startFaultPlatform(port);
  later(() => platform.stop());
  return platform;
}

async function faultProxy(target: string): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ target });
  later(() => proxy.close());
  return proxy;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pledge-fault-client-'));
  later(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

interface Desk {
  readonly sync: OutboxService;
  readonly dataDir: string;
  /** What the service reported through onError; nothing is expected. */
  readonly reported: unknown[];
}

/** The app's outbox on a data folder of its own (or the one given), started. */
async function desk(dataDir?: string): Promise<Desk> {
  const folder = dataDir ?? (await tempDir());
  const reported: unknown[] = [];
  const sync = createOutboxService({
    dataDir: folder,
    vault: fileTokenVault(join(folder, 'sync', 'token')),
    chooseSavePath: async () => null,
    ...FAULT_TIMING,
    onError: (error) => reported.push(error),
  });
  later(() => sync.stop());
  await sync.start();
  return { sync, dataDir: folder, reported };
}

async function connect({ sync }: Desk, endpoint: string): Promise<void> {
  expect(await sync.handlers['outbox.saveConnection']({ endpoint, token: { set: TOKEN } })).toMatchObject({ ok: true });
}

async function add({ sync }: Desk, bytes: Uint8Array) {
  return sync.handlers['outbox.add']({ origin: { kind: 'app', draftId: 'fault-suite' }, base64: Buffer.from(bytes).toString('base64') });
}

const idOf = (bytes: Uint8Array): string => {
  const verified = verifyPackage(bytes);
  if (!verified.ok) throw new Error(verified.reason);
  return verified.manifest.submissionId;
};
const statusIs = (status: SubmissionState['status'], id = ID) => (snapshot: OutboxSnapshot) => entryOf(snapshot, id)?.state.status === status;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function savedEntry(dataDir: string, id = ID): Promise<OutboxEntry> {
  return OutboxEntrySchema.parse(JSON.parse(await readFile(join(dataDir, 'outbox', id, 'entry.json'), 'utf8')));
}

/** (a) The platform holds these packages and nothing else, one copy each, byte for byte, and lists each once. Returns their receipts by id. */
async function expectExactlyOneCopyEach(platform: FaultPlatform, packages: readonly Uint8Array[]): Promise<Map<string, Receipt>> {
  const expected = packages.map((bytes) => ({ submissionId: idOf(bytes), sha256: sha256Hex(bytes) })).sort((a, b) => a.submissionId.localeCompare(b.submissionId));
  expect(await platform.storedPackages()).toEqual(expected.map(({ submissionId }) => `${submissionId}.zip`));
  for (const { submissionId, sha256 } of expected) expect(sha256Hex(await platform.storedBytes(submissionId))).toBe(sha256);
  const listing = await platform.listing();
  expect(listing.map(({ submissionId, sha256 }) => ({ submissionId, sha256 })).sort((a, b) => a.submissionId.localeCompare(b.submissionId))).toEqual(expected);
  // The listing leaves out what only the signed receipt carries (unit, office, signature): ask for each receipt itself.
  return new Map(await Promise.all(listing.map(async (row) => [row.submissionId, await platform.receipt(row.submissionId)] as const)));
}

/** (b) The desk shows the package delivered with exactly the platform's receipt, and a restart would read the same. */
async function expectDelivered(sync: { snapshot(): OutboxSnapshot }, dataDir: string, bytes: Uint8Array, receipt: Receipt | undefined): Promise<void> {
  expect(receipt).toBeDefined();
  expect(receipt!.sha256).toBe(sha256Hex(bytes));
  const entry = entryOf(sync.snapshot(), idOf(bytes));
  expect(entry?.package).toEqual({ submissionId: idOf(bytes), sha256: sha256Hex(bytes), size: bytes.byteLength });
  expect(entry?.state).toEqual({ status: 'delivered', receipt });
  expect(entry?.resume).toBeUndefined();
  expect(await savedEntry(dataDir, idOf(bytes))).toEqual(entry);
}

const waits = (states: readonly SubmissionState[]) => states.filter((state): state is Extract<SubmissionState, { status: 'waiting' }> => state.status === 'waiting');

describe('the app’s outbox against the real platform under faults', { timeout: 20_000 }, () => {
  it('keeps a package queued while the platform is down, without counting failed attempts, and delivers one copy once it is up', async () => {
    const down = await deadEndpoint();
    const client = await desk();
    await connect(client, down);
    const states = trace(client.sync, ID);
    expect(await add(client, BIG)).toEqual({ ok: true, submissionId: ID, duplicate: false });

    await until(client.sync, (s) => s.connection.state === 'offline' && statusIs('queued')(s));
    // Several probes fail meanwhile (the probe backoff is capped at 200 ms); none is an attempt at the package.
    await sleep(500);
    expect(client.sync.snapshot().connection.state).toBe('offline');
    expect(states).toEqual([{ status: 'queued', attempt: 0 }]);

    const platform = await platformOn(Number(new URL(down).port));
    await until(client.sync, statusIs('delivered'));
    expect(client.sync.snapshot().connection.state).toBe('online');

    const receipts = await expectExactlyOneCopyEach(platform, [BIG]);
    await expectDelivered(client.sync, client.dataDir, BIG, receipts.get(ID));
    expect(client.reported).toEqual([]);
  });

  const SERVER_ERRORS: { name: string; fault: Fault; message: RegExp }[] = [
    { name: 'a gateway’s 503 with a plain-text body', fault: { kind: 'answer', status: 503, body: 'Service Unavailable', contentType: 'text/plain' }, message: /HTTP 503/ },
    {
      name: 'a 500 with the protocol’s error body',
      fault: { kind: 'answer', status: 500, body: JSON.stringify({ error: { code: 'server-error', message: '报送平台数据库暂时不可用。' } }), contentType: 'application/json' },
      message: /^报送平台数据库暂时不可用。$/,
    },
    { name: 'a bare 500 with no body', fault: { kind: 'answer', status: 500 }, message: /HTTP 500/ },
  ];

  it.each(SERVER_ERRORS)('waits with the error after $name to two PATCHes, then resumes where the platform stood and delivers one copy', async ({ fault, message }) => {
    const platform = await platformOn();
    const proxy = await faultProxy(platform.url);
    proxy.inject((request) => request.method === 'PATCH' && request.nth >= 3, fault, 2);
    const client = await desk();
    await connect(client, proxy.url);
    const states = trace(client.sync, ID);
    await add(client, BIG);
    await until(client.sync, statusIs('delivered'));

    expect(waits(states).map((state) => state.attempt)).toEqual([1, 2]);
    for (const { lastError } of waits(states)) {
      expect(lastError).toMatchObject({ kind: 'platform', code: 'server-error', message: expect.stringMatching(message) });
      expect(lastError.message).toMatch(CHINESE);
    }
    // The answers the proxy made up never reached the platform; every byte it took, it took once.
    expect(proxy.log.filter((exchange) => exchange.outcome === 'injected')).toHaveLength(2);
    expect(proxy.patchBytesTaken()).toBe(BIG.byteLength);

    const receipts = await expectExactlyOneCopyEach(platform, [BIG]);
    await expectDelivered(client.sync, client.dataDir, BIG, receipts.get(ID));
    expect(client.reported).toEqual([]);
  });

  const LOST_ANSWERS: { name: string; match: (request: ProxiedRequest) => boolean }[] = [
    { name: 'the POST that creates the upload', match: (request) => request.method === 'POST' },
    { name: 'a PATCH midway', match: (request) => request.method === 'PATCH' && request.nth === 5 },
    { name: 'the PATCH that finishes the upload', match: (request) => request.method === 'PATCH' && request.nth === PATCHES - 1 },
  ];

  it.each(LOST_ANSWERS)('times out when the answer to $name never comes, then delivers one copy without sending a byte twice', async ({ match }) => {
    const platform = await platformOn();
    const proxy = await faultProxy(platform.url);
    proxy.inject(match, { kind: 'swallow' });
    const client = await desk();
    await connect(client, proxy.url);
    const states = trace(client.sync, ID);
    await add(client, BIG);
    await until(client.sync, statusIs('delivered'));

    expect(proxy.log.filter((exchange) => exchange.outcome === 'swallowed')).toHaveLength(1);
    expect(waits(states)).toHaveLength(1);
    expect(waits(states)[0]!.lastError).toMatchObject({ kind: 'timeout', message: expect.stringMatching(CHINESE) });
    // The platform acted on the request whose answer was lost; the client asked (HEAD, or the receipt) instead of sending again.
    const patched = proxy.log.filter((exchange) => exchange.method === 'PATCH').reduce((sum, exchange) => sum + exchange.forwardedBytes, 0);
    expect(patched).toBe(BIG.byteLength);

    const receipts = await expectExactlyOneCopyEach(platform, [BIG]);
    await expectDelivered(client.sync, client.dataDir, BIG, receipts.get(ID));
    expect(client.reported).toEqual([]);
  });

  it.each([0.1, 0.5, 0.9])('resumes an upload whose connection is cut at %d of the package and delivers one copy, sending little more than the package', async (fraction) => {
    const platform = await platformOn();
    const proxy = await startCuttingProxy({ target: platform.url, cutAt: [Math.round(BIG.byteLength * fraction)] });
    later(() => proxy.close());
    const client = await desk();
    await connect(client, proxy.url);
    const states = trace(client.sync, ID);
    await add(client, BIG);
    await until(client.sync, statusIs('delivered'));

    expect(proxy.cuts).toBe(1);
    expect(waits(states).map((state) => state.lastError.kind)).toEqual(['network']);
    // Resumed, not restarted: a restart would cost the bytes before the cut a second time.
    const requests = PATCHES + 10;
    expect(proxy.bytesUp).toBeLessThanOrEqual(1.15 * BIG.byteLength + requests * PER_REQUEST_OVERHEAD);

    const receipts = await expectExactlyOneCopyEach(platform, [BIG]);
    await expectDelivered(client.sync, client.dataDir, BIG, receipts.get(ID));
    expect(client.reported).toEqual([]);
  });

  it('resumes after the app is killed mid-upload and started again on the same data folder, sending only what the platform lacks', async () => {
    const platform = await platformOn();
    const proxy = await faultProxy(platform.url);
    // A slow link, so the kill lands midway.
    proxy.setPatchDelay(50);
    const dataDir = await tempDir();
    const packageFile = join(await tempDir(), 'package.zip');
    await writeFile(packageFile, BIG);

    const first = startOutboxProcess({ dataDir, endpoint: proxy.url, packageFile });
    later(() => first.kill());
    await waitFor(() => proxy.patchBytesTaken() >= 0.4 * BIG.byteLength, 15_000, `40 % of the package at the platform (stderr: ${first.stderr()})`);
    await first.kill();
    expect(await first.exited).toBe('SIGKILL');
    // A PATCH held on the slow link when the app died still reaches the platform, as bytes on the wire would.
    await proxy.idle();
    const takenBeforeRestart = proxy.patchBytesTaken();
    expect(takenBeforeRestart).toBeGreaterThanOrEqual(0.2 * BIG.byteLength);
    expect(takenBeforeRestart).toBeLessThanOrEqual(0.8 * BIG.byteLength);

    // What the crash left: an upload under way, its URL, and an offset the platform had confirmed.
    const left = await savedEntry(dataDir);
    expect(left.state).toMatchObject({ status: 'sending', total: BIG.byteLength });
    const sent = left.state.status === 'sending' ? left.state.sent : 0;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThanOrEqual(takenBeforeRestart);
    expect(left.resume?.url.startsWith(`${proxy.url}/files/`)).toBe(true);
    expect(await platform.storedPackages()).toEqual([]);

    proxy.setPatchDelay(0);
    const mark = proxy.log.length;
    const second = startOutboxProcess({ dataDir });
    later(() => second.kill());
    await until(second, statusIs('delivered'), 15_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\nstderr: ${second.stderr()}`);
    });
    expect(await second.exited).toBe(0);

    const afterRestart = proxy.log.slice(mark);
    expect(afterRestart.filter((exchange) => exchange.method === 'POST')).toEqual([]);
    const resent = afterRestart.filter((exchange) => exchange.method === 'PATCH').reduce((sum, exchange) => sum + exchange.forwardedBytes, 0);
    expect(resent).toBeLessThanOrEqual(BIG.byteLength - takenBeforeRestart);
    expect(resent).toBeLessThan(0.8 * BIG.byteLength);

    const receipts = await expectExactlyOneCopyEach(platform, [BIG]);
    await expectDelivered(second, dataDir, BIG, receipts.get(ID));
    // The app opened once more on that folder shows the same.
    const reopened = await desk(dataDir);
    await expectDelivered(reopened.sync, dataDir, BIG, receipts.get(ID));
  });

  it('answers the same package added again with “duplicate” and sends nothing more', async () => {
    const platform = await platformOn();
    const proxy = await faultProxy(platform.url);
    const client = await desk();
    await connect(client, proxy.url);
    await add(client, SMALL);
    await until(client.sync, statusIs('delivered'));

    const mark = proxy.log.length;
    expect(await add(client, SMALL)).toEqual({ ok: true, submissionId: ID, duplicate: true });
    await sleep(300);
    expect(proxy.log.slice(mark)).toEqual([]);
    expect(client.sync.snapshot().items).toHaveLength(1);

    const receipts = await expectExactlyOneCopyEach(platform, [SMALL]);
    await expectDelivered(client.sync, client.dataDir, SMALL, receipts.get(ID));
  });

  it('delivers one package sent at the same time from two desks: one copy, and both desks show the same receipt', async () => {
    const platform = await platformOn();
    const proxy = await faultProxy(platform.url);
    // Slow enough that the two uploads overlap.
    proxy.setPatchDelay(10);
    const [a, b] = await Promise.all([desk(), desk()]);
    await Promise.all([connect(a, proxy.url), connect(b, proxy.url)]);
    await Promise.all([add(a, BIG), add(b, BIG)]);
    await Promise.all([until(a.sync, statusIs('delivered')), until(b.sync, statusIs('delivered'))]);

    // Both created an upload: the platform, not the client, had to decide.
    expect(proxy.log.filter((exchange) => exchange.method === 'POST' && exchange.status === 201)).toHaveLength(2);
    const receipts = await expectExactlyOneCopyEach(platform, [BIG]);
    await expectDelivered(a.sync, a.dataDir, BIG, receipts.get(ID));
    await expectDelivered(b.sync, b.dataDir, BIG, receipts.get(ID));
  });

  it('gives a desk that lost its outbox the first receipt when it sends the same package again, and keeps one copy', async () => {
    const platform = await platformOn();
    const first = await desk();
    await connect(first, platform.url);
    await add(first, SMALL);
    await until(first.sync, statusIs('delivered'));
    const second = await desk();
    await connect(second, platform.url);
    await add(second, SMALL);
    await until(second.sync, statusIs('delivered'));

    const receipts = await expectExactlyOneCopyEach(platform, [SMALL]);
    await expectDelivered(first.sync, first.dataDir, SMALL, receipts.get(ID));
    await expectDelivered(second.sync, second.dataDir, SMALL, receipts.get(ID));
  });

  it('rejects other bytes under a submission id the platform took from another desk, with a Chinese reason, and leaves the first copy untouched', async () => {
    const platform = await platformOn();
    const first = await desk();
    await connect(first, platform.url);
    await add(first, SMALL);
    await until(first.sync, statusIs('delivered'));

    // A package that passes every local check, but whose id the platform already gave to other bytes.
    const other = buildPackage(packageInput({ createdAt: new Date('2026-04-22T01:30:00.000Z') }));
    expect(idOf(other)).toBe(ID);
    expect(sha256Hex(other)).not.toBe(sha256Hex(SMALL));
    const second = await desk();
    await connect(second, platform.url);
    expect(await add(second, other)).toMatchObject({ ok: true, duplicate: false });
    await until(second.sync, statusIs('rejected'));

    const entry = entryOf(second.sync.snapshot(), ID);
    expect(entry?.state).toEqual({ status: 'rejected', code: 'conflict', message: expect.any(String) });
    const message = entry?.state.status === 'rejected' ? entry.state.message : '';
    expect(message).toContain(ID);
    expect(message).toMatch(CHINESE);
    expect(entry?.resume).toBeUndefined();
    expect(await savedEntry(second.dataDir)).toEqual(entry);

    const receipts = await expectExactlyOneCopyEach(platform, [SMALL]);
    await expectDelivered(first.sync, first.dataDir, SMALL, receipts.get(ID));
    expect(second.reported).toEqual([]);
  });

  it('refuses a package changed after its manifest was written before it leaves the machine, with a Chinese reason', async () => {
    const platform = await platformOn();
    const proxy = await faultProxy(platform.url);
    const client = await desk();
    await connect(client, proxy.url);
    const tampered = tamper((files) => {
      files['letter.pdf'] = new TextEncoder().encode('%PDF-1.7\n% changed after signing\n%%EOF\n');
    });

    expect(await add(client, tampered)).toEqual({ ok: false, message: expect.stringMatching(/^报送包未通过校验：/) });
    expect(client.sync.snapshot().items).toEqual([]);
    expect(await readdir(join(client.dataDir, 'outbox'))).toEqual([]);
    await sleep(300);
    // Only the connectivity probe that saving the settings makes (health, the credential, the platform's key to pin): nothing about the package went out.
    const probe = new Set<string>([ROUTES.health, ROUTES.credential, PLATFORM_DOCUMENT_PATH]);
    expect(proxy.log.filter((exchange) => !probe.has(exchange.path))).toEqual([]);
    expect(await expectExactlyOneCopyEach(platform, [])).toEqual(new Map());
  });
});
