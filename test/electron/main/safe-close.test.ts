import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmitDesktopEvent } from '../../../core/bridge/desktop-api';
import { CLOSE_WAIT_MS, setupSafeClose, type ClosableWindow } from '../../../electron/main/safe-close';

/** A window stand-in: `close()` fires the close event the way BrowserWindow does, and closes unless prevented. */
function fakeWindow() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const state = { closed: false, closeCalls: 0 };
  const window: ClosableWindow = {
    on: (_event, l) => (listener = l),
    close: () => {
      state.closeCalls += 1;
      let prevented = false;
      listener?.({ preventDefault: () => (prevented = true) });
      if (!prevented) state.closed = true;
    },
    isDestroyed: () => state.closed,
  };
  return { window, state };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('setupSafeClose', () => {
  it('holds the first close, asks the page to save, and closes when the page is ready', () => {
    const { window, state } = fakeWindow();
    const emit = vi.fn<EmitDesktopEvent>();
    const ready = setupSafeClose(window, emit);
    window.close();
    expect(state.closed).toBe(false);
    expect(emit).toHaveBeenCalledWith('app.before-close', {});
    window.close(); // a second click while waiting neither closes nor asks again
    expect(emit).toHaveBeenCalledTimes(1);
    expect(ready()).toBe(true);
    expect(state.closed).toBe(true);
  });

  it('closes anyway when the page does not answer in time', () => {
    const { window, state } = fakeWindow();
    setupSafeClose(window, vi.fn());
    window.close();
    vi.advanceTimersByTime(CLOSE_WAIT_MS - 1);
    expect(state.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(state.closed).toBe(true);
  });

  it('ignores a ready call that no close is waiting for', () => {
    const { window, state } = fakeWindow();
    const ready = setupSafeClose(window, vi.fn());
    expect(ready()).toBe(false);
    expect(state.closeCalls).toBe(0);
  });
});
