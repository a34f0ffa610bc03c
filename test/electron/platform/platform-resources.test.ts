import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReceiptSchema } from '../../../core/sync/reference-protocol';
import { startPlatform, type Platform, type PlatformEvent, type PlatformOptions } from '../../../electron/platform/platform-server';
import { ID } from '../../core/package/package-fixtures';
import { bigPackage } from '../sync/sync-fixtures';
import { auth, createUpload, patchUpload, TUS } from './platform-client';

const TOKEN = 'resources-token';
/** Large enough that hashing and reading it take many turns of the event loop. */
const PACKAGE = bigPackage(1024 * 1024);
const HALF = Math.floor(PACKAGE.byteLength / 2);

let dataDir: string;
let platform: Platform | undefined;

const start = async (options: Partial<PlatformOptions> = {}) => {
  platform = await startPlatform({ dataDir, port: 0, token: TOKEN, ...options });
  return platform;
};
const uploadsLeft = () => readdir(join(dataDir, 'uploads'));

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-platform-resources-'));
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
    expect(new Uint8Array(await readFile(join(dataDir, 'packages', `${ID}.zip`)))).toEqual(PACKAGE);
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
});
