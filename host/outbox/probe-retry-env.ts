import type { RetryPolicy } from '../../core/outbox/retry-delay';

/**
 * `PLEDGE_PROBE_CAP_MS` caps the wait between failed connectivity probes (the outbox's own
 * default is 2 minutes). Tests shorten it so they do not wait minutes for the app to notice a
 * platform coming up; an operator on a link that comes and goes may too.
 */
export function probeRetryFromEnv(env: Readonly<Record<string, string | undefined>>): RetryPolicy | undefined {
  const cap = Number(env['PLEDGE_PROBE_CAP_MS']);
  if (!Number.isInteger(cap) || cap <= 0) return undefined;
  return { baseMs: Math.min(5_000, cap), capMs: cap };
}
