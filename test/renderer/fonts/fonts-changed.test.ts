import { describe, expect, it, vi } from 'vitest';
import { announceFontsChanged, onFontsChanged } from '../../../renderer/fonts/fonts-changed';

describe('onFontsChanged and announceFontsChanged', () => {
  it('calls every listener once per announcement, and none after it stopped', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = onFontsChanged(first);
    const stopSecond = onFontsChanged(second);
    announceFontsChanged();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);

    stopFirst();
    announceFontsChanged();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    stopSecond();
    announceFontsChanged();
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('keeps two subscriptions of the same function apart', () => {
    const listener = vi.fn();
    const stop = onFontsChanged(listener);
    const stopAgain = onFontsChanged(listener);
    announceFontsChanged();
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    announceFontsChanged();
    expect(listener).toHaveBeenCalledTimes(3);
    stopAgain();
    stop();
    announceFontsChanged();
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('calls no listener until something is announced', () => {
    const listener = vi.fn();
    const stop = onFontsChanged(listener);
    expect(listener).not.toHaveBeenCalled();
    stop();
  });
});
