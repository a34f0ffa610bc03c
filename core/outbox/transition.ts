import { isFinalRejection, type Receipt } from '../protocol/reference-protocol';
import type { OutboxEntry, PackageRef, ResumePoint, SubmissionState } from './outbox-entry';
import type { UploadFailure } from './platform-client';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry-delay';

/** Something that happened to one submission. Times and random draws arrive in the event, so the reducer stays pure. */
export type OutboxEvent =
  | { readonly type: 'enqueue'; readonly package: PackageRef; readonly seq: number; readonly now: number }
  /** The probe answered and this submission is next in line. */
  | { readonly type: 'online' }
  /** The probe failed: nothing changes, the wait for a connection is not a failed attempt. */
  | { readonly type: 'offline' }
  | { readonly type: 'upload-started'; readonly url: string }
  | { readonly type: 'progress'; readonly offset: number }
  | { readonly type: 'upload-failed'; readonly failure: UploadFailure; readonly now: number; readonly random: number }
  | { readonly type: 'delivered'; readonly receipt: Receipt }
  | { readonly type: 'timer-fired'; readonly now: number }
  | { readonly type: 'send-now' }
  /** The user sends a rejected submission again after changing something (the package, the token, the settings). */
  | { readonly type: 'resend'; readonly package: PackageRef }
  | { readonly type: 'app-restarted' };

/** What the driver must do, in this order. `persist` always comes first, so nothing acts on a state that is not saved. */
export type OutboxEffect =
  | { readonly kind: 'persist' }
  | { readonly kind: 'probe' }
  | { readonly kind: 'upload'; readonly submissionId: string; readonly package: PackageRef; readonly resumeFrom?: { readonly url: string; readonly offset: number } }
  | { readonly kind: 'schedule'; readonly submissionId: string; readonly at: number }
  | { readonly kind: 'cancel-timer'; readonly submissionId: string };

export interface Transition {
  readonly state: OutboxEntry | undefined;
  readonly effects: readonly OutboxEffect[];
}

/**
 * The outbox state machine for one submission. Events that do not apply to the current state
 * leave it as it is (same object, no effects), so stale timers and late callbacks are harmless.
 *
 * @example
 * let { state } = transition(undefined, { type: 'enqueue', package: pkg, seq: 1, now });
 * ({ state, effects } = transition(state, { type: 'online' }));
 * // state.state.status === 'sending'; effects: [{ kind: 'persist' }, { kind: 'upload', … }]
 */
