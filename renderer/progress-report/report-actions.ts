import { t } from '../../core/i18n/translate';
import { sha256Hex } from '../../core/hash/sha256-hex';
import type { Letter } from '../../core/letter/letter-schema';
import { buildProgressPackage, ProgressInputError } from '../../core/progress/build-progress-package';
import type { ProgressReportRecord } from '../../core/progress-report/progress-report-record';
import { reportForReview } from '../../core/progress-report/report-workflow';
import { desktop } from '../bridge/desktop';
import { renderProgressInWorker } from '../pdf/pdf-renderer';
import type { ProgressReportStore } from '../store/progress-report-store';
import type { ProgressStore } from '../store/progress-store';
import { describeStorageError } from '../store/storage-errors';
import { toBase64 } from '../shared/to-base64';

/** What a step came to, in Chinese for the clerk; `ok: false` is shown as an error. */
export type ActionOutcome = { readonly ok: boolean; readonly message: string | null };

const failed = (message: string): ActionOutcome => ({ ok: false, message });

/**
 * Storage failures become a sentence too: the tab runs each step through this once (ReportView's
 * `run`), so the steps below let them propagate.
 */
export async function guarded(step: () => Promise<ActionOutcome>): Promise<ActionOutcome> {
  try {
    return await step();
  } catch (error) {
    return failed(t('ui.reports.failed', { reason: describeStorageError(error) }));
  }
}

/** "按最新践诺进展更新": the draft made again from what the 践诺进展 tab records now. */
export async function refreshFromProgress(reports: ProgressReportStore, progress: ProgressStore, record: ProgressReportRecord, letter: Letter, now: Date): Promise<ActionOutcome> {
  const refreshed = await remade(reports, progress, record, letter, now);
  return refreshed.ok ? { ok: true, message: t('ui.reports.refreshed') } : failed(refreshed.message);
}

/** The draft made again from what the 践诺进展 tab records now. */
async function remade(reports: ProgressReportStore, progress: ProgressStore, record: ProgressReportRecord, letter: Letter, now: Date) {
  return reports.refresh(record.id, letter, await progress.read(record.submissionId), now);
}

/**
 * "提交审核": the draft made again from the progress recorded now (what the principal reads is
 * what is on record), dated today, checked as the platform checks it, rendered, and frozen with
 * its PDF.
 */
export async function submitForReview(reports: ProgressReportStore, progress: ProgressStore, record: ProgressReportRecord, letter: Letter, now: Date): Promise<ActionOutcome> {
  const refreshed = await remade(reports, progress, record, letter, now);
  if (!refreshed.ok) return failed(refreshed.message);
  const ready = reportForReview(refreshed.record, now);
  if (!ready.ok) return failed(`${t('ui.reports.cannot-submit')}${ready.problems.join(' ')}`);
  const rendered = await renderProgressInWorker(ready.report);
  if (!rendered.ok) return failed('error' in rendered ? t('ui.preview.error', { reason: rendered.error }) : t('ui.reports.cannot-submit'));
  const frozen = await reports.submit(record.id, ready.report, rendered.bytes, now, refreshed.record.updatedAt);
  return frozen.ok ? { ok: true, message: null } : failed(frozen.message);
}

/**
 * "报送到平台": the approved report packed with its evidence and handed to the outbox. Packing
 * again gives the same bytes (the id and time were fixed at approval), so a second time is the
 * outbox's `duplicate`, never a second submission. Only the outbox then says whether it arrived.
 */
export async function packAndQueueReport(reports: ProgressReportStore, id: string, now: Date): Promise<ActionOutcome> {
  const input = await reports.packageInput(id);
  if (!input.ok) return failed(t('ui.reports.send-failed', { reason: input.message }));
  let bytes: Uint8Array;
  try {
    bytes = buildProgressPackage(input.input);
  } catch (error) {
    if (error instanceof ProgressInputError) return failed(t('ui.reports.send-failed', { reason: error.problems.join(' ') }));
    throw error;
  }
  const added = await desktop.call('outbox.add', { origin: { kind: 'progress', reportId: id }, base64: toBase64(bytes) });
  if (!added.ok) return failed(t('ui.reports.send-failed', { reason: added.message }));
  const marked = await reports.markQueued(id, sha256Hex(bytes), now);
  if (!marked.ok) return failed(marked.message);
  return { ok: true, message: t(added.duplicate ? 'ui.reports.already-queued' : 'ui.reports.queued', { id: added.submissionId }) };
}
