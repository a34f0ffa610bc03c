import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { HealthSchema, isFinalRejection, PROTOCOL_VERSION, ReceiptSchema, ROUTES } from '../../core/protocol/reference-protocol';
import { issueToken } from '../../platform/credentials';
import { startPlatform, type Platform, type PlatformEvent, type PlatformOptions } from '../../platform/platform-server';
import { ID } from '../support/package-fixtures';
import { bigPackage, issueUnitToken, OFFICE, TOKEN } from '../support/submission-fixtures';
import { auth, createUpload, expectRefusal, patchUpload, TUS } from '../support/platform-requests';

/** Large enough that hashing and reading it take many turns of the event loop. */
const PACKAGE = bigPackage(1024 * 1024);
const HALF = Math.floor(PACKAGE.byteLength / 2);

let dataDir: string;
let platform: Platform | undefined;

const start = async (options: Partial<PlatformOptions> = {}) => {
  platform = await startPlatform({ dataDir, port: 0, identity: OFFICE, ...options });
  return platform;
};
const uploadsLeft = () => readdir(join(dataDir, 'uploads'));

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-platform-resources-'));
  await issueUnitToken(dataDir);
});
afterEach(async () => {
  await platform?.close();
  platform = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const head = (location: string) => fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } });

/** Creates an upload and sends its first half, then leaves it: an office that gave up. */
async function abandonUpload(url: string): Promise<string> {
  const created = await createUpload(url, PACKAGE, { submissionId: ID, token: TOKEN });
  expect(created.status).toBe(201);
  const location = created.headers.get('location')!;
  expect((await patchUpload(location, PACKAGE.slice(0, HALF), 0, TOKEN)).status).toBe(204);
  return location;
}

