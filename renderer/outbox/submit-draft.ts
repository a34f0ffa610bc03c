import { t } from '../../core/i18n/translate';
import type { OriginBatch } from '../../core/outbox/outbox-item';
import { sameUnitSubmissions, type SameUnitFinding } from '../../core/outbox/same-unit-submissions';
import { buildPackage, PackageInputError } from '../../core/package/build-package';
import { desktop } from '../bridge/desktop';
import type { DraftStore } from '../store/draft-store';
import { describeStorageError } from '../store/storage-errors';
import { toBase64 } from '../shared/to-base64';

/** What packing and queueing one letter came to: the outbox's answer, or why it did not get there (in Chinese). */
export type QueueOutcome = { readonly ok: true; readonly submissionId: string; readonly duplicate: boolean; /** Set when the first packing was asked to correct another letter's submission. */ readonly corrects?: string } | { readonly ok: false; readonly reason: string };

export interface SubmitOptions {
  /** A submission of another letter of this unit and year that a first packing corrects. */
  readonly supersedes?: string;
  /** The staff batch the letter belongs to, so the outbox shows it with the batch's other letters; looked up when not given. */
  readonly batch?: OriginBatch;
}

/**
 * Packs the current approval of a letter and hands the package to the outbox in the main
 * process. Packing again gives the same bytes, so a second time is a no-op there (`duplicate`),
 * not a second submission.
 */
export async function packAndQueue(store: DraftStore, draftId: string, now: Date, options: SubmitOptions = {}): Promise<QueueOutcome> {
  try {
    const input = await store.submissionInput(draftId, now, options);
    const bytes = buildPackage(input);
    // A batch letter sent alone from its editor still joins its batch's group in the outbox.
    const batch = options.batch ?? (await store.batchOf(draftId));
    const origin = { kind: 'app' as const, draftId, ...(batch ? { batch } : {}) };
    const added = await desktop.call('outbox.add', { origin, base64: toBase64(bytes) });
    if (!added.ok) return { ok: false, reason: added.message };
    return { ok: true, submissionId: added.submissionId, duplicate: added.duplicate, ...(input.supersedes && options.supersedes ? { corrects: input.supersedes } : {}) };
  } catch (error) {
    return { ok: false, reason: error instanceof PackageInputError ? error.problems.map((p) => p.message).join(' ') : describeStorageError(error) };
  }
}

/**
 * "报送到平台" for one letter: {@link packAndQueue}, told to the person in Chinese. `supersedes`
 * makes a first packing a correction of another letter's submission.
 */
export async function submitDraft(store: DraftStore, draftId: string, now: Date, options: SubmitOptions = {}): Promise<{ ok: boolean; message: string }> {
  const outcome = await packAndQueue(store, draftId, now, options);
  if (!outcome.ok) return { ok: false, message: t('ui.submit.failed', { reason: outcome.reason }) };
  if (outcome.duplicate) return { ok: true, message: t('ui.submit.already', { id: outcome.submissionId }) };
  if (outcome.corrects) return { ok: true, message: t('ui.submit.queued-correction', { id: outcome.submissionId, supersedes: outcome.corrects }) };
  return { ok: true, message: t('ui.submit.queued', { id: outcome.submissionId }) };
}

/**
 * Other letters of this unit and year already packed here or waiting in (or sent from) the
 * outbox. An outbox that cannot be read leaves only what the drafts know, so the check still runs.
 */
export async function findSameUnitSubmissions(store: DraftStore, draftId: string): Promise<SameUnitFinding & { unit: { creditCode: string; year: number } | undefined }> {
  const [context, snapshot] = await Promise.all([store.sameUnitContext(draftId), desktop.call('outbox.get').catch(() => null)]);
  if (!context.unit) return { unit: undefined, earlier: [], correctionTarget: undefined };
  return { unit: context.unit, ...sameUnitSubmissions(context.unit, context.own, context.packed, snapshot?.items ?? []) };
}
