import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackage } from '../../core/package/build-package';
import { ReceiptSchema, ROUTES, SubmissionListingSchema, type Receipt } from '../../core/protocol/reference-protocol';
import { verifyInProcess } from '../../platform/accept-package';
import { issueToken } from '../../platform/credentials';
import { startPlatform, type Platform, type PlatformOptions } from '../../platform/platform-server';
import { ID, packageInput } from '../support/package-fixtures';
import { auth, createUpload, patchUpload, TUS, upload } from '../support/platform-requests';
import { createTestDatabase } from '../support/postgres-server';
import { OFFICE, TOKEN, UNIT } from '../support/submission-fixtures';

/**
 * Two platform instances on one PostgreSQL database and one data folder, as behind a load
 * balancer: whichever instance a request reaches, they behave as one platform.
 */
const PACKAGE = buildPackage(packageInput());

let dataDir: string;
let database: string;
let a: Platform;
let b: Platform;

const start = (options: Partial<PlatformOptions> = {}) => startPlatform({ dataDir, database, port: 0, identity: OFFICE, ...options });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-two-instances-'));
  database = await createTestDatabase();
  await issueToken({ dataDir, database }, { unit: UNIT.code, name: UNIT.name }, TOKEN);
  [a, b] = await Promise.all([start(), start()]);
});

afterEach(async () => {
  await Promise.all([a.close(), b.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

async function receiptFrom(response: Response): Promise<Receipt> {
  expect(response.status).toBe(200);
  return ReceiptSchema.parse(await response.json());
}

const get = (platform: Platform, path: string) => fetch(new URL(path, platform.url), { headers: auth(TOKEN) });
const listed = async (platform: Platform) => SubmissionListingSchema.array().parse(((await (await get(platform, ROUTES.submissions)).json()) as { submissions: unknown }).submissions);
const storedPackages = () => readdir(join(dataDir, 'packages'));

describe('two platform instances on one database and one data folder', () => {
  it('resumes on one instance an upload started on the other, and answers its receipt from both', async () => {
    const created = await createUpload(a.url, PACKAGE, { submissionId: ID, token: TOKEN });
    expect(created.status).toBe(201);
    const onA = created.headers.get('location')!;
    const half = Math.floor(PACKAGE.byteLength / 2);
    expect((await patchUpload(onA, PACKAGE.slice(0, half), 0, TOKEN)).status).toBe(204);

    // The same upload, asked for at the other instance.
    const onB = new URL(new URL(onA).pathname, b.url).toString();
    const head = await fetch(onB, { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(half);
    const receipt = await receiptFrom(await patchUpload(onB, PACKAGE, half, TOKEN));

    expect(receipt.submissionId).toBe(ID);
    expect(await receiptFrom(await get(a, ROUTES.receipt(ID)))).toEqual(receipt);
    expect(await storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('stores a package sent to both at once once, with one receipt and one 承诺编码', async () => {
    // Each instance's check waits until both are checking: both get past every lookup, and the database alone decides.
    await Promise.all([a.close(), b.close()]);
    let started = 0;
    let bothChecking!: () => void;
    const barrier = new Promise<void>((resolve) => (bothChecking = resolve));
    const verify = async (bytes: Uint8Array) => {
      if (++started === 2) bothChecking();
      await barrier;
      return verifyInProcess(bytes);
    };
    [a, b] = await Promise.all([start({ verify }), start({ verify })]);

    const [fromA, fromB] = await Promise.all([upload(a.url, PACKAGE, { submissionId: ID, token: TOKEN }), upload(b.url, PACKAGE, { submissionId: ID, token: TOKEN })]);
    const [receiptA, receiptB] = [await receiptFrom(fromA), await receiptFrom(fromB)];

    expect(started).toBe(2);
    expect(receiptB).toEqual(receiptA);
    expect(receiptA.commitmentCode).toBe('23990020260420000001');
    expect(await storedPackages()).toEqual([`${ID}.zip`]);
    expect((await listed(a)).map((listing) => listing.receiptId)).toEqual([receiptA.receiptId]);
    expect(await listed(b)).toEqual(await listed(a));
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
  });

  it('never gives two letters one 承诺编码, whichever instance accepts them', async () => {
    const ids = Array.from({ length: 8 }, () => randomUUID());
    const receipts = await Promise.all(
      ids.map(async (submissionId, i) => receiptFrom(await upload((i % 2 === 0 ? a : b).url, buildPackage(packageInput({ submissionId })), { submissionId, token: TOKEN }))),
    );
    const codes = receipts.map((receipt) => receipt.commitmentCode!).sort();
    expect(codes).toEqual(ids.map((_, i) => `23990020260420${String(i + 1).padStart(6, '0')}`));
    expect((await listed(b)).map((listing) => listing.submissionId).sort()).toEqual([...ids].sort());
  });
});
