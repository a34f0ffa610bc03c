import { hasCreditCodeShape } from '../core/letter/credit-code';
import { isSubmissionId } from '../core/package/package-format';
import { verifyPackage, type PackageVerification } from '../core/package/verify-package';
import { t } from './i18n/translate';
import type { Receipt } from '../core/protocol/reference-protocol';
import type { Caller } from './credentials';
import type { PlatformRefusal } from './platform-refusal';
import { issueReceipt, type ReceiptContext, type ReceiptFields } from './receipts/issue-receipt';
import { nationalRecord } from './records/national-record';
import { commitmentPrefix } from './store/commitment-code';
import { SubmissionIdTaken, SupersededAlready, type PlatformStore, type StoredSubmission, type SubmissionStore } from './store/platform-store';

/** What the uploader declared in tus `Upload-Metadata`. */
export interface UploadClaim {
  readonly submissionId: string;
  readonly sha256: string;
  /** The unit the package is of, when the client says so before sending it. */
  readonly creditCode?: string;
}

/** Where an id may already be taken: a letter's submission or a progress report's, which share one id space and the receipt route. */
export type AcceptanceStores = Pick<PlatformStore, 'submissions' | 'progress'>;

export interface AcceptanceContext extends AcceptanceStores {
  /** What a receipt is made with: the platform's identity and signing key. */
  readonly receipts: ReceiptContext;
  /** The package check; it may run elsewhere (a worker thread), so the platform awaits it. */
  readonly verify: (bytes: Uint8Array) => Promise<PackageVerification>;
  /**
   * Moves the finished upload into permanent storage, durably, inside the store's transaction
   * before its row is visible; called only for a submission not recorded before.
   */
  readonly storePackage: (submissionId: string) => void;
  /** As `storePackage`, for a progress package (kept apart from the letters: packages/stored-package.ts). */
  readonly storeProgressPackage: (submissionId: string) => void;
  readonly now: () => Date;
  readonly newReceiptId: () => string;
}

/** The check `pledge verify` runs, in this thread; the default until the platform is given another. */
export const verifyInProcess = async (bytes: Uint8Array): Promise<PackageVerification> => verifyPackage(bytes);

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
  const creditCode = metadata?.['creditCode'];
  // Only the shape of a 统一社会信用代码: whatever is sent here is repeated in a refusal's message.
  if (creditCode && !hasCreditCodeShape(creditCode)) return { ok: false, refusal: badMetadata(t('platform.error.badMetadata', { key: 'creditCode' })) };
  return {
    ok: true,
    claim: { submissionId: metadata!['submissionId']!, sha256: metadata!['sha256']!, ...(creditCode ? { creditCode } : {}) },
  };
}

/**
 * Refuses at creation, before the bytes are sent, what the claim alone decides: an operator's
 * credential submits for no unit, a declared unit must be the caller's, and an id already taken
 * by other bytes is a conflict (by another unit's submission: not this caller's to use).
 */
export async function checkCreation(stores: AcceptanceStores, caller: Caller, claim: UploadClaim): Promise<PlatformRefusal | undefined> {
  if (caller.kind === 'operator') return forbidden(t('platform.error.operatorSubmits'));
  if (caller.kind === 'unit' && claim.creditCode !== undefined && claim.creditCode !== caller.unitCode) return otherUnit(claim.creditCode, caller.unitCode);
  const existing = await findAccepted(stores, claim.submissionId);
  if (existing && !visibleTo(caller, existing)) return forbidden(t('platform.error.idOfOtherUnit', { id: claim.submissionId }));
  return existing && existing.sha256 !== claim.sha256 ? conflict(claim.submissionId, existing.receivedAt) : undefined;
}

/** Whether a caller may see a submission: its own unit's, or any for an operator. */
export function visibleTo(caller: Caller, listing: Pick<StoredSubmission, 'creditCode'>): boolean {
  return caller.kind !== 'unit' || listing.creditCode === caller.unitCode;
}

/**
 * What the digest of a finished upload decides on its own, so the package need not be read into
 * memory: bytes that do not hash to the declared value were damaged on the way (`hash-mismatch`,
 * worth sending again, unlike a package that fails its own check), and a submission id is accepted
 * once: the same bytes again get the original receipt, other bytes are a conflict; another unit's
 * submission is not this caller's to send again. `undefined` when the package itself has to be checked.
 */
export async function decideByDigest(stores: AcceptanceStores, receipts: ReceiptContext, caller: Caller, claim: UploadClaim, sha256: string): Promise<Acceptance | undefined> {
  if (sha256 !== claim.sha256) return refuse({ status: 422, code: 'hash-mismatch', message: t('platform.error.hashMismatch') });
  const existing = await findAccepted(stores, claim.submissionId);
  return existing && decideByExisting(existing, receipts, caller, claim, sha256);
}

/** The letter or progress report accepted under an id, as its receipt names it. */
export async function findAccepted(stores: AcceptanceStores, submissionId: string): Promise<ReceiptFields | undefined> {
  return (await stores.submissions.find(submissionId)) ?? (await stores.progress.find(submissionId));
}

