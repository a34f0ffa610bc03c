import type { Receipt } from '../../core/protocol/reference-protocol';
import { signReceipt } from '../../node/receipts/receipt-signature';
import type { PlatformIdentity } from '../identity/platform-identity';
import type { ReceiptSigningKey } from '../identity/receipt-key';
import type { StoredSubmission } from '../store/platform-store';

/** What a receipt is made with. */
export interface ReceiptContext {
  readonly identity: PlatformIdentity;
  /** The data folder's key (../identity/receipt-key.ts), published at /.well-known/pledge-platform.json. */
  readonly signingKey: ReceiptSigningKey;
}

/** What a receipt says of a submission: a letter's (with its 承诺编码) or a progress report's (without). */
export type ReceiptFields = Pick<StoredSubmission, 'receiptId' | 'submissionId' | 'sha256' | 'receivedAt' | 'unitName' | 'creditCode' | 'year'> &
  Partial<Pick<StoredSubmission, 'supersedes' | 'commitmentCode'>>;

/**
 * The receipt of an accepted submission, signed: what the office keeps as proof of delivery. Only
 * what was fixed at acceptance goes in (never `supersededBy` or the publication), and Ed25519 is
 * deterministic, so the same submission gives the same bytes every time it is asked for, from any
 * instance on the same data folder.
 */
export function issueReceipt(submission: ReceiptFields, context: ReceiptContext): Receipt {
  const { receiptId, submissionId, sha256, receivedAt, supersedes, commitmentCode, unitName, creditCode, year } = submission;
  const { name, creditCode: officeCode, regionCode } = context.identity;
  const receipt: Receipt = {
    receiptId,
    submissionId,
    sha256,
    receivedAt,
    ...(supersedes === undefined ? {} : { supersedes }),
    ...(commitmentCode === undefined ? {} : { commitmentCode }),
    unit: { name: unitName, creditCode },
    platform: { name, creditCode: officeCode, regionCode },
    year,
  };
  return signReceipt(receipt, context.signingKey.privateKey);
}
