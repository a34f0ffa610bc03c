/**
 * Runs at most `limit` tasks at once; the others wait their turn in arrival order. The platform
 * holds a whole package in memory while it checks it, so this bounds memory when many uploads
 * finish together.
 *
 * @example
 * const limited = createSemaphore(2);
 * const result = await limited(() => checkUpload(id));
 */
export function createSemaphore(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`createSemaphore: limit must be a positive integer, got ${limit}.`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < limit) running += 1;
    // The slot is handed over by the task that frees it, so `running` never dips and lets a newcomer jump the queue.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
