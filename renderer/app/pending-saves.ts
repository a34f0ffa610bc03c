/**
 * Every save the page still owes: edits waiting out their debounce, and writes on their way to
 * IndexedDB. Before the window closes, the page flushes the first and waits for the second.
 */
const flushers = new Set<() => void>();
const inFlight = new Set<Promise<unknown>>();

/** Registers a pending-edit flusher (one per open editor); the returned function unregisters it. */
export function registerFlusher(flush: () => void): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Tracks a write until it settles. */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
  inFlight.add(write);
  void write.finally(() => inFlight.delete(write)).catch(() => undefined);
  return write;
}

/** Flushes every pending edit and resolves when every write has settled (failed ones included). */
export async function settleAllSaves(): Promise<void> {
  for (const flush of [...flushers]) flush();
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
