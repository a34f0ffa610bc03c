/**
 * Every save the page still owes: edits waiting out their debounce, and writes on their way to
 * IndexedDB. Before the window closes, the page flushes the first and waits for the second.
 */
const flushers = new Set<() => void>();
/** Each write in flight, with a way to issue it again in one go if the page starts to go away. */
const inFlight = new Map<Promise<unknown>, (() => unknown) | undefined>();

/** Registers a pending-edit flusher (one per open editor); the returned function unregisters it. */
export function registerFlusher(flush: () => void): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/**
 * Tracks a write until it settles. `rescue` writes the same data with requests issued at once: an
 * unloading page does not get the turns of the event loop an ordinary save still needs.
 */
export function trackWrite<T>(write: Promise<T>, rescue?: () => unknown): Promise<T> {
  inFlight.set(write, rescue);
  void write.finally(() => inFlight.delete(write)).catch(() => undefined);
  return write;
}

/** The page is going away: re-issue every write still in flight in its one-shot form. */
export function rescueWritesInFlight(): void {
  for (const rescue of inFlight.values()) rescue?.();
}

/** Flushes every pending edit and resolves when every write has settled (failed ones included). */
export async function settleAllSaves(): Promise<void> {
  for (const flush of [...flushers]) flush();
  while (inFlight.size > 0) await Promise.allSettled([...inFlight.keys()]);
}
