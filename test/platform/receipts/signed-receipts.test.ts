import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLATFORM_DOCUMENT_PATH, PlatformDocumentSchema } from '../../../core/protocol/platform-document';
import { PROTOCOL_VERSION, ReceiptSchema, ROUTES } from '../../../core/protocol/reference-protocol';
import { checkReceipt } from '../../../node/receipts/receipt-signature';
import { openReceiptKey, readOrCreateReceiptKey, RECEIPT_KEY_FILE } from '../../../platform/identity/receipt-key';
import { buildPackage } from '../../../core/package/build-package';
import { ID, packageInput } from '../../support/package-fixtures';
import { auth, upload } from '../../support/platform-requests';
import { OFFICE, startTestPlatform, TOKEN, UNIT } from '../../support/submission-fixtures';
import { runCli } from '../../cli/run-cli';

const PACKAGE = buildPackage(packageInput());
let server: Awaited<ReturnType<typeof startTestPlatform>>;

beforeEach(async () => {
  server = await startTestPlatform();
});
afterEach(() => server.stop());

const wellKnown = () => fetch(new URL(PLATFORM_DOCUMENT_PATH, server.platform.url));

describe('signed receipts and the well-known document', () => {
  it('publishes the office and its receipt key at /.well-known/pledge-platform.json, without a credential', async () => {
    const response = await wellKnown();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const document = PlatformDocumentSchema.parse(await response.json());
    expect(document).toEqual({ protocol: PROTOCOL_VERSION, platform: OFFICE, receiptKey: (await openReceiptKey(server.dataDir)).key });
    // The same document from every request.
    expect(await (await wellKnown()).text()).toBe(JSON.stringify(document));
  });

  it('signs the receipt of an upload with that key; fetched again it is the same bytes; any change is found', async () => {
    const document = PlatformDocumentSchema.parse(await (await wellKnown()).json());
    const answer = await upload(server.platform.url, PACKAGE, { submissionId: ID, token: TOKEN });
    expect(answer.status).toBe(200);
    const first = await answer.text();
    const receipt = ReceiptSchema.parse(JSON.parse(first));
    expect(receipt).toMatchObject({ submissionId: ID, unit: { name: UNIT.name, creditCode: UNIT.code }, platform: OFFICE, year: 2026 });
    expect(receipt.commitmentCode).toMatch(/^239900\d{14}$/);
    expect(checkReceipt(JSON.parse(first), document.receiptKey)).toEqual({ result: 'verified', keyId: document.receiptKey.keyId });

    const again = await fetch(new URL(ROUTES.receipt(ID), server.platform.url), { headers: auth(TOKEN) });
    expect(await again.text()).toBe(first);
    // The same package sent again gets the original receipt, byte for byte.
    expect(await (await upload(server.platform.url, PACKAGE, { submissionId: ID, token: TOKEN })).text()).toBe(first);

    expect(checkReceipt({ ...receipt, receivedAt: '2026-01-01T00:00:00.000Z' }, document.receiptKey).result).toBe('forged');
  });

  it('is verified by pledge receipt verify against the platform’s own address', async () => {
    const answer = await upload(server.platform.url, PACKAGE, { submissionId: ID, token: TOKEN });
    const file = join(server.dataDir, 'receipt.json');
    await writeFile(file, await answer.text());
    const result = await runCli(['receipt', 'verify', file, '--platform', server.platform.url], new Date());
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(OFFICE.name);
  });
});

describe('the receipt key file', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pledge-receipt-key-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('is made once, 0600, when several start together: every one ends with the winner’s key and no stray file', async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, () => readOrCreateReceiptKey(dataDir)));
    expect(new Set(keys.map((key) => key.key.keyId)).size).toBe(1);
    expect(await readdir(dataDir)).toEqual([RECEIPT_KEY_FILE]);
    if (process.platform !== 'win32') expect((await stat(join(dataDir, RECEIPT_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect((await readOrCreateReceiptKey(dataDir)).key).toEqual(keys[0]!.key);
    expect(await readFile(join(dataDir, RECEIPT_KEY_FILE), 'utf8')).toContain('BEGIN PRIVATE KEY');
  });

  it('refuses a key file that is not an Ed25519 key, naming the file, and never replaces it', async () => {
    await writeFile(join(dataDir, RECEIPT_KEY_FILE), 'not a key');
    await expect(readOrCreateReceiptKey(dataDir)).rejects.toThrow(RECEIPT_KEY_FILE);
    expect(await readFile(join(dataDir, RECEIPT_KEY_FILE), 'utf8')).toBe('not a key');
  });
});
