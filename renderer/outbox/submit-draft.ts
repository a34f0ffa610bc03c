import { t } from '../../core/i18n/translate';
import { sameUnitSubmissions, type SameUnitFinding } from '../../core/outbox/same-unit-submissions';
import { buildPackage, PackageInputError } from '../../core/package/build-package';
import { desktop } from '../bridge/desktop';
import type { DraftStore } from '../store/draft-store';
import { describeStorageError } from '../store/storage-errors';
import { toBase64 } from '../shared/to-base64';

/**
 * Packs the current approval of a letter and hands the package to the outbox in the main
 * process. Packing again gives the same bytes, so a second click is a no-op there, not a
 * second submission. `supersedes` makes a first packing a correction of another letter's
 * submission. Returns what to tell the person, in Chinese.
 */
export async function submitDraft(store: DraftStore, draftId: string, now: Date, options: { readonly supersedes?: string } = {}): Promise<{ ok: boolean; message: string }> {
  try {
    const input = await store.submissionInput(draftId, now, options);
    const bytes = buildPackage(input);
    const added = await desktop.call('outbox.add', { origin: { kind: 'app', draftId }, base64: toBase64(bytes) });
    if (!added.ok) return { ok: false, message: t('ui.submit.failed', { reason: added.message }) };
    if (added.duplicate) return { ok: true, message: t('ui.submit.already', { id: added.submissionId }) };
    if (input.supersedes && options.supersedes) return { ok: true, message: t('ui.submit.queued-correction', { id: added.submissionId, supersedes: input.supersedes }) };
    return { ok: true, message: t('ui.submit.queued', { id: added.submissionId }) };
  } catch (error) {
    const reason = error instanceof PackageInputError ? error.problems.map((p) => p.message).join(' ') : describeStorageError(error);
    return { ok: false, message: t('ui.submit.failed', { reason }) };
  }
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
