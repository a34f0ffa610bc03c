/**
 * When the preview renders: a pause after the last change that follows what a render costs, and
 * never more than one render in the worker, the newest letter winning. Pure (timers and clock are
 * passed in), so the scheduling is tested without a worker or a browser.
 */

/** The longest pause, and the one before any render has been measured: the fixed pause before issue 14. */
export const PREVIEW_DELAY_MS = 120;

/** The shortest pause: a burst of keystrokes from an input method still becomes one render. */
export const MIN_PREVIEW_DELAY_MS = 16;

/**
 * Set to `true` on `window` before the app loads, the preview keeps the schedule before issue 14
 * (a fixed pause, every page redrawn): the benchmark measures it beside today's in the same run.
 */
export const PREVIEW_BASELINE_FLAG = 'pledgePreviewBaseline';

export function previewBaseline(): boolean {
  return (globalThis as Record<string, unknown>)[PREVIEW_BASELINE_FLAG] === true;
}

/**
 * The pause after the last change, from what the last render cost: half of it, so a cheap render
 * follows the typing closely. Typed over before it finishes, a render costs the next one at most
 * its own length (one render at a time), so a dear render (a long letter) waits longer instead.
 */
export function previewDelay(lastRenderMs: number | undefined): number {
  if (lastRenderMs === undefined || !Number.isFinite(lastRenderMs)) return PREVIEW_DELAY_MS;
  return Math.min(PREVIEW_DELAY_MS, Math.max(MIN_PREVIEW_DELAY_MS, Math.round(lastRenderMs / 2)));
}

export interface PreviewSchedulerDeps<Input, Result> {
  /** Must settle; its cost sets the next pause. */
  readonly render: (input: Input) => Promise<Result>;
  /** Receives only the result for the newest input: an older one is dropped, never shown over it. */
  readonly show: (result: Result) => void;
  readonly now: () => number;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  /** The schedule before issue 14: a fixed pause and a render started whether or not one is running. */
  readonly baseline?: boolean;
}

export interface PreviewScheduler<Input> {
  /** The input changed: render it after the pause, unless it changes again first. */
  request(input: Input): void;
  /** Unmounted: no timer fires and no result is shown afterwards. */
  dispose(): void;
}

export function createPreviewScheduler<Input, Result>(deps: PreviewSchedulerDeps<Input, Result>): PreviewScheduler<Input> {
  let newest = 0;
  let timer: unknown;
  let inFlight = false;
  let queued: { readonly input: Input; readonly generation: number } | undefined;
  let lastCost: number | undefined;
  let disposed = false;

  const start = (input: Input, generation: number): void => {
    if (inFlight && !deps.baseline) {
      queued = { input, generation };
      return;
    }
    inFlight = true;
    const started = deps.now();
    void deps
      .render(input)
      .then((result) => {
        lastCost = deps.now() - started;
        if (!disposed && generation === newest) deps.show(result);
      })
      .finally(() => {
        inFlight = false;
        const next = queued;
        queued = undefined;
        // A queued input already typed over waits for nothing: the newer one has its own timer.
        if (next && !disposed && next.generation === newest) start(next.input, next.generation);
      });
  };

  return {
    request(input) {
      if (disposed) return;
      newest += 1;
      const generation = newest;
      if (timer !== undefined) deps.clearTimer(timer);
      timer = deps.setTimer(
        () => {
          timer = undefined;
          start(input, generation);
        },
        deps.baseline ? PREVIEW_DELAY_MS : previewDelay(lastCost),
      );
    },
    dispose() {
      disposed = true;
      queued = undefined;
      if (timer !== undefined) deps.clearTimer(timer);
      timer = undefined;
    },
  };
}
