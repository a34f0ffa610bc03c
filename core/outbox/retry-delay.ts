/** How long to wait between attempts: the first wait is up to `baseMs`, each later one doubles, none exceeds `capMs`. */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/** A few seconds at first, then no more than ten minutes: a weak link should not be hammered, but an office online for ten minutes a day should not miss its window either. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 2_000, capMs: 10 * 60_000 };

/**
 * Delay before retry number `attempt` (1 for the first retry), exponential with full jitter: a
 * uniform draw in `[0, min(cap, base · 2^(attempt-1)))`. Full jitter spreads many offices that lost
 * the same platform at the same moment, so they do not all come back at once.
 *
 * `random` is a draw in `[0, 1)` made by the caller, which keeps this function pure.
 *
 * @example
 * retryDelay(3, 0.5, { baseMs: 2_000, capMs: 600_000 }); // 4_000 (half of 8 s)
 */
export function retryDelay(attempt: number, random: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`retryDelay: attempt must be an integer from 1, got ${attempt}.`);
  if (!(random >= 0 && random < 1)) throw new RangeError(`retryDelay: random must be a draw in [0, 1), got ${random}.`);
  if (!(policy.baseMs > 0) || !(policy.capMs >= policy.baseMs)) {
    throw new RangeError(`retryDelay: need 0 < baseMs <= capMs, got base ${policy.baseMs} and cap ${policy.capMs}.`);
  }
  // 2 ** large is Infinity, and min() then yields the cap: no overflow to guard.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.floor(random * ceiling);
}
