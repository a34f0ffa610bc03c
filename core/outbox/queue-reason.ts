import { t } from '../i18n/translate';
import type { SubmissionState } from './outbox-entry';
import type { Connection } from './outbox-item';

/**
 * Why a submission that is still in the outbox has not been delivered yet. The settings come
 * first: a package waiting for its retry would still not go without an address or with a
 * refused token, and telling the clerk "retry at 10:05" would hide what only they can fix.
 */
export type QueueReason =
  | { readonly kind: 'no-endpoint' }
  | { readonly kind: 'no-token' }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'offline' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'next' }
  | { readonly kind: 'sending'; readonly percent: number }
  | { readonly kind: 'retry'; readonly attempt: number; readonly retryAt: number; readonly message: string };

export type PendingState = Extract<SubmissionState, { status: 'queued' | 'sending' | 'waiting' }>;

/** Whether the outbox still holds this submission on its way: neither delivered nor refused. */
export function isPending(state: SubmissionState): state is PendingState {
  return state.status === 'queued' || state.status === 'sending' || state.status === 'waiting';
}

/**
 * @example queueReason({ status: 'queued', attempt: 0 }, { state: 'not-configured' }) // { kind: 'no-endpoint' }
 * @example queueReason({ status: 'sending', attempt: 0, sent: 1, total: 4 }, { state: 'online' }) // { kind: 'sending', percent: 25 }
 */
export function queueReason(state: PendingState, connection: Connection): QueueReason {
  if (state.status === 'sending') return { kind: 'sending', percent: state.total === 0 ? 0 : Math.floor((state.sent / state.total) * 100) };
  if (connection.state === 'not-configured') return { kind: 'no-endpoint' };
  if (connection.state === 'no-token') return { kind: 'no-token' };
  if (connection.state === 'unauthorized') return { kind: 'unauthorized' };
  if (state.status === 'waiting') return { kind: 'retry', attempt: state.attempt, retryAt: state.retryAt, message: state.lastError.message };
  if (connection.state === 'offline') return { kind: 'offline' };
  return connection.state === 'unknown' ? { kind: 'checking' } : { kind: 'next' };
}

/**
 * The reason as a clause, in Chinese; times through the caller's formatter (the page's, in
 * Beijing time), since core has no clock of its own.
 */
export function describeQueueReason(reason: QueueReason, formatTime: (epochMs: number) => string): string {
  switch (reason.kind) {
    case 'sending':
      return t('delivery.reason.sending', { percent: reason.percent });
    case 'retry':
      return t('delivery.reason.retry', { attempt: reason.attempt, reason: reason.message.replace(/[。.]$/u, ''), time: formatTime(reason.retryAt) });
    default:
      return t(`delivery.reason.${reason.kind}`);
  }
}

/** A word or two for a badge: the state, never more than it is. */
export function queueReasonLabel(reason: QueueReason): string {
  return t(`delivery.label.${reason.kind}`);
}
