import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { buildPackage } from '../../../core/package/build-package';
import { PLATFORM_DOCUMENT_PATH, PlatformDocumentSchema } from '../../../core/protocol/platform-document';
import { CoverageSchema, ReceiptSchema, ROUTES, type Receipt } from '../../../core/protocol/reference-protocol';
import { checkReceipt } from '../../../node/receipts/receipt-signature';
import { issueToken } from '../../../platform/credentials';
import { startPlatform, type Platform } from '../../../platform/platform-server';
import { openSqliteStore } from '../../../platform/store/sqlite-store';
import { ID, OTHER_ID, packageInput } from '../../support/package-fixtures';
import { auth, expectRefusal, upload } from '../../support/platform-requests';
import { issueUnitToken, OFFICE, TOKEN, UNIT } from '../../support/submission-fixtures';
import { POLICY_LETTER, progressPackage, progressReport, PROGRESS_ID, SERVICE_LETTER, tamperedProgressPackage } from './progress-fixtures';

/**
 * Progress packages over the same tus route, metadata and token as letters, against the real
 * platform on loopback: the service centre (TOKEN) delivered the letter ID, the reform bureau the
 * letter OTHER_ID.
 */
const LETTER = buildPackage(packageInput());
const BUREAU_LETTER = buildPackage(packageInput({ letter: POLICY_LETTER, submissionId: OTHER_ID }));
const PROGRESS = progressPackage(progressReport(SERVICE_LETTER, ID));
const NOW = new Date('2026-07-05T02:00:00.000Z');
const BUREAU_TOKEN = 'bureau-test-token';

let dataDir: string;
let platform: Platform;
let operator: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-progress-'));
  await issueUnitToken(dataDir);
  await issueToken(dataDir, { unit: POLICY_LETTER.unit.creditCode, name: POLICY_LETTER.unit.name }, BUREAU_TOKEN);
  operator = (await issueToken(dataDir, { operator: true, name: '市信用办' })).token;
  platform = await startPlatform({ dataDir, port: 0, identity: OFFICE, now: () => NOW, log: () => undefined });
  expect((await send(LETTER, ID)).status).toBe(200);
  expect((await send(BUREAU_LETTER, OTHER_ID, BUREAU_TOKEN)).status).toBe(200);
});

