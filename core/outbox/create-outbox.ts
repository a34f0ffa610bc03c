import type { OutboxEntry, PackageRef } from './outbox-entry';
import { t } from '../i18n/translate';
import { PlatformRejection, toUploadFailure, type PlatformClient } from './platform-client';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry-delay';
import { transition, type OutboxEffect, type OutboxEvent } from './transition';

/** Injected timers; `globalThis.setTimeout` / `clearTimeout` fit, and so do fakes. */
export interface OutboxTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Where entries live between runs (IndexedDB in the browser host, a file in main, memory in tests). */
export interface OutboxStorage {
  load(): Promise<readonly OutboxEntry[]>;
  save(entry: OutboxEntry): Promise<void>;
}

export interface OutboxOptions {
  readonly clock: { now(): number };
  readonly timers: OutboxTimers;
  /** A draw in [0, 1), e.g. `Math.random`. */
  readonly random: () => number;
  readonly network: PlatformClient;
  readonly storage: OutboxStorage;
  /** Backoff between failed attempts at one submission. */
  readonly retry?: RetryPolicy;
  /** Backoff between failed connectivity probes. */
  readonly probeRetry?: RetryPolicy;
  /** Told when storage fails; the state that could not be saved is dropped, so nothing acts on it. */
  readonly onError?: (error: unknown) => void;
}

export interface Outbox {
  /** Restores saved entries (a `sending` one goes back in line with its upload URL) and starts probing. */
  start(): Promise<void>;
  /** Stops timers and probing; an upload already running finishes or fails on its own. */
  stop(): void;
  /** Adds a package (after start()); a submission id already in the outbox is left as it is. */
  enqueue(pkg: PackageRef): Promise<void>;
  /** Skips the wait before the next attempt. */
  sendNow(submissionId: string): Promise<void>;
  /**
   * Probes now instead of after the current backoff: the settings changed, or the system reports
   * a network. Only a hint: whether to send is still decided by the probe.
   */
  kick(): void;
  /** Sends a rejected submission again, after the user changed something. */
  resend(pkg: PackageRef): Promise<void>;
  /** Entries in queue order. */
  list(): readonly OutboxEntry[];
  /** Called with the whole list after every saved change; returns the unsubscribe function. */
  subscribe(listener: (entries: readonly OutboxEntry[]) => void): () => void;
}

export const DEFAULT_PROBE_RETRY: RetryPolicy = { baseMs: 5_000, capMs: 2 * 60_000 };

