import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { buildPackage } from '../../core/package/build-package';
import { letterFromTemplate } from '../../core/letter/templates';
import { CredentialInfoSchema, isFinalRejection, ReceiptSchema, ROUTES, SubmissionListingSchema } from '../../core/protocol/reference-protocol';
import { issueToken, revokeToken } from '../../platform/credentials';
import { startPlatform, type Platform } from '../../platform/platform-server';
import { ID, OTHER_ID, packageInput } from '../support/package-fixtures';
import { issueUnitToken, OFFICE, TOKEN as UNIT_A } from '../support/submission-fixtures';
import { auth, createUpload, expectRefusal, patchUpload, TUS, upload } from '../support/platform-requests';

/**
 * Two units and an operator on the real platform: unit A (青山县政务服务中心, the fixtures' letter),
 * unit B (青山县发展和改革局) and the city credit office.
 */
const UNIT_B_CODE = '112399210035830292';
const THIRD_ID = '9c4e2a1b-7d3f-4b6a-8e5c-1f2a3b4c5d6e';
const PACKAGE_A = buildPackage(packageInput());
const PACKAGE_B = buildPackage(packageInput({ letter: letterFromTemplate('policy', { year: 2026 }), submissionId: OTHER_ID }));

let dataDir: string;
let platform: Platform;
let unitB: string;
let unitBId: number;
let operator: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-platform-identity-'));
  await issueUnitToken(dataDir);
  ({ token: unitB, id: unitBId } = await issueToken(dataDir, { unit: UNIT_B_CODE, name: '青山县发展和改革局' }));
  ({ token: operator } = await issueToken(dataDir, { operator: true, name: '市信用办 王敏' }));
  platform = await startPlatform({ dataDir, port: 0, identity: OFFICE });
});

afterEach(async () => {
  await platform.close();
  await rm(dataDir, { recursive: true, force: true });
});

const get = (path: string, token: string) => fetch(new URL(path, platform.url), { headers: auth(token) });
const send = (bytes: Uint8Array, token: string, submissionId = ID) => upload(platform.url, bytes, { submissionId, token });
const storedPackages = () => readdir(join(dataDir, 'packages'));
const listed = async (token: string) => {
  const response = await get(ROUTES.submissions, token);
  expect(response.status).toBe(200);
  const { submissions } = (await response.json()) as { submissions: unknown[] };
  return submissions.map((row) => SubmissionListingSchema.parse(row).submissionId).sort();
};

async function accepted(response: Response) {
  expect(response.status).toBe(200);
  return ReceiptSchema.parse(await response.json());
}

