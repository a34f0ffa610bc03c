import { isSubmissionId } from '../../core/package/package-format';
import { verifyPackage } from '../../core/package/verify-package';
import { t } from '../../core/i18n/translate';
import type { Receipt } from '../../core/sync/reference-protocol';
import type { PlatformRefusal } from './platform-refusal';
import { receiptOf, type SubmissionIndex } from './submission-index';

/** What the uploader declared in tus `Upload-Metadata`. */
export interface UploadClaim {
  readonly submissionId: string;
  readonly sha256: string;
}

export interface AcceptanceContext {
  readonly index: SubmissionIndex;
  /**
   * Moves the finished upload into permanent storage, durably, before its index row is written;
   * called only for a submission not seen before.
   */
  readonly storePackage: (submissionId: string) => void;
  readonly now: () => Date;
  readonly newReceiptId: () => string;
}

export type Acceptance =
  | { readonly ok: true; readonly receipt: Receipt; /** False when the same bytes had been accepted before. */ readonly fresh: boolean }
  | { readonly ok: false; readonly refusal: PlatformRefusal };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Checks `Upload-Metadata` before any byte is accepted; what fails here fails on every try, hence `bad-metadata`. */
export function checkClaim(metadata: Record<string, string | null | undefined> | undefined): { ok: true; claim: UploadClaim } | { ok: false; refusal: PlatformRefusal } {
  const fields: [keyof UploadClaim, (value: string) => boolean][] = [
    ['submissionId', isSubmissionId],
    ['sha256', (value) => SHA256_HEX.test(value)],
  ];
  for (const [key, valid] of fields) {
    const value = metadata?.[key];
    if (value === undefined || value === null || value === '') return { ok: false, refusal: badMetadata(t('platform.error.missingMetadata', { key })) };
    if (!valid(value)) return { ok: false, refusal: badMetadata(t('platform.error.badMetadata', { key })) };
  }
  return { ok: true, claim: { submissionId: metadata!['submissionId']!, sha256: metadata!['sha256']! } };
}

/** Refuses early a submission id already taken by other bytes, before the upload is sent. */
export function checkNotConflicting(index: SubmissionIndex, claim: UploadClaim): PlatformRefusal | undefined {
  const existing = index.find(claim.submissionId);
  return existing && existing.sha256 !== claim.sha256 ? conflict(claim.submissionId, existing.receivedAt) : undefined;
}

/**
 * What the digest of a finished upload decides on its own, so the package need not be read into
 * memory: bytes that do not hash to the declared value were damaged on the way (`hash-mismatch`,
 * worth sending again, unlike a package that fails its own check), and a submission id is accepted
 * once: the same bytes again get the original receipt, other bytes are a conflict. `undefined`
 * when the package itself has to be checked.
 */
export function decideByDigest(index: SubmissionIndex, claim: UploadClaim, sha256: string): Acceptance | undefined {
  if (sha256 !== claim.sha256) return refuse({ status: 422, code: 'hash-mismatch', message: t('platform.error.hashMismatch') });
  const existing = index.find(claim.submissionId);
  if (!existing) return undefined;
  return existing.sha256 === sha256 ? { ok: true, receipt: receiptOf(existing), fresh: false } : refuse(conflict(claim.submissionId, existing.receivedAt));
}

/**
 * Decides on a finished upload whose `sha256` was computed from the stored file: besides
 * {@link decideByDigest}, the bytes must pass the same package check as `pledge verify` and carry
 * the declared submission id. Synchronous from the index lookup to the insert, so concurrent
 * uploads of one id cannot both be stored.
 */
export function acceptPackage(context: AcceptanceContext, claim: UploadClaim, received: { readonly sha256: string; readonly bytes: Uint8Array }): Acceptance {
  const { sha256, bytes } = received;
  const decided = decideByDigest(context.index, claim, sha256);
  if (decided) return decided;

  const check = verifyPackage(bytes);
  if (!check.ok) return refuse(invalid(check.reason));
  const { manifest } = check;
  if (manifest.submissionId !== claim.submissionId) {
    return refuse(invalid(t('platform.error.submissionMismatch', { manifest: manifest.submissionId, claimed: claim.submissionId })));
  }

  const supersession = checkSupersession(context.index, manifest.submissionId, manifest.supersedes, manifest.unit.creditCode);
  if (supersession) return refuse(supersession);

  const entry = {
    receiptId: context.newReceiptId(),
    submissionId: manifest.submissionId,
    sha256,
    receivedAt: context.now().toISOString(),
    unitName: manifest.unit.name,
    creditCode: manifest.unit.creditCode,
    year: manifest.year,
    size: bytes.byteLength,
    ...(manifest.supersedes === undefined ? {} : { supersedes: manifest.supersedes }),
  };
  // File first, flushed: a crash between the two leaves an unindexed file that the next upload overwrites, never a row without its file.
  context.storePackage(entry.submissionId);
  context.index.add(entry);
  return { ok: true, receipt: receiptOf(entry), fresh: true };
}

/**
 * A correction may replace only its own unit's submission, once, and never itself. The one it
 * replaces may not have arrived yet (an office can send them out of order); it is linked then.
 */
function checkSupersession(index: SubmissionIndex, submissionId: string, supersedes: string | undefined, creditCode: string): PlatformRefusal | undefined {
  if (supersedes === undefined) return undefined;
  if (supersedes === submissionId) return invalid(t('platform.error.supersedesItself'));
  const earlier = index.find(supersedes);
  if (earlier && earlier.creditCode !== creditCode) return invalid(t('platform.error.supersedesOtherUnit', { id: supersedes }));
  if (earlier?.supersededBy !== undefined && earlier.supersededBy !== submissionId) {
    return { status: 409, code: 'conflict', message: t('platform.error.alreadySuperseded', { id: supersedes, by: earlier.supersededBy }) };
  }
  return undefined;
}

const refuse = (refusal: PlatformRefusal): Acceptance => ({ ok: false, refusal });
const badMetadata = (message: string): PlatformRefusal => ({ status: 400, code: 'bad-metadata', message });
const invalid = (message: string): PlatformRefusal => ({ status: 422, code: 'invalid-package', message });
const conflict = (id: string, receivedAt: string): PlatformRefusal => ({ status: 409, code: 'conflict', message: t('platform.error.conflict', { id, receivedAt }) });