/** A submission id is accepted once: the same bytes again get the original receipt; other bytes, or another unit's id, are refused. */
export function decideByExisting(existing: ReceiptFields, receipts: ReceiptContext, caller: Caller, claim: UploadClaim, sha256: string): Acceptance {
  if (!visibleTo(caller, existing)) return refuse(forbidden(t('platform.error.idOfOtherUnit', { id: claim.submissionId })));
  return existing.sha256 === sha256 ? { ok: true, receipt: issueReceipt(existing, receipts), fresh: false } : refuse(conflict(claim.submissionId, existing.receivedAt));
}

/**
 * Decides on a finished upload whose `sha256` was computed from the stored file: besides
 * {@link decideByDigest}, the bytes must pass the package check, carry the declared submission id
 * and be of the caller's unit. The store records the id once, whichever upload (or instance)
 * gets there first; the others are answered as the same bytes again or a conflict.
 */
export async function acceptPackage(context: AcceptanceContext, caller: Caller, claim: UploadClaim, received: { readonly sha256: string; readonly bytes: Uint8Array }): Promise<Acceptance> {
  const { sha256, bytes } = received;
  const before = await decideByDigest(context, context.receipts, caller, claim, sha256);
  if (before) return before;

  const check = await context.verify(bytes);
  if (!check.ok) return refuse(invalid(check.reason));
  const { manifest } = check;
  if (manifest.submissionId !== claim.submissionId) {
    return refuse(invalid(t('platform.error.submissionMismatch', { manifest: manifest.submissionId, claimed: claim.submissionId })));
  }
  if (caller.kind === 'unit' && manifest.unit.creditCode !== caller.unitCode) return refuse(otherUnit(manifest.unit.creditCode, caller.unitCode));

  const supersession = await checkSupersession(context.submissions, manifest.submissionId, manifest.supersedes, manifest.unit.creditCode);
  if (supersession) return refuse(supersession);

  const { letter } = check;
  const entry = {
    receiptId: context.newReceiptId(),
    submissionId: manifest.submissionId,
    sha256,
    receivedAt: context.now().toISOString(),
    unitName: manifest.unit.name,
    creditCode: manifest.unit.creditCode,
    year: manifest.year,
    size: bytes.byteLength,
    kind: letter.kind,
    letterDate: letter.date,
    ...(letter.kind === 'person' ? { personName: letter.person.name } : {}),
    ...(manifest.supersedes === undefined ? {} : { supersedes: manifest.supersedes }),
  };
  let outcome;
  try {
    outcome = await context.submissions.record({
      entry,
      commitmentPrefix: commitmentPrefix(context.receipts.identity.regionCode, letter.date),
      persist: () => context.storePackage(entry.submissionId),
      // From letter.json, which the check validated, with the receipt this acceptance issues.
      nationalRecord: (submission) => nationalRecord(letter, issueReceipt(submission, context.receipts)),
    });
  } catch (error) {
    // Another correction of the same submission was recorded between the check above and this one.
    if (error instanceof SupersededAlready && manifest.supersedes !== undefined) return refuse(alreadySuperseded(manifest.supersedes, error.by));
    // A progress report took the id meanwhile: other bytes under an accepted id.
    if (error instanceof SubmissionIdTaken) return refuseTaken(context, claim.submissionId);
    throw error;
  }
  // Recorded by another upload (or instance) while this one was being checked: judged as a second arrival.
  if (!outcome.fresh) return decideByExisting(outcome.submission, context.receipts, caller, claim, sha256);
  return { ok: true, receipt: issueReceipt(outcome.submission, context.receipts), fresh: true };
}

/**
 * A correction may replace only a submission of its own unit that the platform already holds,
 * once, and never itself. Another unit's submission is answered as one not held, so a correction
 * cannot learn which ids exist.
 */
async function checkSupersession(submissions: SubmissionStore, submissionId: string, supersedes: string | undefined, creditCode: string): Promise<PlatformRefusal | undefined> {
  if (supersedes === undefined) return undefined;
  if (supersedes === submissionId) return invalid(t('platform.error.supersedesItself'));
  const earlier = await submissions.find(supersedes);
  if (!earlier || earlier.creditCode !== creditCode) return invalid(t('platform.error.supersedesUnknown', { id: supersedes }));
  if (earlier.supersededBy !== undefined && earlier.supersededBy !== submissionId) return alreadySuperseded(supersedes, earlier.supersededBy);
  return undefined;
}

const alreadySuperseded = (id: string, by: string): PlatformRefusal => ({ status: 409, code: 'conflict', message: t('platform.error.alreadySuperseded', { id, by }) });

/** The id is the other kind's (a letter's for a report, or a report's for a letter): refused as other bytes under an accepted id. */
export async function refuseTaken(stores: AcceptanceStores, submissionId: string): Promise<Acceptance> {
  const taken = await findAccepted(stores, submissionId);
  return refuse(conflict(submissionId, taken?.receivedAt ?? ''));
}

export const refuse = (refusal: PlatformRefusal): Acceptance => ({ ok: false, refusal });
const badMetadata = (message: string): PlatformRefusal => ({ status: 400, code: 'bad-metadata', message });
export const invalid = (message: string): PlatformRefusal => ({ status: 422, code: 'invalid-package', message });
export const forbidden = (message: string): PlatformRefusal => ({ status: 403, code: 'forbidden', message });
const otherUnit = (code: string, own: string): PlatformRefusal => forbidden(t('platform.error.otherUnit', { code, own }));
const conflict = (id: string, receivedAt: string): PlatformRefusal => ({ status: 409, code: 'conflict', message: t('platform.error.conflict', { id, receivedAt }) });
