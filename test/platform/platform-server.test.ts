import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { buildPackage } from '../../core/package/build-package';
import { verifyPackage } from '../../core/package/verify-package';
import { HealthSchema, isFinalRejection, ReceiptSchema, ROUTES, SubmissionListingSchema, type Receipt } from '../../core/protocol/reference-protocol';
import { startPlatform, type Platform, type PlatformOptions } from '../../platform/platform-server';
import { editManifest, ID, OTHER_ID, packageInput, tamper } from '../support/package-fixtures';
import { issueUnitToken, OFFICE, TOKEN } from '../support/submission-fixtures';
import { auth, createUpload, encodeMetadata, expectRefusal, patchUpload, TUS, upload } from '../support/platform-requests';

const PACKAGE = buildPackage(packageInput());
const NOW = new Date('2026-05-01T02:00:00.000Z');

let dataDir: string;
let platform: Platform;

const start = (options: Partial<PlatformOptions> = {}) => startPlatform({ dataDir, port: 0, identity: OFFICE, now: () => NOW, ...options });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-platform-'));
  await issueUnitToken(dataDir);
  platform = await start();
});

afterEach(async () => {
  await platform.close();
  await rm(dataDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = auth(TOKEN)) => fetch(new URL(path, platform.url), { headers });
const send = (bytes: Uint8Array, options: { submissionId?: string; sha256?: string } = {}) => upload(platform.url, bytes, { submissionId: ID, token: TOKEN, ...options });

async function receiptFrom(response: Response): Promise<Receipt> {
  expect(response.status).toBe(200);
  return ReceiptSchema.parse(await response.json());
}

const storedPackages = () => readdir(join(dataDir, 'packages'));
const leftoverUploads = () => readdir(join(dataDir, 'uploads'));

describe('reference platform', () => {
  it('listens on loopback and answers /health without a token', async () => {
    expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(new URL(ROUTES.health, platform.url));
    expect(response.status).toBe(200);
    expect(HealthSchema.parse(await response.json())).toEqual({ status: 'ok', protocol: 'pledge-sync/1', storage: 'ok' });
  });

  it('answers a malformed URL with 400 and keeps running', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(platform.url);
      const req = request({ host: url.hostname, port: url.port, path: '//[', method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    expect((await fetch(new URL(ROUTES.health, platform.url))).status).toBe(200);
  });

  it('refuses every other route without the right bearer token', async () => {
    await expectRefusal(await get(ROUTES.submissions, {}), 401, 'unauthorized');
    await expectRefusal(await get(ROUTES.submissions, auth('wrong')), 401, 'unauthorized');
    await expectRefusal(await get(ROUTES.receipt(ID), { Authorization: TOKEN }), 401, 'unauthorized');
    await expectRefusal(await upload(platform.url, PACKAGE, { submissionId: ID }), 401, 'unauthorized');
    await expectRefusal(await upload(platform.url, PACKAGE, { submissionId: ID, token: 'wrong' }), 401, 'unauthorized');
    expect(await storedPackages()).toEqual([]);
  });

  it('accepts a package, answers the receipt in the finishing PATCH, and gives it again by submission id', async () => {
    const receipt = await receiptFrom(await send(PACKAGE));
    expect(receipt).toMatchObject({ submissionId: ID, sha256: sha256Hex(PACKAGE), receivedAt: NOW.toISOString() });
    expect(receipt.supersedes).toBeUndefined();
    expect(await receiptFrom(await get(ROUTES.receipt(ID)))).toEqual(receipt);
    expect(new Uint8Array(await readFile(join(dataDir, 'packages', `${ID}.zip`)))).toEqual(PACKAGE);
    expect(await leftoverUploads()).toEqual([]);
  });

  it('gives each accepted letter its 承诺编码: the office’s region, the letter’s date and the next serial of that day', async () => {
    const receipt = await receiptFrom(await send(PACKAGE));
    // OFFICE receives for 239900; the fixtures' letter is dated 2026-04-20.
    expect(receipt.commitmentCode).toBe('23990020260420000001');
    expect((await receiptFrom(await send(PACKAGE))).commitmentCode).toBe(receipt.commitmentCode);
    const second = buildPackage(packageInput({ submissionId: OTHER_ID, supersedes: ID }));
    expect((await receiptFrom(await send(second, { submissionId: OTHER_ID }))).commitmentCode).toBe('23990020260420000002');
    expect(await receiptFrom(await get(ROUTES.receipt(ID)))).toEqual(receipt);
  });

  it('resumes an interrupted upload from the offset HEAD reports', async () => {
    const created = await createUpload(platform.url, PACKAGE, { submissionId: ID, token: TOKEN });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const half = Math.floor(PACKAGE.byteLength / 2);
    const first = await patchUpload(location, PACKAGE.slice(0, half), 0, TOKEN);
    expect(first.status).toBe(204);

    const head = await fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(half);
    expect(Number(head.headers.get('upload-length'))).toBe(PACKAGE.byteLength);

    const receipt = await receiptFrom(await patchUpload(location, PACKAGE, half, TOKEN));
    expect(receipt.sha256).toBe(sha256Hex(PACKAGE));
    expect(await storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('accepts creation-with-upload: one POST carrying every byte answers 201 with the receipt', async () => {
    const response = await fetch(new URL(ROUTES.uploads, platform.url), {
      method: 'POST',
      headers: { ...TUS, ...auth(TOKEN), 'Upload-Length': String(PACKAGE.byteLength), 'Upload-Metadata': encodeMetadata({ submissionId: ID, sha256: sha256Hex(PACKAGE) }), 'Content-Type': 'application/offset+octet-stream' },
      body: PACKAGE.slice(),
    });
    expect(response.status).toBe(201);
    expect(ReceiptSchema.parse(await response.json()).submissionId).toBe(ID);
    expect(await storedPackages()).toEqual([`${ID}.zip`]);
  });

  it('forgets a finished upload, so a client that lost the answer asks for the receipt by id', async () => {
    const created = await createUpload(platform.url, PACKAGE, { submissionId: ID, token: TOKEN });
    const location = created.headers.get('location')!;
    const receipt = await receiptFrom(await patchUpload(location, PACKAGE, 0, TOKEN));
    expect((await fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(TOKEN) } })).status).toBe(404);
    expect(await receiptFrom(await get(ROUTES.receipt(ID)))).toEqual(receipt);
  });

  it('refuses at creation an id already taken by other bytes, before they are sent', async () => {
    await receiptFrom(await send(PACKAGE));
    const other = buildPackage(packageInput({ createdAt: new Date('2026-04-22T01:30:00.000Z') }));
    await expectRefusal(await createUpload(platform.url, other, { submissionId: ID, token: TOKEN }), 409, 'conflict');
  });

  it('answers the same package twice with the original receipt and keeps one copy', async () => {
    const first = await receiptFrom(await send(PACKAGE));
    const again = await receiptFrom(await send(PACKAGE));
    expect(again).toEqual(first);
    expect(await storedPackages()).toEqual([`${ID}.zip`]);
    expect(await leftoverUploads()).toEqual([]);
  });

  it('stores one copy when the same package finishes twice at once', async () => {
    const [a, b] = await Promise.all([send(PACKAGE), send(PACKAGE)]);
    expect(await receiptFrom(a)).toEqual(await receiptFrom(b));
    expect(await storedPackages()).toEqual([`${ID}.zip`]);
    expect(await leftoverUploads()).toEqual([]);
  });

  it('runs the injected package check, awaited, and refuses with its reason', async () => {
    await platform.close();
    const checked: number[] = [];
    platform = await start({
      verify: async (bytes) => {
        checked.push(bytes.byteLength);
        return { ok: false, reason: '检查未通过（测试）' };
      },
    });
    expect(await expectRefusal(await send(PACKAGE), 422, 'invalid-package')).toBe('检查未通过（测试）');
    expect(checked).toEqual([PACKAGE.byteLength]);
    expect(await storedPackages()).toEqual([]);
  });

  it('stores one package when uploads of one id finish together while a slow check is awaited; other bytes under it are a conflict', async () => {
    await platform.close();
    // Each check yields for a while, so both uploads are past their first index lookup before either is stored.
    platform = await start({ verify: async (bytes) => new Promise((resolve) => setTimeout(() => resolve(verifyPackage(bytes)), 150)) });
    const [a, b] = await Promise.all([send(PACKAGE), send(PACKAGE)]);
    expect(await receiptFrom(a)).toEqual(await receiptFrom(b));

    const first = buildPackage(packageInput({ submissionId: OTHER_ID }));
    const second = buildPackage(packageInput({ submissionId: OTHER_ID, createdAt: new Date('2026-04-22T01:30:00.000Z') }));
    const answers = await Promise.all([send(first, { submissionId: OTHER_ID }), send(second, { submissionId: OTHER_ID })]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers[0]!.status === 200 ? first : second;
    expect(sha256Hex(await readFile(join(dataDir, 'packages', `${OTHER_ID}.zip`)))).toBe(sha256Hex(winner));
    expect((await storedPackages()).sort()).toEqual([`${ID}.zip`, `${OTHER_ID}.zip`].sort());
    expect(await leftoverUploads()).toEqual([]);
  });

  it('refuses other bytes under a submission id accepted while they were on the way', async () => {
    const other = buildPackage(packageInput({ createdAt: new Date('2026-04-22T01:30:00.000Z') }));
    const pending = await createUpload(platform.url, other, { submissionId: ID, token: TOKEN });
    await receiptFrom(await send(PACKAGE));
    const message = await expectRefusal(await patchUpload(pending.headers.get('location')!, other, 0, TOKEN), 409, 'conflict');
    expect(message).toContain(ID);
    expect(new Uint8Array(await readFile(join(dataDir, 'packages', `${ID}.zip`)))).toEqual(PACKAGE);
  });

  it('refuses a tampered package with the verifier reason and stores nothing', async () => {
    const tampered = tamper((files) => {
      files['letter.pdf'] = new TextEncoder().encode('%PDF-1.7\n% changed after signing\n%%EOF\n');
    });
    const message = await expectRefusal(await send(tampered), 422, 'invalid-package');
    expect(message).toContain('letter.pdf');
    expect(await storedPackages()).toEqual([]);
    expect(await leftoverUploads()).toEqual([]);
    await expectRefusal(await get(ROUTES.receipt(ID)), 404, 'not-found');
  });

  it('refuses bytes whose SHA-256 is not the declared one as damaged on the way, worth sending again', async () => {
    await expectRefusal(await send(PACKAGE, { sha256: '0'.repeat(64) }), 422, 'hash-mismatch');
    expect(isFinalRejection('hash-mismatch')).toBe(false);
    expect(await storedPackages()).toEqual([]);
    expect(await leftoverUploads()).toEqual([]);
  });

  it('refuses a package whose manifest names another submission id', async () => {
    await expectRefusal(await send(PACKAGE, { submissionId: OTHER_ID }), 422, 'invalid-package');
    expect(await storedPackages()).toEqual([]);
  });

  it('refuses an upload without the required metadata before any byte is sent, as final', async () => {
    const response = await upload(platform.url, PACKAGE, { submissionId: ID, token: TOKEN, metadata: { filename: 'a.zip', submissionId: ID } });
    expect(await expectRefusal(response, 400, 'bad-metadata')).toContain('sha256');
    await expectRefusal(await send(PACKAGE, { submissionId: 'not-a-uuid' }), 400, 'bad-metadata');
    const deferred = await fetch(new URL(ROUTES.uploads, platform.url), {
      method: 'POST',
      headers: { ...TUS, ...auth(TOKEN), 'Upload-Defer-Length': '1', 'Upload-Metadata': encodeMetadata({ submissionId: ID, sha256: sha256Hex(PACKAGE) }) },
    });
    await expectRefusal(deferred, 400, 'bad-metadata');
    expect(isFinalRejection('bad-metadata')).toBe(true);
  });

  it('keeps tus offset mismatches and unknown uploads retryable, so a client resumes or starts afresh', async () => {
    const created = await createUpload(platform.url, PACKAGE, { submissionId: ID, token: TOKEN });
    const location = created.headers.get('location')!;
    const mismatch = await fetch(location, {
      method: 'PATCH',
      headers: { ...TUS, ...auth(TOKEN), 'Upload-Offset': '7', 'Content-Type': 'application/offset+octet-stream' },
      body: PACKAGE.slice(7),
    });
    await expectRefusal(mismatch, 409, 'bad-request');
    await expectRefusal(await patchUpload(`${platform.url}${ROUTES.uploads}no-such-upload`, PACKAGE, 0, TOKEN), 404, 'not-found');
    expect(isFinalRejection('bad-request')).toBe(false);
    expect(isFinalRejection('not-found')).toBe(false);
  });

  it('refuses a package over the size limit with 413', async () => {
    await platform.close();
    platform = await start({ maxBytes: 1024 });
    expect(PACKAGE.byteLength).toBeGreaterThan(1024);
    await expectRefusal(await send(PACKAGE), 413, 'too-large');
    expect(await leftoverUploads()).toEqual([]);
  });

  it('records supersession and lists every submission', async () => {
    const first = await receiptFrom(await send(PACKAGE));
    const correction = buildPackage(packageInput({ submissionId: OTHER_ID, supersedes: ID }));
    const second = await receiptFrom(await send(correction, { submissionId: OTHER_ID }));
    expect(second.supersedes).toBe(ID);
    expect(second.receiptId).not.toBe(first.receiptId);

    const listing = await get(ROUTES.submissions);
    expect(listing.status).toBe(200);
    const { submissions } = (await listing.json()) as { submissions: unknown[] };
    const rows = submissions.map((row) => SubmissionListingSchema.parse(row));
    expect(rows).toHaveLength(2);
    const original = rows.find((row) => row.submissionId === ID)!;
    // The receipt names the unit and the office and is signed; the row has the unit as fields of its own.
    const listed = ({ unit, platform: _office, signature: _signature, ...rest }: Receipt) => ({ ...rest, unitName: unit!.name, creditCode: unit!.creditCode });
    expect(original).toMatchObject({ ...listed(first), supersededBy: OTHER_ID, year: 2026, size: PACKAGE.byteLength });
    expect(original.unitName.length).toBeGreaterThan(0);
    expect(rows.find((row) => row.submissionId === OTHER_ID)).toMatchObject({ ...listed(second), size: correction.byteLength });
    expect(rows.find((row) => row.submissionId === OTHER_ID)!.supersededBy).toBeUndefined();
  });

  it('refuses a correction that arrives before the submission it supersedes, and takes it once the original is in', async () => {
    const correction = buildPackage(packageInput({ submissionId: OTHER_ID, supersedes: ID }));
    expect(await expectRefusal(await send(correction, { submissionId: OTHER_ID }), 422, 'invalid-package')).toContain(`提交 ${ID} 不在本单位已送达平台的提交中`);
    expect(await storedPackages()).toEqual([]);
    await receiptFrom(await send(PACKAGE));
    await receiptFrom(await send(correction, { submissionId: OTHER_ID }));
    const { submissions } = (await (await get(ROUTES.submissions)).json()) as { submissions: { submissionId: string; supersededBy?: string }[] };
    expect(submissions.find((row) => row.submissionId === ID)?.supersededBy).toBe(OTHER_ID);
  });

  it('refuses a correction of itself, or of a submission already corrected', async () => {
    await receiptFrom(await send(PACKAGE));
    const itself = buildPackage(packageInput({ submissionId: OTHER_ID, supersedes: OTHER_ID }));
    expect(await expectRefusal(await send(itself, { submissionId: OTHER_ID }), 422, 'invalid-package')).toContain('替代它自己');

    await receiptFrom(await send(buildPackage(packageInput({ submissionId: OTHER_ID, supersedes: ID })), { submissionId: OTHER_ID }));
    const THIRD_ID = '9c4e2a1b-7d3f-4b6a-8e5c-1f2a3b4c5d6e';
    const second = buildPackage(packageInput({ submissionId: THIRD_ID, supersedes: ID }));
    expect(await expectRefusal(await send(second, { submissionId: THIRD_ID }), 409, 'conflict')).toContain(`已被提交 ${OTHER_ID} 替代`);
    expect((await readdir(join(dataDir, 'packages'))).sort()).toEqual([`${ID}.zip`, `${OTHER_ID}.zip`].sort());
  });

  it('keeps receipts and the index across a restart on the same data folder', async () => {
    const receipt = await receiptFrom(await send(PACKAGE));
    await platform.close();
    platform = await start({ now: () => new Date('2027-01-01T00:00:00.000Z') });
    expect(await receiptFrom(await get(ROUTES.receipt(ID)))).toEqual(receipt);
    expect(await receiptFrom(await send(PACKAGE))).toEqual(receipt);
    const { submissions } = (await (await get(ROUTES.submissions)).json()) as { submissions: unknown[] };
    expect(submissions).toHaveLength(1);
  });

  it('answers 404 with an ErrorBody for an unknown receipt or route', async () => {
    expect(await expectRefusal(await get(ROUTES.receipt(OTHER_ID)), 404, 'not-found')).toContain(OTHER_ID);
    await expectRefusal(await get('/nowhere'), 404, 'not-found');
  });

  it('treats a package whose manifest was edited as invalid', async () => {
    const edited = tamper(editManifest((manifest) => Object.assign(manifest, { year: 1999 })));
    await expectRefusal(await send(edited), 422, 'invalid-package');
  });
});
