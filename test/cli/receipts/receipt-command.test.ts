import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../core/protocol/reference-protocol';
import { PLATFORM_DOCUMENT_PATH, type PlatformDocument } from '../../../core/protocol/platform-document';
import { receiptKeyOf, signReceipt } from '../../../node/receipts/receipt-signature';
import { startLoopbackServer, type LoopbackServer } from '../../support/loopback-server';
import { runCli } from '../run-cli';

const NOW = new Date('2026-03-02T08:00:00Z');
const OFFICE = { name: '青山市社会信用体系建设领导小组办公室', creditCode: '112399210035830292', regionCode: '239900' };
const { privateKey } = generateKeyPairSync('ed25519');
const DOCUMENT: PlatformDocument = { protocol: PROTOCOL_VERSION, platform: OFFICE, receiptKey: receiptKeyOf(privateKey) };
const OTHER_DOCUMENT: PlatformDocument = { ...DOCUMENT, receiptKey: receiptKeyOf(generateKeyPairSync('ed25519').privateKey) };
const RECEIPT = signReceipt(
  {
    receiptId: 'R-1',
    submissionId: '3f9d2c1e-8a4b-4c6d-9e0f-1a2b3c4d5e6f',
    sha256: 'b'.repeat(64),
    receivedAt: '2026-03-02T01:02:03.000Z',
    commitmentCode: '23990020260301000001',
    unit: { name: '青山县政务服务中心', creditCode: '122399214012770352' },
    platform: OFFICE,
    year: 2026,
  },
  privateKey,
);

let dir: string;
let server: LoopbackServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pledge-receipt-verify-'));
  server = await startLoopbackServer((request, response) => {
    if (request.url !== PLATFORM_DOCUMENT_PATH) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(DOCUMENT));
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return path;
}

const verify = async (receipt: unknown, document: unknown = DOCUMENT) => runCli(['receipt', 'verify', await file('receipt.json', receipt), '--platform', await file('platform.json', document)], NOW);

describe('pledge receipt verify', () => {
  it('exits 0 for a genuine receipt, against the document as a file, at its URL or at the platform’s address, and says who signed it', async () => {
    const genuine = await verify(RECEIPT);
    expect(genuine).toMatchObject({ code: 0, stderr: '' });
    expect(genuine.stdout).toContain('回执已验证');
    expect(genuine.stdout).toContain(OFFICE.name);
    expect(genuine.stdout).toContain('23990020260301000001');
    const receiptFile = await file('receipt.json', RECEIPT);
    expect((await runCli(['receipt', 'verify', receiptFile, '--platform', `${server.url}${PLATFORM_DOCUMENT_PATH}`], NOW)).code).toBe(0);
    expect((await runCli(['receipt', 'verify', receiptFile, '--platform', server.url], NOW)).code).toBe(0);
  });

  it('exits 1 when a field was changed, however small the change', async () => {
    for (const changed of [
      { ...RECEIPT, sha256: `c${RECEIPT.sha256.slice(1)}` },
      { ...RECEIPT, commitmentCode: '23990020260301000002' },
      { ...RECEIPT, unit: { ...RECEIPT.unit, name: '青山县发展和改革局' } },
      { ...RECEIPT, year: 2025 },
      { ...RECEIPT, note: '补充' },
    ]) {
      const result = await verify(changed);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('被改动');
    }
  });

  it('exits 1 when the signature was changed', async () => {
    const value = RECEIPT.signature.value;
    const result = await verify({ ...RECEIPT, signature: { ...RECEIPT.signature, value: `${value[0] === 'A' ? 'B' : 'A'}${value.slice(1)}` } });
    expect(result.code).toBe(1);
    expect((await verify({ ...RECEIPT, signature: { ...RECEIPT.signature, keyId: OTHER_DOCUMENT.receiptKey.keyId } }, OTHER_DOCUMENT)).code).toBe(1);
  });

  it('exits 1 against a document with another key, or with this key’s id over another key, or naming another office', async () => {
    const other = await verify(RECEIPT, OTHER_DOCUMENT);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('公布的公钥是');
    expect((await verify(RECEIPT, { ...DOCUMENT, receiptKey: { ...DOCUMENT.receiptKey, publicKey: OTHER_DOCUMENT.receiptKey.publicKey } })).code).toBe(1);
    const renamed = await verify(RECEIPT, { ...DOCUMENT, platform: { ...OFFICE, name: '白河市信用办' } });
    expect(renamed.code).toBe(1);
    expect(renamed.stdout).toContain('不一致');
  });

  it('exits 1 for a receipt without a signature, saying so', async () => {
    const { signature: _signature, ...unsigned } = RECEIPT;
    const result = await verify(unsigned);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('没有签名');
  });

  it('exits 2 for a wrong command line, a file that is not JSON, a document that is not one, or http to another machine', async () => {
    const receiptFile = await file('receipt.json', RECEIPT);
    expect((await runCli(['receipt', 'verify', receiptFile], NOW)).code).toBe(2);
    expect((await runCli(['receipt'], NOW)).code).toBe(2);
    expect((await runCli(['receipt', 'check', receiptFile, '--platform', receiptFile], NOW)).code).toBe(2);
    expect((await verify('{"receiptId":')).code).toBe(2);
    const notDocument = await verify(RECEIPT, { protocol: PROTOCOL_VERSION });
    expect(notDocument.code).toBe(2);
    expect(notDocument.stderr).toContain('不是报送平台的说明文件');
    const cleartext = await runCli(['receipt', 'verify', receiptFile, '--platform', 'http://platform.example.gov.cn/.well-known/pledge-platform.json'], NOW);
    expect(cleartext.code).toBe(2);
    const missing = await runCli(['receipt', 'verify', receiptFile, '--platform', `${server.url}/elsewhere`], NOW);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('没有报送平台的说明文件');
  });
});
