import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalBytes } from '../../core/protocol/canonical-json';
import { RECEIPT_SIGNATURE_ALG, ReceiptSignatureSchema, signedPart, type ReceiptKey, type ReceiptSignature } from '../../core/protocol/receipt-signature';
import { isRecord } from '../../core/json/is-record';

/**
 * Ed25519 over a receipt's canonical bytes (core/protocol/receipt-signature.ts), through
 * node:crypto: the platform signs with it, `pledge receipt verify` and the app's outbox check with it.
 */

/** The raw public key of an Ed25519 key as base64url (its JWK `x`), and its key id. */
export function receiptKeyOf(key: KeyObject): ReceiptKey {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const x = publicKey.export({ format: 'jwk' }).x;
  if (publicKey.asymmetricKeyType !== 'ed25519' || x === undefined) throw new TypeError('receiptKeyOf: not an Ed25519 key.');
  return { alg: RECEIPT_SIGNATURE_ALG, keyId: keyIdOf(Buffer.from(x, 'base64url')), publicKey: x };
}

/** First 16 hex digits of the SHA-256 of the raw public key. */
export function keyIdOf(rawPublicKey: Uint8Array): string {
  return createHash('sha256').update(rawPublicKey).digest('hex').slice(0, 16);
}

/** The receipt with its `signature` (any earlier one replaced); Ed25519 is deterministic, so the same receipt always gets the same bytes. */
export function signReceipt<R extends Record<string, unknown>>(receipt: R, privateKey: KeyObject): Omit<R, 'signature'> & { signature: ReceiptSignature } {
  const unsigned = signedPart(receipt) as Omit<R, 'signature'>;
  const { keyId } = receiptKeyOf(privateKey);
  const value = sign(null, canonicalBytes(unsigned), privateKey).toString('base64url');
  return { ...unsigned, signature: { alg: RECEIPT_SIGNATURE_ALG, keyId, value } };
}

export type ReceiptCheck =
  /** Signed by this key, and not a byte changed since. */
  | { readonly result: 'verified'; readonly keyId: string }
  /** No signature at all: a platform from before signed receipts. */
  | { readonly result: 'unsigned' }
  /** Signed, but by another key than the one given. */
  | { readonly result: 'other-key'; readonly keyId: string }
  /** A signature under this key's id that does not match the receipt: something was changed. */
  | { readonly result: 'forged'; readonly keyId: string };

/**
 * Checks a receipt as it was read (a parsed file or answer, every member as it came), against a
 * platform's key. Anything added, removed or altered, the signature included, makes it `forged`.
 */
export function checkReceipt(receipt: unknown, key: ReceiptKey): ReceiptCheck {
  if (!isRecord(receipt) || receipt['signature'] === undefined) return { result: 'unsigned' };
  const signature = ReceiptSignatureSchema.safeParse(receipt['signature']);
  // A signature member that is not one is a changed signature, not an unsigned receipt.
  if (!signature.success) return { result: 'forged', keyId: key.keyId };
  const { keyId, value } = signature.data;
  if (keyId !== key.keyId) return { result: 'other-key', keyId };
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' });
  } catch {
    return { result: 'forged', keyId };
  }
  // The key id is checked against the key itself too: a document whose id names another key is not that key's.
  const own = receiptKeyOf(publicKey);
  if (own.keyId !== key.keyId || own.publicKey !== key.publicKey) return { result: 'forged', keyId };
  let bytes: Uint8Array;
  try {
    bytes = canonicalBytes(signedPart(receipt));
  } catch {
    return { result: 'forged', keyId };
  }
  const signatureBytes = Buffer.from(value, 'base64url');
  // The last character's unused bits: sixteen spellings decode to one signature, and only one is it.
  if (signatureBytes.toString('base64url') !== value) return { result: 'forged', keyId };
  const genuine = verify(null, bytes, publicKey, signatureBytes);
  return genuine ? { result: 'verified', keyId } : { result: 'forged', keyId };
}