/**
 * Runs {@link transition} for every submission: one upload at a time in queue order, each state
 * saved before its effects run, connectivity judged by `network.probe()` alone.
 *
 * @example
 * const outbox = createOutbox({ clock: Date, timers: globalThis, random: Math.random, network, storage });
 * await outbox.start();
 * await outbox.enqueue({ submissionId, sha256, size });
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { clock, timers, random, network, storage } = options;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const probeRetry = options.probeRetry ?? DEFAULT_PROBE_RETRY;
  const entries = new Map<string, OutboxEntry>();
  const retryTimers = new Map<string, unknown>();
  const listeners = new Set<(entries: readonly OutboxEntry[]) => void>();
  let probeTimer: unknown;
  let probeFailures = 0;
  let saveFailures = 0;
  let phase: 'idle' | 'starting' | 'uploading' = 'idle';
  let stopped = true;
  // While saved entries are being restored, nothing may start: a `sending` one must be back in line first.
  let restoring = false;
  // A delivery just now proves the endpoint answers; the next upload needs no probe of its own.
  let justDelivered = false;
  let lastSeq = 0;
  // Events are applied one after another, so a save always finishes before the next state is computed.
  let chain: Promise<void> = Promise.resolve();

  const list = () => [...entries.values()].sort((a, b) => a.seq - b.seq);

  function dispatch(submissionId: string, event: OutboxEvent): Promise<void> {
    const run = chain.then(() => apply(submissionId, event));
    chain = run.catch(() => undefined);
    return run;
  }

  async function apply(submissionId: string, event: OutboxEvent): Promise<void> {
    const before = entries.get(submissionId);
    const { state, effects } = transition(before, event, retry);
    if (state === undefined) return;
    entries.set(submissionId, state);
    for (const effect of effects) {
      if (effect.kind === 'persist') {
        try {
          await storage.save(state);
        } catch (error) {
          if (before) entries.set(submissionId, before);
          else entries.delete(submissionId);
          options.onError?.(error);
          // A caller who enqueues must learn that nothing was queued.
          if (event.type === 'enqueue') throw error;
          recoverFromFailedSave(submissionId, event);
          return;
        }
        saveFailures = 0;
        notify();
      } else {
        run(effect);
      }
    }
  }

  /**
   * A state that could not be saved was not taken. The outcome of an upload (a receipt, a
   * failure) is still true, so it is applied again later; anything else only needs the queue to
   * keep moving. Without this an entry would stay `sending` until the app restarts.
   */
  function recoverFromFailedSave(submissionId: string, event: OutboxEvent): void {
    saveFailures += 1;
    const delay = retryDelay(saveFailures, random(), probeRetry);
    if (event.type === 'delivered' || event.type === 'upload-failed') {
      timers.setTimeout(() => {
        if (!stopped) void dispatch(submissionId, event).then(() => probeSoon(0), () => undefined);
      }, delay);
    } else {
      probeSoon(delay);
    }
  }

  function run(effect: Exclude<OutboxEffect, { kind: 'persist' }>): void {
    switch (effect.kind) {
      case 'probe':
        probeSoon(0);
        return;
      case 'schedule':
        clearRetryTimer(effect.submissionId);
        if (stopped) return;
        retryTimers.set(
          effect.submissionId,
          timers.setTimeout(
            () => {
              retryTimers.delete(effect.submissionId);
              void dispatch(effect.submissionId, { type: 'timer-fired', now: clock.now() });
            },
            // Capped: a clock set back by weeks must not make the timer fire at once, over and over.
            Math.min(Math.max(0, effect.at - clock.now()), retry.capMs),
          ),
        );
        return;
      case 'cancel-timer':
        clearRetryTimer(effect.submissionId);
        return;
      case 'upload':
        void upload(effect);
        return;
    }
  }

  async function upload(effect: Extract<OutboxEffect, { kind: 'upload' }>): Promise<void> {
    const id = effect.submissionId;
    phase = 'uploading';
    try {
      const receipt = await network.upload(effect.package, {
        ...(effect.resumeFrom ? { resumeUrl: effect.resumeFrom.url, resumeOffset: effect.resumeFrom.offset } : {}),
        onUploadUrl: (url) => void dispatch(id, { type: 'upload-started', url }),
        onProgress: (offset) => void dispatch(id, { type: 'progress', offset }),
      });
      // A receipt for another submission or other bytes proves nothing about this one; taken as is, it would leave the entry in sending.
      if (receipt.submissionId !== id || receipt.sha256 !== effect.package.sha256) throw new PlatformRejection('server-error', t('delivery.error.receiptMismatch'));
      await dispatch(id, { type: 'delivered', receipt });
      justDelivered = true;
    } catch (error) {
      await dispatch(id, { type: 'upload-failed', failure: toUploadFailure(error), now: clock.now(), random: random() }).catch(() => undefined);
    } finally {
      phase = 'idle';
      probeSoon(0);
    }
  }

  /** The next submission to send: the first queued one. One waiting for its retry steps aside so it does not hold up the rest. */
  function next(): OutboxEntry | undefined {
    return list().find((entry) => entry.state.status === 'queued');
  }

  function probeSoon(ms: number): void {
    if (probeTimer !== undefined) timers.clearTimeout(probeTimer);
    probeTimer = undefined;
    if (stopped || restoring) return;
    // A pump already running would drop this call (it may be the caller, after a 0 ms backoff): let a timer run it after.
    if (ms === 0 && phase === 'idle') {
      void pump();
      return;
    }
    probeTimer = timers.setTimeout(() => {
      probeTimer = undefined;
      void pump();
    }, ms);
  }

  async function pump(): Promise<void> {
    if (stopped || phase !== 'idle' || !next()) return;
    phase = 'starting';
    try {
      const answered = justDelivered || (await network.probe().catch(() => false));
      justDelivered = false;
      const candidate = next();
      if (stopped || !candidate) return;
      const id = candidate.package.submissionId;
      if (!answered) {
        // Counted here: "send now" may reset the count while the dispatch is awaited, and a backoff needs an attempt from 1.
        const failures = (probeFailures += 1);
        await dispatch(id, { type: 'offline' });
        probeSoon(retryDelay(failures, random(), probeRetry));
        return;
      }
      probeFailures = 0;
      await dispatch(id, { type: 'online' });
    } finally {
      // Still 'starting' when the online transition did not start an upload (e.g. the save failed).
      if (phase === 'starting') phase = 'idle';
    }
  }

  function clearRetryTimer(submissionId: string): void {
    const handle = retryTimers.get(submissionId);
    if (handle === undefined) return;
    timers.clearTimeout(handle);
    retryTimers.delete(submissionId);
  }

  function notify(): void {
    const snapshot = list();
    for (const listener of listeners) listener(snapshot);
  }

  return {
    async start() {
      stopped = false;
      restoring = true;
      try {
        for (const entry of await storage.load()) {
          entries.set(entry.package.submissionId, entry);
          lastSeq = Math.max(lastSeq, entry.seq);
        }
        for (const entry of list()) await dispatch(entry.package.submissionId, { type: 'app-restarted' });
      } finally {
        restoring = false;
      }
      notify();
      probeSoon(0);
    },
    stop() {
      stopped = true;
      for (const id of [...retryTimers.keys()]) clearRetryTimer(id);
      probeSoon(0);
    },
    async enqueue(pkg) {
      // Sequence numbers continue from the saved entries, which only start() knows.
      if (stopped) throw new Error('Outbox: call start() before enqueue().');
      if (entries.has(pkg.submissionId)) return;
      lastSeq += 1;
      await dispatch(pkg.submissionId, { type: 'enqueue', package: pkg, seq: lastSeq, now: clock.now() });
    },
    async sendNow(submissionId) {
      probeFailures = 0;
      await dispatch(submissionId, { type: 'send-now' });
    },
    kick() {
      probeFailures = 0;
      probeSoon(0);
    },
    async resend(pkg) {
      await dispatch(pkg.submissionId, { type: 'resend', package: pkg });
    },
    list,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
