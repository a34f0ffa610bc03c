import { useCallback, useEffect, useRef } from 'react';

/** Saves at most this long after the last change (the editor issue tightens what else triggers a save). */
export const SAVE_DELAY_MS = 300;

/**
 * Coalesces rapid edits into one save per pause, and flushes a pending save when the page is
 * hidden or the component goes away, so a closing window does not drop the last keystrokes.
 */
export function useDebouncedSave<A extends unknown[]>(save: (...args: A) => unknown): (...args: A) => void {
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; args: A } | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(() => {
    const job = pending.current;
    if (!job) return;
    clearTimeout(job.timer);
    pending.current = null;
    saveRef.current(...job.args);
  }, []);

  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  return useCallback(
    (...args: A) => {
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { timer: setTimeout(flush, SAVE_DELAY_MS), args };
    },
    [flush],
  );
}
