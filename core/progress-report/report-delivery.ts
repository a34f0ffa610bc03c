import { submissionDelivery, type DeliveryState } from '../drafts/delivery-state';
import type { OutboxSnapshot } from '../outbox/outbox-item';
import type { ProgressReportRecord } from './progress-report-record';

/**
 * Where an approved report's package stands, from the record and the outbox, exactly as a letter's
 * does: `not-packed` until the outbox has it; only `delivered`, with the platform's receipt,
 * means the platform has it; `unknown` while the outbox is unread says nothing either way.
 *
 * @example reportDelivery(approvedNotSent, snapshot) // { kind: 'not-packed' }
 */
export function reportDelivery(record: Pick<ProgressReportRecord, 'packing'>, snapshot: OutboxSnapshot | null): DeliveryState {
  const packing = record.packing;
  if (packing === undefined) return { kind: 'not-packed' };
  // The package's id is fixed at approval, so the outbox is asked even before the record notes it
  // took the package: a window closed between the two must not show a queued report as unsent.
  const delivery = submissionDelivery(packing.submissionId, snapshot);
  return packing.queued === undefined && (delivery.kind === 'not-queued' || delivery.kind === 'unknown') ? { kind: 'not-packed' } : delivery;
}
