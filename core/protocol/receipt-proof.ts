import { z } from 'zod';
import { KeyIdSchema } from './receipt-signature';

/**
 * What the app knows of a delivered submission's receipt, checked against the platform keys it
 * trusts (pinned on first contact, or trusted by the clerk after a key change):
 * `verified` signed by a trusted key and unchanged; `unsigned` from a platform that does not sign
 * (the platform's word only); `untrusted-key` signed by a key not trusted (yet); `forged` a
 * signature that does not match the receipt. Only `verified` proves the delivery.
 */
export const RECEIPT_PROOFS = ['verified', 'unsigned', 'untrusted-key', 'forged'] as const;
export const ReceiptProofSchema = z.enum(RECEIPT_PROOFS);
export type ReceiptProof = z.infer<typeof ReceiptProofSchema>;

/**
 * The platform now publishes another key than the one pinned: nothing signed with it is trusted
 * until the clerk compares its fingerprint with the credit office and trusts it.
 */
export const KeyChangeSchema = z.object({
  /** The office the platform names now. */
  office: z.string().max(200),
  pinnedKeyId: KeyIdSchema,
  newKeyId: KeyIdSchema,
});
export type KeyChange = z.infer<typeof KeyChangeSchema>;
