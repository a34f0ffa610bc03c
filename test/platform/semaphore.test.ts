import { describe, expect, it } from 'vitest';
import { createSemaphore } from '../../platform/semaphore';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe('createSemaphore', () => {
  it('runs at most the limit at once and the waiting ones in arrival order, also after a task fails', async () => {
    const limited = createSemaphore(2);
    const gates = Array.from({ length: 4 }, deferred);
    const started: number[] = [];
    const runs = gates.map((gate, n) =>
      limited(async () => {
        started.push(n);
        await gate.promise;
        if (n === 0) throw new Error('task 0 failed');
        return n;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);

    gates[0]!.resolve();
    await expect(runs[0]).rejects.toThrow('task 0 failed');
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await runs[2];
    expect(started).toEqual([0, 1, 2, 3]);
    gates[3]!.resolve();
    expect(await Promise.all(runs.slice(1))).toEqual([1, 2, 3]);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => createSemaphore(0)).toThrow(RangeError);
    expect(() => createSemaphore(1.5)).toThrow(RangeError);
  });
});