describe('reference platform resources', () => {
  it('checks at most two finished uploads at once; the others wait and still get their receipt', async () => {
    let running = 0;
    let peak = 0;
    const observe = (event: PlatformEvent) => {
      running += event.type === 'verification-started' ? 1 : -1;
      peak = Math.max(peak, running);
    };
    const { url } = await start({ observe });
    const locations = await Promise.all(Array.from({ length: 6 }, () => createUpload(url, PACKAGE, { submissionId: ID, token: TOKEN }).then((r) => r.headers.get('location')!)));

    const answers = await Promise.all(locations.map((location) => patchUpload(location, PACKAGE, 0, TOKEN)));
    const receipts = await Promise.all(answers.map(async (answer) => ReceiptSchema.parse(await answer.json())));
    expect(new Set(receipts.map((receipt) => receipt.receiptId)).size).toBe(1);
    expect(peak).toBe(2);
    expect(running).toBe(0);
  });

  it('stores the accepted package complete under its final name before the receipt is answered, with no temporary file left', async () => {
    const { url } = await start();
    const created = await createUpload(url, PACKAGE, { submissionId: ID, token: TOKEN });
    const answer = await patchUpload(created.headers.get('location')!, PACKAGE, 0, TOKEN);
    expect(answer.status).toBe(200);
    // Read at once: the file must be there and whole when the office is told it was received.
    // Compared by digest: a deep equality of a megabyte takes vitest seconds.
    expect(sha256Hex(await readFile(join(dataDir, 'packages', `${ID}.zip`)))).toBe(sha256Hex(PACKAGE));
    expect(await readdir(join(dataDir, 'packages'))).toEqual([`${ID}.zip`]);
    expect(await uploadsLeft()).toEqual([]);
  });

  it('drops an abandoned upload once it has expired, and the client is told the upload is gone', async () => {
    const { url } = await start({ uploadExpiryMs: 150 });
    const location = await abandonUpload(url);
    expect((await uploadsLeft()).length).toBeGreaterThan(0);

    await waitFor(async () => (await uploadsLeft()).length === 0, 3_000);
    const head = await fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } });
    expect(head.status).toBe(404);
  });

  it('sweeps uploads that expired while the platform was down before it answers anything', async () => {
    await abandonUpload((await start()).url);
    await platform!.close();
    platform = undefined;
    await new Promise((resolve) => setTimeout(resolve, 400));

    // The periodic sweep (every 300 ms here) has not run yet: only the one at start can have cleaned up.
    await start({ uploadExpiryMs: 300 });
    expect(await uploadsLeft()).toEqual([]);
  });

  it('keeps unfinished uploads younger than the expiry', async () => {
    const location = await abandonUpload((await start({ uploadExpiryMs: 60_000 })).url);
    await platform!.close();
    platform = undefined;
    await start({ uploadExpiryMs: 60_000 });
    const head = await fetch(location.replace(/^http:\/\/[^/]+/, platform!.url), { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(HALF);
  });

  it('keeps an upload that is making progress past the expiry, and drops it once no byte has come for that long', async () => {
    const { url } = await start({ uploadExpiryMs: 600 });
    const created = await createUpload(url, PACKAGE, { submissionId: ID, token: TOKEN });
    const location = created.headers.get('location')!;
    // A slow link: a few bytes every 150 ms for twice the expiry after creation.
    let offset = 0;
    for (const startedAt = Date.now(); Date.now() - startedAt < 1_200; offset += 1024) {
      expect((await patchUpload(location, PACKAGE.slice(0, offset + 1024), offset, TOKEN)).status).toBe(204);
      await sleep(150);
    }
    const alive = await head(location);
    expect(alive.status).toBe(200);
    expect(Number(alive.headers.get('upload-offset'))).toBe(offset);

    await waitFor(async () => (await uploadsLeft()).length === 0, 3_000);
    expect((await head(location)).status).toBe(404);
  });

  it('caps unfinished uploads per credential by count and by bytes, as a retryable refusal that holds up no other credential', async () => {
    await start({ maxUnfinishedUploads: 2 });
    const create = (token: string) => createUpload(platform!.url, PACKAGE, { submissionId: ID, token });
    const first = await create(TOKEN);
    expect(first.status).toBe(201);
    expect((await create(TOKEN)).status).toBe(201);
    expect(await expectRefusal(await create(TOKEN), 429, 'too-many-uploads')).toContain('2 个');
    expect(isFinalRejection('too-many-uploads')).toBe(false);
    const { token: other } = await issueToken(dataDir, { unit: '112399210035830292' });
    expect((await create(other)).status).toBe(201);
    // A finished upload frees its place.
    expect((await patchUpload(first.headers.get('location')!, PACKAGE, 0, TOKEN)).status).toBe(200);
    expect((await create(TOKEN)).status).toBe(201);

    await platform!.close();
    await rm(join(dataDir, 'uploads'), { recursive: true });
    await start({ maxUnfinishedBytes: Math.floor(PACKAGE.byteLength * 1.5) });
    expect((await create(TOKEN)).status).toBe(201);
    await expectRefusal(await create(TOKEN), 429, 'too-many-uploads');
  });

  it('counts uploads created at the same moment against the cap, so none slips past it', async () => {
    const { url } = await start({ maxUnfinishedUploads: 3 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => createUpload(url, PACKAGE, { submissionId: ID, token: TOKEN })));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(5);
  });

  it('sweeps orphaned halves of uploads (data without its .json, .json without its data) at start and while running', async () => {
    const uploads = join(dataDir, 'uploads');
    await mkdir(uploads, { recursive: true });
    await writeFile(join(uploads, 'a'.repeat(32)), 'half of an upload');
    await writeFile(join(uploads, `${'b'.repeat(32)}.json`), '{"id":"bbbb","size":10}');
    // Left by a crash two minutes before the restart; a fresh half may be another instance's upload in the making.
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    for (const name of ['a'.repeat(32), `${'b'.repeat(32)}.json`]) await utimes(join(uploads, name), twoMinutesAgo, twoMinutesAgo);
    await writeFile(join(uploads, 'd'.repeat(32)), 'a half another instance is writing now');
    await start({ uploadExpiryMs: 60_000 });
    expect(await uploadsLeft()).toEqual(['d'.repeat(32)]);
    await rm(join(uploads, 'd'.repeat(32)));
    expect(await uploadsLeft()).toEqual([]);

    await platform!.close();
    await start({ uploadExpiryMs: 300 });
    await writeFile(join(uploads, 'c'.repeat(32)), 'another half');
    await waitFor(async () => (await uploadsLeft()).length === 0, 3_000);
  });

  it('answers 507 below the free-space reserve, retryably, and says so in /health in a shape older clients still read', async () => {
    const { url } = await start({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    const health = HealthSchema.parse(await (await fetch(new URL(ROUTES.health, url))).json());
    expect(health).toEqual({ status: 'ok', protocol: PROTOCOL_VERSION, storage: 'low' });
    expect(HealthSchema.parse({ status: 'ok', protocol: PROTOCOL_VERSION })).toEqual({ status: 'ok', protocol: PROTOCOL_VERSION });
    await expectRefusal(await createUpload(url, PACKAGE, { submissionId: ID, token: TOKEN }), 507, 'insufficient-storage');
    expect(isFinalRejection('insufficient-storage')).toBe(false);
    expect(await uploadsLeft()).toEqual([]);
  });

  it('refuses the rest of an upload with 507 once the disk runs low while it is under way', async () => {
    const location = await abandonUpload((await start()).url);
    await platform!.close();
    await start({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    const moved = location.replace(/^http:\/\/[^/]+/, platform!.url);
    await expectRefusal(await patchUpload(moved, PACKAGE, HALF, TOKEN), 507, 'insufficient-storage');
  });
});
