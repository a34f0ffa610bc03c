import type { OutboxTimers } from '../../../core/outbox/create-outbox';
import type { SyncServiceOptions } from '../../../electron/sync/sync-service';

/**
 * Timers that never run a callback before `Date.now()` has reached its target.
 *
 * Why: Node counts a timeout from the event loop's cached time, so a timer armed after some
 * synchronous work can fire a millisecond or two before the wall clock reaches `now + ms`. The
 * outbox ignores a `timer-fired` that comes before `retryAt` and arms nothing new
 * (core/outbox/transition.ts, case 'timer-fired'), so with plain timers an entry can stay
 * `waiting` for good; that is a product bug, reported, and these timers keep the fault suite
 * about the faults it injects. Drop them once the outbox re-arms an early timer itself.
 */
export const wallClockTimers: OutboxTimers = {
  setTimeout(callback, ms) {
    const at = Date.now() + ms;
    const handle: { timer?: NodeJS.Timeout } = {};
    const arm = (delay: number) => {
      handle.timer = setTimeout(() => {
        const left = at - Date.now();
        if (left > 0) arm(left);
        else callback();
      }, delay);
    };
    arm(ms);
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout((handle as { timer?: NodeJS.Timeout }).timer);
  },
};

/**
 * Draws in [0.05, 1) instead of [0, 1).
 *
 * Why: a draw under 1/20 makes the first probe backoff (`floor(draw · 20 ms)`) 0 ms, and then
 * pump() in core/outbox/create-outbox.ts calls itself while it is still 'starting', returns at
 * once and arms no timer: the outbox stops probing until something kicks it. That is a product
 * bug, reported; this keeps full jitter otherwise. Drop it once a 0 ms backoff still probes again.
 */
export const nonZeroRandom = (): number => 0.05 + 0.95 * Math.random();

/**
 * Fast retries, small chunks and short timeouts for the fault suite, in the test process and in
 * the outbox it runs as a child process alike, so every fault costs milliseconds, not minutes.
 */
export const FAULT_TIMING = {
  retry: { baseMs: 20, capMs: 200 },
  probeRetry: { baseMs: 20, capMs: 200 },
  transfer: { chunkBytes: 16 * 1024, requestTimeoutMs: 500, probeTimeoutMs: 500 },
  timers: wallClockTimers,
  random: nonZeroRandom,
} as const satisfies Pick<SyncServiceOptions, 'retry' | 'probeRetry' | 'transfer' | 'timers' | 'random'>;
