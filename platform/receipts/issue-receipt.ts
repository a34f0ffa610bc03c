import type { Receipt } from '../../core/protocol/reference-protocol';
import type { PlatformIdentity } from '../identity/platform-identity';
import type { StoredSubmission } from '../store/platform-store';

/** What a receipt is made with. */
export interface ReceiptContext {
  readonly identity: PlatformIdentity;
}

/**
 * The receipt of an accepted submission: what the office keeps as proof of delivery. The same
 * submission gives the same receipt every time it is asked for, from any instance.
 */
export function issueReceipt(submission: StoredSubmission, _context: ReceiptContext): Receipt {
  const { receiptId, submissionId, sha256, receivedAt, supersedes, commitmentCode } = submission;
  return {
    receiptId,
    submissionId,
    sha256,
    receivedAt,
    ...(supersedes === undefined ? {} : { supersedes }),
    ...(commitmentCode === undefined ? {} : { commitmentCode }),
  };
}
