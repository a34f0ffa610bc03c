import { describe, expect, it } from 'vitest';
import { createPreviewScheduler, MIN_PREVIEW_DELAY_MS, PREVIEW_DELAY_MS, previewDelay } from '../../../renderer/pdf/preview-schedule';

/** The scheduler with a hand-moved clock, hand-fired timers and renders settled by the test. */
function harness(options: { readonly baseline?: boolean } = {}) {
  let clock = 0;
  let nextTimer = 1;
  const timers = new Map<number, { readonly run: () => void; readonly at: number; readonly ms: number }>();
  const renders: { readonly input: string; done: boolean; readonly settle: () => Promise<void> }[] = [];
  const shown: string[] = [];
  const scheduler = createPreviewScheduler<string, string>({
    render: (input) =>
      new Promise((resolve) => {
        const render = {
          input,
          done: false,
          settle: () => {
            render.done = true;
            resolve(`pdf of ${input}`);
            return flush();
          },
        };
        renders.push(render);
      }),
    show: (result) => shown.push(result),
    now: () => clock,
    setTimer: (run, ms) => {
      timers.set(nextTimer, { run, at: clock + ms, ms });
      return nextTimer++;
    },
    clearTimer: (handle) => timers.delete(handle as number),
    ...options,
  });
  return {
    scheduler,
    renders,
    shown,
    /** The pause the pending timer was set with. */
    pendingDelays: () => [...timers.values()].map((t) => t.ms),
    async advance(ms: number) {
      clock += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > clock) continue;
        timers.delete(id);
        timer.run();
      }
      await flush();
    },
  };
}

/** Lets settled promises run on: the scheduler's reactions to a render are a few microtasks deep. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

describe('previewDelay', () => {
  it('waits the full pause before any render has been measured', () => {
    expect(previewDelay(undefined)).toBe(PREVIEW_DELAY_MS);
    expect(previewDelay(Number.NaN)).toBe(PREVIEW_DELAY_MS);
  });

  it('waits half of what the last render cost, within the shortest and the longest pause', () => {
    expect(previewDelay(50)).toBe(25);
    expect(previewDelay(2)).toBe(MIN_PREVIEW_DELAY_MS);
    expect(previewDelay(900)).toBe(PREVIEW_DELAY_MS);
  });
});

describe('the preview schedule', () => {
  it('renders a burst of changes once, with the newest input', async () => {
    const h = harness();
    h.scheduler.request('a');
    await h.advance(50);
    h.scheduler.request('ab');
    await h.advance(50);
    h.scheduler.request('abc');
    await h.advance(PREVIEW_DELAY_MS);
    expect(h.renders.map((r) => r.input)).toEqual(['abc']);
    await h.renders[0]?.settle();
    expect(h.shown).toEqual(['pdf of abc']);
  });

  it('shortens the pause once a render has been measured as cheap', async () => {
    const h = harness();
    h.scheduler.request('a');
    expect(h.pendingDelays()).toEqual([PREVIEW_DELAY_MS]);
    await h.advance(PREVIEW_DELAY_MS);
    await h.advance(40); // the render takes 40 ms on the test's clock
    await h.renders[0]?.settle();
    h.scheduler.request('ab');
    expect(h.pendingDelays()).toEqual([20]);
  });

  it('keeps one render in flight: a later input waits for it, and the stale result is not shown', async () => {
    const h = harness();
    h.scheduler.request('a');
    await h.advance(PREVIEW_DELAY_MS);
    h.scheduler.request('ab');
    await h.advance(PREVIEW_DELAY_MS);
    expect(h.renders.map((r) => r.input)).toEqual(['a']);
    await h.renders[0]?.settle();
    expect(h.renders.map((r) => r.input)).toEqual(['a', 'ab']);
    await h.renders[1]?.settle();
    expect(h.shown).toEqual(['pdf of ab']);
  });

  it('lets the newest waiting input win: one typed over while waiting is never rendered', async () => {
    const h = harness();
    h.scheduler.request('a');
    await h.advance(PREVIEW_DELAY_MS);
    h.scheduler.request('ab');
    await h.advance(PREVIEW_DELAY_MS);
    h.scheduler.request('abc');
    await h.advance(PREVIEW_DELAY_MS);
    await h.renders[0]?.settle();
    expect(h.renders.map((r) => r.input)).toEqual(['a', 'abc']);
  });

  it('drops a waiting input once a newer one is typed, even before the newer one is due', async () => {
    const h = harness();
    h.scheduler.request('a');
    await h.advance(PREVIEW_DELAY_MS);
    h.scheduler.request('ab');
    await h.advance(PREVIEW_DELAY_MS); // 'ab' waits for 'a'
    h.scheduler.request('abc'); // its pause has not ended yet
    await h.renders[0]?.settle();
    expect(h.renders.map((r) => r.input)).toEqual(['a']);
    await h.advance(PREVIEW_DELAY_MS);
    expect(h.renders.map((r) => r.input)).toEqual(['a', 'abc']);
  });

  it('always ends showing the newest input, whatever the timing', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 40; trial += 1) {
      const h = harness();
      let typed = '';
      for (let step = 0; step < 30; step += 1) {
        const choice = random();
        if (choice < 0.5) h.scheduler.request((typed += 'x'));
        else if (choice < 0.8) await h.advance(Math.floor(random() * 80));
        else await h.renders.find((r) => !r.done)?.settle();
      }
      // Typing stops: every timer fires and every render settles.
      for (let i = 0; i < 40; i += 1) {
        await h.advance(PREVIEW_DELAY_MS);
        for (const render of h.renders) await render.settle();
      }
      if (typed === '') continue;
      expect(h.shown.at(-1)).toBe(`pdf of ${typed}`);
      expect(new Set(h.shown).size).toBe(h.shown.length);
    }
  });

  it('shows nothing and starts nothing after it is disposed', async () => {
    const h = harness();
    h.scheduler.request('a');
    await h.advance(PREVIEW_DELAY_MS);
    h.scheduler.request('ab');
    h.scheduler.dispose();
    await h.renders[0]?.settle();
    await h.advance(PREVIEW_DELAY_MS);
    expect(h.renders.map((r) => r.input)).toEqual(['a']);
    expect(h.shown).toEqual([]);
  });

  it('keeps the old schedule as the baseline: a fixed pause, and a render whether or not one is running', async () => {
    const h = harness({ baseline: true });
    h.scheduler.request('a');
    await h.advance(PREVIEW_DELAY_MS);
    await h.advance(10);
    await h.renders[0]?.settle();
    h.scheduler.request('ab');
    expect(h.pendingDelays()).toEqual([PREVIEW_DELAY_MS]);
    await h.advance(PREVIEW_DELAY_MS);
    h.scheduler.request('abc');
    await h.advance(PREVIEW_DELAY_MS);
    expect(h.renders.map((r) => r.input)).toEqual(['a', 'ab', 'abc']);
  });
});
