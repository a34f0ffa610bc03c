import { describe, expect, it } from 'vitest';
import type { OutboxEntry, SubmissionState } from '../../../core/outbox/outbox-entry';
import { NetworkError, PlatformRejection, toUploadFailure, UploadTimeoutError, type UploadFailure } from '../../../core/outbox/platform-client';
import { retryDelay } from '../../../core/outbox/retry-delay';
import { transition, type OutboxEvent } from '../../../core/outbox/transition';
import { ERROR_CODES, isFinalRejection, type Receipt } from '../../../core/protocol/reference-protocol';
import { pkg, T0 } from './fake-outbox-world';

const a = pkg(1);
const URL = 'https://platform.invalid/files/0001';
const entry = (state: SubmissionState, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({ package: a, seq: 1, enqueuedAt: T0, state, ...extra });
const receipt: Receipt = { receiptId: 'R-1', submissionId: a.submissionId, sha256: a.sha256, receivedAt: '2026-06-01T01:00:05Z' };
const busy: UploadFailure = { kind: 'platform', code: 'server-error', message: '平台繁忙' };

const queued = entry({ status: 'queued', attempt: 0 });
const sending = entry({ status: 'sending', attempt: 2, sent: 4_000, total: a.size }, { resume: { sha256: a.sha256, url: URL, offset: 4_000 } });
const waiting = entry({ status: 'waiting', attempt: 2, retryAt: T0 + 5_000, lastError: busy });
const delivered = entry({ status: 'delivered', receipt });
const rejected = entry({ status: 'rejected', code: 'invalid-package', message: '清单缺少承诺书文件' });

const allEvents: OutboxEvent[] = [
  { type: 'enqueue', package: a, seq: 9, now: T0 },
  { type: 'online' },
  { type: 'offline' },
  { type: 'upload-started', url: URL },
  { type: 'progress', offset: 10 },
  { type: 'upload-failed', failure: busy, now: T0, random: 0.5 },
  { type: 'delivered', receipt },
  { type: 'timer-fired', now: T0 + 3_600_000 },
  { type: 'send-now' },
  { type: 'app-restarted' },
];

describe('transition', () => {
  it('enqueues as queued, saved, then probes', () => {
    const { state, effects } = transition(undefined, { type: 'enqueue', package: a, seq: 3, now: T0 });
    expect(state).toEqual({ package: a, seq: 3, enqueuedAt: T0, state: { status: 'queued', attempt: 0 } });
    expect(effects).toEqual([{ kind: 'persist' }, { kind: 'probe' }]);
  });

  it('ignores anything but enqueue for an unknown submission', () => {
    expect(transition(undefined, { type: 'online' })).toEqual({ state: undefined, effects: [] });
  });

  it('goes online into sending, persisting before the upload effect', () => {
    const { state, effects } = transition(queued, { type: 'online' });
    expect(state?.state).toEqual({ status: 'sending', attempt: 0, sent: 0, total: a.size });
    expect(effects).toEqual([{ kind: 'persist' }, { kind: 'upload', submissionId: a.submissionId, package: a }]);
  });

  it('resumes from a saved upload only for the same package bytes', () => {
    const resumable = entry({ status: 'queued', attempt: 1 }, { resume: { sha256: a.sha256, url: URL, offset: 6_000 } });
    expect(transition(resumable, { type: 'online' }).effects[1]).toMatchObject({ resumeFrom: { url: URL, offset: 6_000 } });
    expect(transition(resumable, { type: 'online' }).state?.state).toMatchObject({ sent: 6_000 });
    const stale = entry({ status: 'queued', attempt: 1 }, { resume: { sha256: 'ef'.repeat(32), url: URL, offset: 6_000 } });
    const next = transition(stale, { type: 'online' });
    expect(next.effects[1]).not.toHaveProperty('resumeFrom');
    expect(next.state?.resume).toBeUndefined();
  });

  it('records the upload URL and progress while sending', () => {
    const started = transition(entry({ status: 'sending', attempt: 0, sent: 0, total: a.size }), { type: 'upload-started', url: URL });
    expect(started.state?.resume).toEqual({ sha256: a.sha256, url: URL, offset: 0 });
    const moved = transition(started.state, { type: 'progress', offset: 7_500 });
    expect(moved.state).toMatchObject({ state: { sent: 7_500 }, resume: { offset: 7_500 } });
    expect(moved.effects).toEqual([{ kind: 'persist' }]);
    expect(transition(moved.state, { type: 'progress', offset: 99_999 }).state?.state).toMatchObject({ sent: a.size });
  });

  it('keeps the receipt on delivery and forgets the upload', () => {
    const { state, effects } = transition(sending, { type: 'delivered', receipt });
    expect(state).toEqual({ package: a, seq: 1, enqueuedAt: T0, state: { status: 'delivered', receipt } });
    expect(effects).toEqual([{ kind: 'persist' }]);
    expect(transition(sending, { type: 'delivered', receipt: { ...receipt, submissionId: 'someone-else' } }).state).toBe(sending);
  });

  it.each(ERROR_CODES)('treats platform code %s as final exactly when isFinalRejection says so', (code) => {
    const { state, effects } = transition(sending, { type: 'upload-failed', failure: { kind: 'platform', code, message: '原因' }, now: T0, random: 0.5 });
    if (isFinalRejection(code)) {
      expect(state?.state).toEqual({ status: 'rejected', code, message: '原因' });
      expect(state?.resume).toBeUndefined();
      expect(effects).toEqual([{ kind: 'persist' }]);
    } else {
      expect(state?.state.status).toBe('waiting');
    }
  });

  it.each<UploadFailure>([busy, { kind: 'network', message: 'reset' }, { kind: 'timeout', message: 'timed out' }])('waits to retry after %o', (failure) => {
    const { state, effects } = transition(sending, { type: 'upload-failed', failure, now: T0, random: 0.5 });
    const retryAt = T0 + retryDelay(3, 0.5);
    expect(state?.state).toEqual({ status: 'waiting', attempt: 3, retryAt, lastError: failure });
    expect(state?.resume).toEqual(sending.resume);
    expect(effects).toEqual([{ kind: 'persist' }, { kind: 'schedule', submissionId: a.submissionId, at: retryAt }]);
  });

  it('starts over when the platform no longer knows the upload', () => {
    const { state } = transition(sending, { type: 'upload-failed', failure: { kind: 'platform', code: 'not-found', message: '上传不存在' }, now: T0, random: 0.5 });
    expect(state?.resume).toBeUndefined();
  });

  it('starts over, and retries, when the platform dropped bytes damaged on the way', () => {
    const { state } = transition(sending, { type: 'upload-failed', failure: { kind: 'platform', code: 'hash-mismatch', message: '校验值不符' }, now: T0, random: 0.5 });
    expect(state?.state.status).toBe('waiting');
    expect(state?.resume).toBeUndefined();
  });

  it('fires the retry timer only when due, and sets it again when it fired early', () => {
    const early = transition(waiting, { type: 'timer-fired', now: T0 + 4_999 });
    expect(early.state).toBe(waiting);
    // Node may fire a timer a millisecond early; losing it would leave the entry waiting for good.
    expect(early.effects).toEqual([{ kind: 'schedule', submissionId: waiting.package.submissionId, at: T0 + 5_000 }]);
    const { state, effects } = transition(waiting, { type: 'timer-fired', now: T0 + 5_000 });
    expect(state?.state).toEqual({ status: 'queued', attempt: 2, lastError: busy });
    expect(effects).toEqual([{ kind: 'persist' }, { kind: 'probe' }]);
  });

  it('"send now" leaves the wait and cancels the timer', () => {
    const { state, effects } = transition(waiting, { type: 'send-now' });
    expect(state?.state).toEqual({ status: 'queued', attempt: 2, lastError: busy });
    expect(effects).toEqual([{ kind: 'persist' }, { kind: 'cancel-timer', submissionId: a.submissionId }, { kind: 'probe' }]);
    expect(transition(queued, { type: 'send-now' }).effects).toEqual([{ kind: 'probe' }]);
  });

  it('after a restart puts a sending submission back in line with its upload URL, and re-arms a waiting one', () => {
    const restarted = transition(sending, { type: 'app-restarted' });
    expect(restarted.state).toMatchObject({ state: { status: 'queued', attempt: 2 }, resume: { url: URL, offset: 4_000 } });
    expect(restarted.effects).toEqual([{ kind: 'persist' }, { kind: 'probe' }]);
    expect(transition(waiting, { type: 'app-restarted' }).effects).toEqual([{ kind: 'schedule', submissionId: a.submissionId, at: T0 + 5_000 }]);
  });

  it.each(allEvents)('never leaves rejected or delivered on %o', (event) => {
    expect(transition(rejected, event)).toEqual({ state: rejected, effects: [] });
    expect(transition(delivered, event)).toEqual({ state: delivered, effects: [] });
  });

  it('leaves rejected only on an explicit resend, starting afresh', () => {
    const changed = { ...a, sha256: 'cd'.repeat(32), size: 12_000 };
    const { state, effects } = transition({ ...rejected, resume: { sha256: a.sha256, url: URL, offset: 10 } }, { type: 'resend', package: changed });
    expect(state).toEqual({ package: changed, seq: 1, enqueuedAt: T0, state: { status: 'queued', attempt: 0 } });
    expect(effects).toEqual([{ kind: 'persist' }, { kind: 'probe' }]);
    expect(transition(waiting, { type: 'resend', package: changed }).state).toBe(waiting);
  });

  it('ignores events that do not apply', () => {
    for (const [state, event] of [
      [queued, { type: 'progress', offset: 5 }],
      [queued, { type: 'offline' }],
      [sending, { type: 'online' }],
      [sending, { type: 'offline' }],
      [waiting, { type: 'online' }],
      [queued, { type: 'enqueue', package: a, seq: 2, now: T0 }],
    ] as const) {
      expect(transition(state, event)).toEqual({ state, effects: [] });
    }
  });
});

describe('toUploadFailure', () => {
  it('maps the typed errors, also when they crossed a bridge as plain objects', () => {
    expect(toUploadFailure(new PlatformRejection('conflict', '内容不同'))).toEqual({ kind: 'platform', code: 'conflict', message: '内容不同' });
    expect(toUploadFailure({ name: 'PlatformRejection', code: 'too-large', message: '文件过大' })).toEqual({ kind: 'platform', code: 'too-large', message: '文件过大' });
    expect(toUploadFailure(new UploadTimeoutError('no answer in 30 s'))).toEqual({ kind: 'timeout', message: 'no answer in 30 s' });
    expect(toUploadFailure(new NetworkError('ECONNRESET'))).toEqual({ kind: 'network', message: 'ECONNRESET' });
    expect(toUploadFailure({ name: 'PlatformRejection', code: 'teapot', message: '?' })).toMatchObject({ kind: 'network' });
    expect(toUploadFailure('boom')).toEqual({ kind: 'network', message: 'boom' });
  });
});
