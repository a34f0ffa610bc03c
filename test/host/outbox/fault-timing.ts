import type { OutboxServiceOptions } from '../../../host/outbox/outbox-service';

/**
 * Fast retries, small chunks and short timeouts for the fault suite, in the test process and in
 * the outbox it runs as a child process alike, so every fault costs milliseconds, not minutes.
 */
export const FAULT_TIMING = {
  retry: { baseMs: 20, capMs: 200 },
  probeRetry: { baseMs: 20, capMs: 200 },
  transfer: { chunkBytes: 16 * 1024, requestTimeoutMs: 500, probeTimeoutMs: 500 },
} as const satisfies Pick<OutboxServiceOptions, 'retry' | 'probeRetry' | 'transfer'>;
