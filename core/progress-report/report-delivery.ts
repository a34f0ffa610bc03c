import { submissionDelivery, type DeliveryState } from '../drafts/delivery-state';
import type { OutboxSnapshot } from '../outbox/outbox-item';
import type { ProgressReportRecord } from './progress-report-record';

/**
 * Where an approved report's package stands, from the record and the outbox, exactly as a letter's
 * does: `not-packed` until the outbox took it; only `delivered`, with the platform's receipt,
 * means the platform has it; `unknown` while the outbox is unread says nothing either way.
 *
 * @example reportDelivery(approvedNotSent, snapshot) // { kind: 'not-packed' }
 */
export function reportDelivery(record: Pick<ProgressReportRecord, 'packing'>, snapshot: OutboxSnapshot | null): DeliveryState {
  const packing = record.packing;
  return packing?.queued === undefined ? { kind: 'not-packed' } : submissionDelivery(packing.submissionId, snapshot);
}
