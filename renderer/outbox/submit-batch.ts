import type { BatchMember, BatchRecord } from '../../core/batch/batch-record';
import { currentSubmission } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { desktop } from '../bridge/desktop';
import type { DraftStore } from '../store/draft-store';
import { packAndQueue } from './submit-draft';

/** How far delivering a batch has got: `done` of `total` members looked at. */
export interface BatchSubmitProgress {
  readonly done: number;
  readonly total: number;
}

/** What delivering a batch did, member by member. Only the outbox's receipts say what arrived. */
export interface BatchSubmitResult {
  /** Packed (or packed earlier) and newly put in the outbox. */
  readonly added: readonly BatchMember[];
  /** Already in the outbox for their current approval: left as they are, nothing sent twice. */
  readonly already: readonly BatchMember[];
  /** Not approved, without a signed copy of the current approval, or in the bin: not packed. */
  readonly notReady: readonly BatchMember[];
  /** Could not be packed or queued, with the reason in Chinese. */
  readonly failed: readonly { readonly member: BatchMember; readonly reason: string }[];
}

/**
 * "报送全部" for a staff batch: every approved letter with a signed copy of its approval is packed
 * and put in the outbox through the same path as one letter ({@link packAndQueue}), one after the
 * other, each its own submission, marked with the batch so the outbox groups it. A letter whose
 * current approval is already in the outbox is skipped; one packed before but missing from the
 * outbox (a crash in between) is queued again with the same bytes. Running it twice therefore
 * queues nothing twice. The batch's letters skip the single letter's same-unit question: a staff
 * batch is many people of one unit by design, and a correction is made letter by letter.
 *
 * @example
 * const result = await submitBatch(store, batch, new Date(), (progress) => setProgress(describeBatchSubmitProgress(progress)));
 * setMessage(describeBatchSubmit(result));
 */
export async function submitBatch(
  store: DraftStore,
  batch: Pick<BatchRecord, 'id' | 'title' | 'members'>,
  now: Date,
  onProgress: (progress: BatchSubmitProgress) => void = () => undefined,
): Promise<BatchSubmitResult> {
  const result = { added: [] as BatchMember[], already: [] as BatchMember[], notReady: [] as BatchMember[], failed: [] as { member: BatchMember; reason: string }[] };
  // An outbox that cannot be read only costs the shortcut: adding the same package again is a no-op there.
  const [snapshot, signed] = await Promise.all([desktop.call('outbox.get').catch(() => null), store.signedCopyCounts()]);
  const queued = new Set(snapshot?.items.map((item) => item.entry.package.submissionId) ?? []);
  const origin = { id: batch.id, title: batch.title };
  const total = batch.members.length;
  for (const [index, member] of batch.members.entries()) {
    const draft = await store.get(member.draftId);
    if (!draft || draft.deletedAt !== undefined || draft.status !== 'approved' || (signed.get(draft.id) ?? 0) === 0) {
      result.notReady.push(member);
    } else {
      const packed = currentSubmission(draft);
      if (packed && queued.has(packed.submissionId)) result.already.push(member);
      else {
        const outcome = await packAndQueue(store, draft.id, now, { batch: origin });
        if (!outcome.ok) result.failed.push({ member, reason: outcome.reason });
        else (outcome.duplicate ? result.already : result.added).push(member);
      }
    }
    onProgress({ done: index + 1, total });
  }
  return result;
}

/** The result in one sentence for the batch screen, naming every member that could not be queued. */
export function describeBatchSubmit(result: BatchSubmitResult): string {
  const parts = [
    [result.added.length, 'ui.outbox-batch.submit.added'],
    [result.already.length, 'ui.outbox-batch.submit.already'],
    [result.notReady.length, 'ui.outbox-batch.submit.not-ready'],
    [result.failed.length, 'ui.outbox-batch.submit.failed'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, key]) => t(key, { n }));
  if (said.length === 0) return t('ui.outbox-batch.submit.nothing');
  const failures = result.failed.map(({ member, reason }) => t('ui.outbox-batch.submit.member-failed', { name: member.name, reason }));
  return `${said.join('；')}。${failures.join('；')}`;
}

/** "第 n 份，共 N 份" while the batch is being packed. */
export function describeBatchSubmitProgress(progress: BatchSubmitProgress): string {
  return t('ui.outbox-batch.submit.progress', { n: progress.done, total: progress.total });
}