afterEach(async () => {
  await platform.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** As `pledge send` does: the package's own submission id, its hash and the unit's code in Upload-Metadata. */
const send = (bytes: Uint8Array, submissionId: string, token = TOKEN, creditCode?: string) =>
  upload(platform.url, bytes, {
    submissionId,
    token,
    metadata: { filename: `${submissionId}.zip`, submissionId, sha256: sha256Hex(bytes), ...(creditCode === undefined ? {} : { creditCode }) },
  });
const get = (path: string, token = TOKEN) => fetch(new URL(path, platform.url), { headers: auth(token) });

async function receiptFrom(response: Response): Promise<{ receipt: Receipt; text: string }> {
  expect(response.status).toBe(200);
  const text = await response.text();
  return { receipt: ReceiptSchema.parse(JSON.parse(text)), text };
}

describe('progress packages on the platform', () => {
  it('accepts a report of a delivered letter with a signed receipt of its own, without a 承诺编码, and keeps the package', async () => {
    const { receipt, text } = await receiptFrom(await send(PROGRESS, PROGRESS_ID, TOKEN, UNIT.code));
    expect(receipt).toEqual({
      receiptId: expect.any(String),
      submissionId: PROGRESS_ID,
      sha256: sha256Hex(PROGRESS),
      receivedAt: NOW.toISOString(),
      unit: { name: UNIT.name, creditCode: UNIT.code },
      platform: OFFICE,
      year: 2026,
      signature: expect.anything(),
    });
    expect(receipt).not.toHaveProperty('commitmentCode');
    const document = PlatformDocumentSchema.parse(await (await fetch(new URL(PLATFORM_DOCUMENT_PATH, platform.url))).json());
    expect(checkReceipt(JSON.parse(text), document.receiptKey)).toEqual({ result: 'verified', keyId: document.receiptKey.keyId });

    // Asked for by id, as a client does before sending: the same bytes.
    expect(await (await get(ROUTES.receipt(PROGRESS_ID))).text()).toBe(text);
    await expectRefusal(await get(ROUTES.receipt(PROGRESS_ID), BUREAU_TOKEN), 404, 'not-found');

    expect(await readFile(join(dataDir, 'packages', 'progress', `${PROGRESS_ID}.zip`))).toEqual(Buffer.from(PROGRESS));
    expect((await readdir(join(dataDir, 'packages'))).sort()).toEqual([`${ID}.zip`, `${OTHER_ID}.zip`, 'progress'].sort());
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);

    const store = await openSqliteStore(dataDir);
    try {
      expect(await store.progress.find(PROGRESS_ID)).toMatchObject({ letterSubmissionId: ID, creditCode: UNIT.code, year: 2026, period: '2026-Q2', receiptId: receipt.receiptId, size: PROGRESS.byteLength });
      expect((await store.progress.listForLetter(ID)).map((report) => report.items)).toEqual([
        [
          { number: 1, status: '推进中' },
          { number: 2, status: '未启动' },
          { number: 3, status: '未启动' },
          { number: 4, status: '未启动' },
        ],
      ]);
    } finally {
      await store.close();
    }
  });

  it('answers the same bytes again with the same receipt, and other bytes under the id with a conflict', async () => {
    const first = await receiptFrom(await send(PROGRESS, PROGRESS_ID));
    expect((await receiptFrom(await send(PROGRESS, PROGRESS_ID))).text).toBe(first.text);
    const later = progressPackage(progressReport(SERVICE_LETTER, ID, (report) => ({ ...report, period: '2026-Q3' })));
    expect(await expectRefusal(await send(later, PROGRESS_ID), 409, 'conflict')).toContain(PROGRESS_ID);
    // A letter's id is taken for a report too, and a report's for a letter.
    await expectRefusal(await send(progressPackage(progressReport(SERVICE_LETTER, ID), ID), ID), 409, 'conflict');
    await expectRefusal(await send(buildPackage(packageInput({ submissionId: PROGRESS_ID })), PROGRESS_ID), 409, 'conflict');
    expect(await readdir(join(dataDir, 'packages', 'progress'))).toEqual([`${PROGRESS_ID}.zip`]);
  });

  it('refuses a report sent with another unit’s credential, and an operator’s', async () => {
    const message = await expectRefusal(await send(PROGRESS, PROGRESS_ID, BUREAU_TOKEN), 403, 'forbidden');
    expect(message).toContain('进展报告');
    expect(message).toContain(UNIT.code);
    await expectRefusal(await send(PROGRESS, PROGRESS_ID, operator), 403, 'forbidden');
    await expectRefusal(await get(ROUTES.receipt(PROGRESS_ID)), 404, 'not-found');
  });

  it('refuses a report naming another unit’s letter, a letter never received and a letter of another year', async () => {
    // The service centre's own report, but of the reform bureau's letter.
    const ofOther = progressPackage(progressReport(SERVICE_LETTER, OTHER_ID));
    expect(await expectRefusal(await send(ofOther, PROGRESS_ID), 403, 'forbidden')).toContain(OTHER_ID);
    // The reform bureau's report of its own letter, sent by the service centre.
    await expectRefusal(await send(progressPackage(progressReport(POLICY_LETTER, OTHER_ID)), PROGRESS_ID), 403, 'forbidden');

    const unknown = randomUUID();
    expect(await expectRefusal(await send(progressPackage(progressReport(SERVICE_LETTER, unknown)), PROGRESS_ID), 422, 'invalid-package')).toContain(unknown);
    const nextYear = progressPackage(progressReport(SERVICE_LETTER, ID, (report) => ({ ...report, year: 2027, period: '2027-Q1' })));
    expect(await expectRefusal(await send(nextYear, PROGRESS_ID), 422, 'invalid-package')).toContain('2027');
    // None of them took the id: the right report is accepted under it afterwards.
    expect((await send(PROGRESS, PROGRESS_ID)).status).toBe(200);
  });

  it('refuses a tampered progress package as invalid, and one whose manifest names another id than the upload', async () => {
    await expectRefusal(await send(tamperedProgressPackage(PROGRESS), PROGRESS_ID), 422, 'invalid-package');
    expect(await expectRefusal(await send(PROGRESS, randomUUID()), 422, 'invalid-package')).toContain(PROGRESS_ID);
    expect(await readdir(join(dataDir, 'packages'))).not.toContain('progress');
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
  });

  it('counts no report as a letter: the listing, coverage, records and the public column stay as they were', async () => {
    const views = async () => ({
      submissions: await (await get(ROUTES.submissions)).text(),
      all: await (await get(ROUTES.submissions, operator)).text(),
      // The protocol's figures; the fulfilment beside them is about reports (progress-coverage.test.ts).
      coverage: CoverageSchema.omit({ fulfilment: true }).parse(await (await get('/coverage?year=2026', operator)).json()),
      records: await (await get('/records?year=2026&format=csv', operator)).text(),
      column: await (await fetch(new URL('/public?year=2026', platform.url))).text(),
    });
    const before = await views();
    expect((await send(PROGRESS, PROGRESS_ID)).status).toBe(200);
    expect(await views()).toEqual(before);
    expect(before.submissions).not.toContain(PROGRESS_ID);
  });
});
