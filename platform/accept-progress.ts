import { verifyProgressPackage } from '../core/progress/verify-progress-package';
import {
  decideByDigest,
  decideByExisting,
  forbidden,
  invalid,
  refuse,
  refuseTaken,
  type Acceptance,
  type AcceptanceContext,
  type UploadClaim,
} from './accept-package';
import type { Caller } from './credentials';
import { t } from './i18n/translate';
import type { PlatformRefusal } from './platform-refusal';
import { issueReceipt } from './receipts/issue-receipt';
import { SubmissionIdTaken, type StoredProgress, type StoredSubmission } from './store/platform-store';

/**
 * Decides on a finished upload of a progress package as `acceptPackage` (./accept-package.ts) does on a letter's
 * (the same digest decision, one id once, its own receipt), and besides, the letter it reports on must be
 * one this platform received from the same unit, of the same year. The check runs in this thread:
 * it is bounded like the letter's and reads no PDF text, so it needs no worker. The store records
 * the id once, whichever upload (or instance) gets there first.
 */
export async function acceptProgress(context: AcceptanceContext, caller: Caller, claim: UploadClaim, received: { readonly sha256: string; readonly bytes: Uint8Array }): Promise<Acceptance> {
  const { sha256, bytes } = received;
  const before = await decideByDigest(context, context.receipts, caller, claim, sha256);
  if (before) return before;

  const check = verifyProgressPackage(bytes);
  if (!check.ok) return refuse(invalid(check.reason));
  const { manifest, report } = check;
  if (manifest.submissionId !== claim.submissionId) {
    return refuse(invalid(t('platform.error.submissionMismatch', { manifest: manifest.submissionId, claimed: claim.submissionId })));
  }
  // Refused at creation already; said again so that nothing but a unit's own credential (or a trial platform) can record a report.
  if (caller.kind === 'operator') return refuse(forbidden(t('platform.error.operatorSubmits')));
  if (caller.kind === 'unit' && manifest.unit.creditCode !== caller.unitCode) {
    return refuse(forbidden(t('platform.progress.otherUnit', { code: manifest.unit.creditCode, own: caller.unitCode })));
  }
  const letterRefusal = checkLetter(await context.submissions.find(manifest.letterSubmissionId), manifest);
  if (letterRefusal) return refuse(letterRefusal);

  const entry: StoredProgress = {
    receiptId: context.newReceiptId(),
    submissionId: manifest.submissionId,
    letterSubmissionId: manifest.letterSubmissionId,
    sha256,
    receivedAt: context.now().toISOString(),
    unitName: manifest.unit.name,
    creditCode: manifest.unit.creditCode,
    year: manifest.year,
    period: manifest.period,
    size: bytes.byteLength,
    ...(report.date === undefined ? {} : { reportDate: report.date }),
    items: report.items.map(({ number, status }) => ({ number, status })),
  };
  let outcome;
  try {
    outcome = await context.progress.record({ entry, persist: () => context.storeProgressPackage(entry.submissionId) });
  } catch (error) {
    // A letter was recorded under this id between the digest's look-up and this one.
    if (error instanceof SubmissionIdTaken) return refuseTaken(context, claim.submissionId);
    throw error;
  }
  // Recorded by another upload (or instance) while this one was being checked: judged as a second arrival.
  if (!outcome.fresh) return decideByExisting(outcome.report, context.receipts, caller, claim, sha256);
  return { ok: true, receipt: issueReceipt(outcome.report, context.receipts), fresh: true };
}

/**
 * The report must be of a letter received here from its own unit and for that letter's year. A
 * letter of another unit is refused as not the caller's (403, as a package of another unit is);
 * one never received, or of another year, as a package that cannot be accepted as it is (422).
 */
function checkLetter(letter: StoredSubmission | undefined, manifest: { readonly letterSubmissionId: string; readonly unit: { readonly creditCode: string }; readonly year: number }): PlatformRefusal | undefined {
  const id = manifest.letterSubmissionId;
  if (letter === undefined) return invalid(t('platform.progress.letterUnknown', { id }));
  if (letter.creditCode !== manifest.unit.creditCode) return forbidden(t('platform.progress.letterOfOtherUnit', { id, own: manifest.unit.creditCode }));
  if (letter.year !== manifest.year) return invalid(t('platform.progress.yearMismatch', { year: manifest.year, expected: letter.year }));
  return undefined;
}