export function transition(entry: OutboxEntry | undefined, event: OutboxEvent, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Transition {
  if (entry === undefined) {
    if (event.type !== 'enqueue') return unchanged(entry);
    return {
      state: { package: event.package, seq: event.seq, enqueuedAt: event.now, state: { status: 'queued', attempt: 0 } },
      effects: [{ kind: 'persist' }, { kind: 'probe' }],
    };
  }
  const { state } = entry;
  const id = entry.package.submissionId;
  switch (event.type) {
    case 'enqueue':
    case 'offline':
      return unchanged(entry);

    case 'online': {
      if (state.status !== 'queued') return unchanged(entry);
      const resume = usableResume(entry);
      const sending: SubmissionState = { status: 'sending', attempt: state.attempt, sent: resume?.offset ?? 0, total: entry.package.size };
      // Marked sending and saved before the first byte leaves: after a crash we know an upload may exist.
      return {
        state: withResume({ ...entry, state: sending }, resume),
        effects: [
          { kind: 'persist' },
          { kind: 'upload', submissionId: id, package: entry.package, ...(resume ? { resumeFrom: { url: resume.url, offset: resume.offset } } : {}) },
        ],
      };
    }

    case 'upload-started': {
      if (state.status !== 'sending') return unchanged(entry);
      return persisted({ ...entry, resume: { sha256: entry.package.sha256, url: event.url, offset: state.sent } });
    }

    case 'progress': {
      if (state.status !== 'sending') return unchanged(entry);
      const sent = Math.min(Math.max(0, event.offset), state.total);
      if (sent === state.sent) return unchanged(entry);
      return persisted({ ...entry, state: { ...state, sent }, ...(entry.resume ? { resume: { ...entry.resume, offset: sent } } : {}) });
    }

    case 'delivered': {
      if (state.status !== 'sending' || event.receipt.submissionId !== id) return unchanged(entry);
      return persisted(withResume({ ...entry, state: { status: 'delivered', receipt: event.receipt } }, undefined));
    }

    case 'upload-failed': {
      if (state.status !== 'sending') return unchanged(entry);
      const { failure } = event;
      if (failure.kind === 'platform' && isFinalRejection(failure.code)) {
        return persisted(withResume({ ...entry, state: { status: 'rejected', code: failure.code, message: failure.message } }, undefined));
      }
      const attempt = state.attempt + 1;
      const retryAt = event.now + retryDelay(attempt, event.random, policy);
      // The platform no longer knows the upload, or dropped it as damaged on the way: start the next attempt from zero.
      const resume = failure.kind === 'platform' && (failure.code === 'not-found' || failure.code === 'hash-mismatch') ? undefined : entry.resume;
      return {
        state: withResume({ ...entry, state: { status: 'waiting', attempt, retryAt, lastError: failure } }, resume),
        effects: [{ kind: 'persist' }, { kind: 'schedule', submissionId: id, at: retryAt }],
      };
    }

    case 'timer-fired': {
      if (state.status !== 'waiting') return unchanged(entry);
      // Timers may fire a moment early (Node counts from a cached loop time): wait out the rest rather than lose the retry.
      if (event.now < state.retryAt) return { state: entry, effects: [{ kind: 'schedule', submissionId: id, at: state.retryAt }] };
      return {
        state: { ...entry, state: { status: 'queued', attempt: state.attempt, lastError: state.lastError } },
        effects: [{ kind: 'persist' }, { kind: 'probe' }],
      };
    }

    case 'send-now': {
      if (state.status === 'queued') return { state: entry, effects: [{ kind: 'probe' }] };
      if (state.status !== 'waiting') return unchanged(entry);
      return {
        state: { ...entry, state: { status: 'queued', attempt: state.attempt, lastError: state.lastError } },
        effects: [{ kind: 'persist' }, { kind: 'cancel-timer', submissionId: id }, { kind: 'probe' }],
      };
    }

    case 'resend': {
      if (state.status !== 'rejected' || event.package.submissionId !== id) return unchanged(entry);
      return {
        state: withResume({ ...entry, package: event.package, state: { status: 'queued', attempt: 0 } }, undefined),
        effects: [{ kind: 'persist' }, { kind: 'probe' }],
      };
    }

    case 'app-restarted': {
      if (state.status === 'sending') {
        // The upload may have gone on after the last saved offset; the platform client asks the server (tus HEAD) where to go on.
        return { state: { ...entry, state: { status: 'queued', attempt: state.attempt } }, effects: [{ kind: 'persist' }, { kind: 'probe' }] };
      }
      if (state.status === 'waiting') return { state: entry, effects: [{ kind: 'schedule', submissionId: id, at: state.retryAt }] };
      if (state.status === 'queued') return { state: entry, effects: [{ kind: 'probe' }] };
      return unchanged(entry);
    }
  }
}

function unchanged(entry: OutboxEntry | undefined): Transition {
  return { state: entry, effects: [] };
}

function persisted(entry: OutboxEntry): Transition {
  return { state: entry, effects: [{ kind: 'persist' }] };
}

/** A saved upload URL is only good for the very bytes it was started with. */
function usableResume(entry: OutboxEntry): ResumePoint | undefined {
  return entry.resume?.sha256 === entry.package.sha256 ? entry.resume : undefined;
}

function withResume(entry: OutboxEntry, resume: ResumePoint | undefined): OutboxEntry {
  const { resume: _old, ...rest } = entry;
  return resume ? { ...rest, resume } : rest;
}