describe('reference platform identity: per-unit and operator credentials', () => {
  it('refuses as final (403 forbidden) a package of another unit, checked on the verified manifest, and stores nothing', async () => {
    const message = await expectRefusal(await send(PACKAGE_A, unitB), 403, 'forbidden');
    expect(message).toContain('122399214012770352');
    expect(isFinalRejection('forbidden')).toBe(true);
    expect(await storedPackages()).toEqual([]);
    await expectRefusal(await get(ROUTES.receipt(ID), UNIT_A), 404, 'not-found');
    // Its own unit's package goes in with the same token.
    await accepted(await send(PACKAGE_B, unitB, OTHER_ID));
  });

  it('refuses another unit declared in the upload metadata at creation, before any byte is sent', async () => {
    const created = await createUpload(platform.url, PACKAGE_A, {
      submissionId: ID,
      token: unitB,
      metadata: { filename: `${ID}.zip`, submissionId: ID, sha256: sha256Hex(PACKAGE_A), creditCode: '122399214012770352' },
    });
    await expectRefusal(created, 403, 'forbidden');
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
  });

  it('refuses a declared unit code that is not one, without repeating it (5 000 characters were echoed in the 403)', async () => {
    const long = 'A'.repeat(5000);
    const created = await createUpload(platform.url, PACKAGE_A, { submissionId: ID, token: UNIT_A, metadata: { filename: `${ID}.zip`, submissionId: ID, sha256: sha256Hex(PACKAGE_A), creditCode: long } });
    expect(await expectRefusal(created, 400, 'bad-metadata')).not.toContain('AAAA');
  });

  it('lists and gives receipts of the caller’s unit only; another unit’s id is 404, not 403; the operator sees all', async () => {
    await accepted(await send(PACKAGE_A, UNIT_A));
    await accepted(await send(PACKAGE_B, unitB, OTHER_ID));

    expect(await listed(UNIT_A)).toEqual([ID]);
    expect(await listed(unitB)).toEqual([OTHER_ID]);
    expect(await listed(operator)).toEqual([ID, OTHER_ID].sort());

    await accepted(await get(ROUTES.receipt(ID), UNIT_A));
    const hidden = await expectRefusal(await get(ROUTES.receipt(ID), unitB), 404, 'not-found');
    // Word for word what an id nobody sent gets, so B cannot tell A's ids from invented ones.
    const unknown = await expectRefusal(await get(ROUTES.receipt(THIRD_ID), unitB), 404, 'not-found');
    expect(hidden.replace(ID, THIRD_ID)).toBe(unknown);
    await accepted(await get(ROUTES.receipt(ID), operator));
    await accepted(await get(ROUTES.receipt(OTHER_ID), operator));
  });

  it('lets no unit supersede another unit’s submission, so the real unit’s correction still goes in', async () => {
    await accepted(await send(PACKAGE_A, UNIT_A));
    // B writes a manifest in A's name that replaces A's submission.
    const forged = buildPackage(packageInput({ submissionId: OTHER_ID, supersedes: ID }));
    await expectRefusal(await send(forged, unitB, OTHER_ID), 403, 'forbidden');
    // B's own letter claiming to correct A's submission: answered as if A's did not exist.
    const foreign = buildPackage(packageInput({ letter: letterFromTemplate('policy', { year: 2026 }), submissionId: OTHER_ID, supersedes: ID }));
    expect(await expectRefusal(await send(foreign, unitB, OTHER_ID), 422, 'invalid-package')).toContain('不在本单位已送达平台的提交中');

    const correction = buildPackage(packageInput({ submissionId: THIRD_ID, supersedes: ID }));
    expect((await accepted(await send(correction, UNIT_A, THIRD_ID))).supersedes).toBe(ID);
    expect(await listed(operator)).toEqual([ID, THIRD_ID].sort());
  });

  it('refuses another unit’s submission id, even with the very bytes that unit sent', async () => {
    await accepted(await send(PACKAGE_A, UNIT_A));
    await expectRefusal(await createUpload(platform.url, PACKAGE_A, { submissionId: ID, token: unitB }), 403, 'forbidden');
  });

  it('takes no submission from an operator’s token', async () => {
    await expectRefusal(await send(PACKAGE_A, operator), 403, 'forbidden');
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
  });

  it('keeps an upload in progress to the credential that created it: HEAD and PATCH with any other token are 404', async () => {
    const created = await createUpload(platform.url, PACKAGE_A, { submissionId: ID, token: UNIT_A });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    // A second credential of the same unit is still another credential.
    const { token: unitA2 } = await issueToken(dataDir, { unit: '122399214012770352', name: '青山县政务服务中心（备用）' });
    for (const other of [unitB, operator, unitA2]) {
      expect((await fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(other) } })).status).toBe(404);
      await expectRefusal(await patchUpload(location, PACKAGE_A, 0, other), 404, 'not-found');
    }
    const head = await fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(UNIT_A) } });
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('0');
    await accepted(await patchUpload(location, PACKAGE_A, 0, UNIT_A));
  });

  it('stamps the owner itself: an owner named in the client’s metadata is overwritten', async () => {
    const metadata = { filename: `${OTHER_ID}.zip`, submissionId: OTHER_ID, sha256: sha256Hex(PACKAGE_B), pledgeOwner: '1' };
    const created = await createUpload(platform.url, PACKAGE_B, { submissionId: OTHER_ID, token: unitB, metadata });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect((await fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(UNIT_A) } })).status).toBe(404);
    expect((await fetch(location, { method: 'HEAD', headers: { ...TUS, ...auth(unitB) } })).status).toBe(200);
  });

  it('refuses a revoked token with 401 at once, and takes a token issued while the platform runs', async () => {
    expect((await get(ROUTES.submissions, unitB)).status).toBe(200);
    expect(await revokeToken(dataDir, unitBId)).toBe(true);
    await expectRefusal(await get(ROUTES.submissions, unitB), 401, 'unauthorized');
    await expectRefusal(await send(PACKAGE_B, unitB, OTHER_ID), 401, 'unauthorized');
    expect(await revokeToken(dataDir, unitBId)).toBe(false);

    const { token: fresh } = await issueToken(dataDir, { unit: UNIT_B_CODE });
    await accepted(await send(PACKAGE_B, fresh, OTHER_ID));
  });

  it('answers /credential with the caller’s own unit and name only, the operator as an operator, and 401 for a revoked or unknown token', async () => {
    const whoIs = async (token: string) => {
      const response = await get(ROUTES.credential, token);
      expect(response.status).toBe(200);
      return CredentialInfoSchema.parse(await response.json());
    };
    expect(await whoIs(UNIT_A)).toEqual({ kind: 'unit', creditCode: '122399214012770352', name: '青山县政务服务中心' });
    const answerB = await whoIs(unitB);
    expect(answerB).toEqual({ kind: 'unit', creditCode: UNIT_B_CODE, name: '青山县发展和改革局' });
    expect(JSON.stringify(answerB)).not.toContain('122399214012770352');
    expect(await whoIs(operator)).toEqual({ kind: 'operator', name: '市信用办 王敏' });
    await expectRefusal(await get(ROUTES.credential, 'pledge_unknown'), 401, 'unauthorized');
    await revokeToken(dataDir, unitBId);
    await expectRefusal(await get(ROUTES.credential, unitB), 401, 'unauthorized');
  });
});
