import { t } from '../i18n/translate';
import type { OutboxSnapshot } from '../outbox/outbox-item';
import { describeQueueReason, isPending, queueReason, type QueueReason } from '../outbox/queue-reason';
import type { ErrorCode, Receipt } from '../protocol/reference-protocol';
import { currentSubmission, type DraftRecord } from './draft-record';

/**
 * Where the letter's package stands, from the draft's own record and the outbox: packed or not,
 * in the outbox or not, delivered (with the platform's receipt), refused, or on its way and why
 * not yet. Only `delivered` means the platform has the letter; everything else must be worded so
 * that nobody reports the job done.
 */
export type DeliveryState =
  | { readonly kind: 'not-packed' }
  /** Packed, while the outbox has not been read yet: say nothing either way. */
  | { readonly kind: 'unknown'; readonly submissionId: string }
  /** Packed here but not in this computer's outbox (a crash in between, or a data folder moved). */
  | { readonly kind: 'not-queued'; readonly submissionId: string }
  | { readonly kind: 'queued'; readonly submissionId: string; readonly reason: QueueReason }
  | { readonly kind: 'delivered'; readonly submissionId: string; readonly receipt: Receipt }
  | { readonly kind: 'rejected'; readonly submissionId: string; readonly code: ErrorCode; readonly message: string };

/**
 * @example deliveryState(approvedAndPacked, { items: [], connection: { state: 'online' } }) // { kind: 'not-queued', submissionId }
 */
export function deliveryState(draft: Pick<DraftRecord, 'status' | 'review' | 'submissions'>, snapshot: OutboxSnapshot | null): DeliveryState {
  const packed = currentSubmission(draft);
  return packed ? submissionDelivery(packed.submissionId, snapshot) : { kind: 'not-packed' };
}

/**
 * Where a package handed to the outbox stands, by its submission id: a letter's, or a progress
 * report's (core/progress-report/report-delivery.ts), which the outbox carries the same way.
 */
export function submissionDelivery(submissionId: string, snapshot: OutboxSnapshot | null): Exclude<DeliveryState, { kind: 'not-packed' }> {
  if (!snapshot) return { kind: 'unknown', submissionId };
  const item = snapshot.items.find(({ entry }) => entry.package.submissionId === submissionId);
  if (!item) return { kind: 'not-queued', submissionId };
  const { state } = item.entry;
  if (state.status === 'delivered') return { kind: 'delivered', submissionId, receipt: state.receipt };
  if (state.status === 'rejected') return { kind: 'rejected', submissionId, code: state.code, message: state.message };
  if (isPending(state)) return { kind: 'queued', submissionId, reason: queueReason(state, snapshot.connection) };
  return state satisfies never;
}

/** What the list can be filtered by: the four answers to "did it reach the platform?". */
export const DELIVERY_FILTERS = ['unsent', 'pending', 'delivered', 'rejected'] as const;
export type DeliveryFilter = (typeof DELIVERY_FILTERS)[number];

/** `undefined` while the outbox is unread: such a letter is in no group yet rather than in a wrong one. */
export function deliveryFilterOf(state: DeliveryState): DeliveryFilter | undefined {
  switch (state.kind) {
    case 'not-packed':
    case 'not-queued':
      return 'unsent';
    case 'queued':
      return 'pending';
    case 'delivered':
      return 'delivered';
    case 'rejected':
      return 'rejected';
    case 'unknown':
      return undefined;
  }
}

/** The badge beside the letter's workflow status; none for a letter never packed, whose status says enough. */
export function deliveryBadge(state: DeliveryState): string | undefined {
  return state.kind === 'not-packed' || state.kind === 'unknown' ? undefined : t(`delivery.badge.${state.kind}`);
}

/** Codes where the clerk has something specific to do; any other refusal is the platform's to explain. */
const TODO_CODES = ['unauthorized', 'forbidden', 'invalid-package', 'conflict', 'too-large', 'bad-metadata'] as const satisfies readonly ErrorCode[];
type TodoCode = (typeof TODO_CODES)[number];
const hasTodo = (code: ErrorCode): code is TodoCode => (TODO_CODES as readonly ErrorCode[]).includes(code);

/**
 * The whole sentence for the draft header and the list: the state, the reason it is not yet
 * delivered, the receipt, or the platform's refusal and what to do about it.
 */
export function describeDelivery(state: DeliveryState, formatTime: (epochMs: number) => string): string {
  switch (state.kind) {
    case 'not-packed':
    case 'unknown':
      return '';
    case 'not-queued':
      return t('ui.step.packed-not-queued');
    case 'queued':
      return t('delivery.line.queued', { reason: describeQueueReason(state.reason, formatTime), id: state.submissionId });
    case 'delivered':
      return t('delivery.line.delivered', { receiptId: state.receipt.receiptId, time: formatTime(Date.parse(state.receipt.receivedAt)) });
    case 'rejected':
      return describeRejection(state.code, state.message);
  }
}

/** The platform's reason, then what the clerk can do about it; the outbox says the same. */
export function describeRejection(code: ErrorCode, message: string): string {
  const todo = hasTodo(code) ? t(`delivery.todo.${code}`) : t('delivery.todo.other');
  return t('delivery.line.rejected', { reason: message.replace(/[。.]$/u, '') }) + todo;
}
