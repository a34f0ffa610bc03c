import { useCallback, useEffect, useRef } from 'react';
import { registerFlusher, trackWrite } from './pending-saves';

/** A pause in typing this long saves. */
export const SAVE_DELAY_MS = 300;
/** Continuous typing still saves this often, so nothing typed is older than this when unsaved. */
export const SAVE_MAX_WAIT_MS = 800;

export interface DebouncedSave<A extends unknown[]> {
  readonly schedule: (...args: A) => void;
  /** Saves a pending change now (on blur, before navigating). */
  readonly flush: () => void;
}

/**
 * Coalesces rapid edits into one save per pause, saves at least every {@link SAVE_MAX_WAIT_MS}
 * while edits keep coming, and flushes when the page is hidden or closed or the component goes
 * away, so a closing window does not drop the last keystrokes.
 */
export function useDebouncedSave<A extends unknown[]>(save: (...args: A) => unknown, saveUrgently?: (...args: A) => boolean): DebouncedSave<A> {
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; args: A; since: number } | null>(null);
  const saveRef = useRef(save);
  const urgentRef = useRef(saveUrgently);
  useEffect(() => {
    saveRef.current = save;
    urgentRef.current = saveUrgently;
  }, [save, saveUrgently]);

  const flush = useCallback(() => {
    const job = pending.current;
    if (!job) return;
    clearTimeout(job.timer);
    pending.current = null;
    const urgent = urgentRef.current;
    void trackWrite(Promise.resolve(saveRef.current(...job.args)), urgent && (() => urgent(...job.args)));
  }, []);

  useEffect(() => {
    const unregister = registerFlusher(flush);
    // The page may not live to finish an ordinary save: write in one go if the caller can.
    const onHide = () => {
      const job = pending.current;
      if (job && urgentRef.current?.(...job.args)) {
        clearTimeout(job.timer);
        pending.current = null;
      } else {
        flush();
      }
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onHide);
      unregister();
      flush();
    };
  }, [flush]);

  const schedule = useCallback(
    (...args: A) => {
      const now = performance.now();
      const since = pending.current?.since ?? now;
      if (pending.current) clearTimeout(pending.current.timer);
      const delay = Math.max(0, Math.min(SAVE_DELAY_MS, since + SAVE_MAX_WAIT_MS - now));
      pending.current = { timer: setTimeout(flush, delay), args, since };
    },
    [flush],
  );
  return { schedule, flush };
}
