import { z } from 'zod';
import { isRecord } from '../json/is-record';

/**
 * How a platform signs its receipts: Ed25519 over the RFC 8785 canonical bytes
 * (./canonical-json.ts) of the receipt without its `signature` member. The key is named by its
 * key id, the first 16 hex digits of the SHA-256 of the raw 32-byte public key, which is also the
 * fingerprint a clerk compares when a platform's key changes.
 */
export const RECEIPT_SIGNATURE_ALG = 'Ed25519';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/);
export const KeyIdSchema = z.string().regex(/^[0-9a-f]{16}$/);

export const ReceiptSignatureSchema = z.object({
  alg: z.literal(RECEIPT_SIGNATURE_ALG),
  keyId: KeyIdSchema,
  /** The 64-byte signature, base64url without padding. */
  value: base64url.length(86),
});
export type ReceiptSignature = z.infer<typeof ReceiptSignatureSchema>;

/** A platform's receipt key as its well-known document publishes it and the app pins it. */
export const ReceiptKeySchema = z.object({
  alg: z.literal(RECEIPT_SIGNATURE_ALG),
  keyId: KeyIdSchema,
  /** The raw 32-byte Ed25519 public key, base64url without padding (a JWK's `x`). */
  publicKey: base64url.length(43),
});
export type ReceiptKey = z.infer<typeof ReceiptKeySchema>;

/** The receipt as it was signed: every member but `signature`. */
export function signedPart(receipt: Record<string, unknown>): Record<string, unknown> {
  const { signature: _signature, ...rest } = receipt;
  return rest;
}

/** The `signature` member of a receipt as read from a file or the wire, when it is one. */
export function signatureOf(receipt: unknown): ReceiptSignature | undefined {
  if (!isRecord(receipt)) return undefined;
  const parsed = ReceiptSignatureSchema.safeParse(receipt['signature']);
  return parsed.success ? parsed.data : undefined;
}

/** Groups a key id in fours, as it is read aloud over the phone: `3f2a 9c01 77be 4d10`. */
export function formatKeyId(keyId: string): string {
  return keyId.replace(/(.{4})(?=.)/g, '$1 ');
}
