import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../core/protocol/canonical-json';
import { ReceiptSchema } from '../../../core/protocol/reference-protocol';
import { checkReceipt, keyIdOf, receiptKeyOf, signReceipt } from '../../../node/receipts/receipt-signature';

const { privateKey } = generateKeyPairSync('ed25519');
const key = receiptKeyOf(privateKey);
const other = receiptKeyOf(generateKeyPairSync('ed25519').privateKey);

const RECEIPT = {
  receiptId: 'R-2026-000001',
  submissionId: '3f9d2c1e-8a4b-4c6d-9e0f-1a2b3c4d5e6f',
  sha256: 'a'.repeat(64),
  receivedAt: '2026-03-02T01:02:03.000Z',
  commitmentCode: '23990020260301000001',
  unit: { name: '青山县政务服务中心', creditCode: '122399214012770352' },
  platform: { name: '青山市社会信用体系建设领导小组办公室', creditCode: '112399210035830292', regionCode: '239900' },
  year: 2026,
};

describe('receipt signatures (Ed25519 over RFC 8785 bytes)', () => {
  it('names a key by the first 16 hex digits of the SHA-256 of its raw public key', () => {
    expect(key.keyId).toBe(keyIdOf(Buffer.from(key.publicKey, 'base64url')));
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(key.publicKey, 'base64url')).toHaveLength(32);
    expect(receiptKeyOf(privateKey)).toEqual(key);
  });

  it('signs deterministically, keeps every field, and the signed receipt still parses as a receipt', () => {
    const signed = signReceipt(RECEIPT, privateKey);
    expect(JSON.stringify(signReceipt(RECEIPT, privateKey))).toBe(JSON.stringify(signed));
    expect(signed).toMatchObject(RECEIPT);
    expect(signed.signature).toMatchObject({ alg: 'Ed25519', keyId: key.keyId });
    expect(ReceiptSchema.parse(signed)).toEqual(signed);
    // Member order does not matter: the canonical bytes are what is signed.
    const shuffled = Object.fromEntries(Object.entries(signed).reverse());
    expect(checkReceipt(shuffled, key)).toEqual({ result: 'verified', keyId: key.keyId });
    expect(canonicalJson(shuffled)).toBe(canonicalJson(signed));
  });

  it('finds any change: a field, a nested field, an added or a removed member, the signature, its last character', () => {
    const signed = signReceipt(RECEIPT, privateKey);
    const forged = (receipt: unknown) => expect(checkReceipt(receipt, key).result).toBe('forged');
    forged({ ...signed, receivedAt: '2026-03-02T01:02:04.000Z' });
    forged({ ...signed, unit: { ...signed.unit, name: '青山县发展和改革局' } });
    forged({ ...signed, extra: 1 });
    const { commitmentCode: _dropped, ...withoutCode } = signed;
    forged(withoutCode);
    forged({ ...signed, year: 2027 });
    const value = signed.signature.value;
    const flipped = value.slice(0, 10) + (value[10] === 'A' ? 'B' : 'A') + value.slice(11);
    forged({ ...signed, signature: { ...signed.signature, value: flipped } });
    // The last of 86 characters carries 2 bits that decode to nothing; another spelling is still a change.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(value.at(-1)!) + 1]!;
    expect(Buffer.from(value.slice(0, -1) + sibling, 'base64url')).toEqual(Buffer.from(value, 'base64url'));
    forged({ ...signed, signature: { ...signed.signature, value: value.slice(0, -1) + sibling } });
    forged({ ...signed, signature: 'signed' });
  });

  it('tells an unsigned receipt and one signed by another key from a forged one', () => {
    expect(checkReceipt(RECEIPT, key)).toEqual({ result: 'unsigned' });
    expect(checkReceipt(signReceipt(RECEIPT, privateKey), other)).toEqual({ result: 'other-key', keyId: key.keyId });
    // A document giving this key's id with another key's bytes is not this key.
    expect(checkReceipt(signReceipt(RECEIPT, privateKey), { ...key, publicKey: other.publicKey }).result).toBe('forged');
  });
});
