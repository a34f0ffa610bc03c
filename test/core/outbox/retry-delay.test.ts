import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelay } from '../../../core/outbox/retry-delay';

const policy = { baseMs: 2_000, capMs: 600_000 };

describe('retryDelay', () => {
  it.each([0, 0.25, 0.5, 0.999_999])('stays within [0, min(cap, base · 2^(n-1))) for random %s', (random) => {
    for (let attempt = 1; attempt <= 30; attempt += 1) {
      const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
      const delay = retryDelay(attempt, random, policy);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceiling);
      expect(Number.isInteger(delay)).toBe(true);
    }
  });

  it('doubles its ceiling with each attempt until the cap', () => {
    const top = (attempt: number) => retryDelay(attempt, 0.999_999, policy);
    expect([1, 2, 3, 4, 5].map(top)).toEqual([1_999, 3_999, 7_999, 15_999, 31_999]);
    expect(top(9)).toBe(511_999);
    expect(top(10)).toBe(599_999);
    expect(top(10_000)).toBe(599_999);
  });

  it('uses the draw for full jitter: zero gives zero, half gives half the ceiling', () => {
    expect(retryDelay(4, 0, policy)).toBe(0);
    expect(retryDelay(4, 0.5, policy)).toBe(8_000);
  });

  it('defaults to 2 s growing to 10 min', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ baseMs: 2_000, capMs: 600_000 });
    expect(retryDelay(1, 0.5)).toBe(1_000);
  });

  it.each([
    [0, 0.5, policy],
    [1.5, 0.5, policy],
    [1, 1, policy],
    [1, -0.1, policy],
    [1, Number.NaN, policy],
    [1, 0.5, { baseMs: 0, capMs: 10 }],
    [1, 0.5, { baseMs: 10, capMs: 5 }],
  ])('refuses attempt %s, random %s, policy %o', (attempt, random, p) => {
    expect(() => retryDelay(attempt, random, p)).toThrow(RangeError);
  });
});
