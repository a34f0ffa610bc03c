import { t } from '../../core/i18n/translate';
import { buildPackage, PackageInputError } from '../../core/package/build-package';
import { desktop } from '../bridge/desktop';
import type { DraftStore } from '../drafts/draft-store';
import { describeStorageError } from '../drafts/storage-errors';
import { toBase64 } from '../pdf/to-base64';

/**
 * Packs the current approval of a letter and hands the package to the outbox in the main
 * process. Packing again gives the same bytes, so a second click is a no-op there, not a
 * second submission. Returns what to tell the person, in Chinese.
 */
export async function submitDraft(store: DraftStore, draftId: string, now: Date): Promise<{ ok: boolean; message: string }> {
  try {
    const bytes = buildPackage(await store.submissionInput(draftId, now));
    const added = await desktop.call('outbox.add', { origin: { kind: 'app', draftId }, base64: toBase64(bytes) });
    if (!added.ok) return { ok: false, message: t('ui.submit.failed', { reason: added.message }) };
    return { ok: true, message: t(added.duplicate ? 'ui.submit.already' : 'ui.submit.queued', { id: added.submissionId }) };
  } catch (error) {
    const reason = error instanceof PackageInputError ? error.problems.map((p) => p.message).join(' ') : describeStorageError(error);
    return { ok: false, message: t('ui.submit.failed', { reason }) };
  }
}
