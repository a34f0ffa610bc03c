import { describe, expect, it, vi } from 'vitest';
import { createProblemVisibility } from '../../../renderer/editor/problem-visibility';

describe('createProblemVisibility', () => {
  it('shows no field until it is revealed, then that field only', () => {
    const visibility = createProblemVisibility();
    expect(visibility.shows('unit.name')).toBe(false);
    visibility.reveal('unit.name');
    expect(visibility.shows('unit.name')).toBe(true);
    expect(visibility.shows('unit.creditCode')).toBe(false);
  });

  it('shows every field once all are revealed, or from the start when asked', () => {
    const visibility = createProblemVisibility();
    visibility.revealAll();
    expect(visibility.shows('items.3.content')).toBe(true);
    expect(createProblemVisibility(true).shows('date')).toBe(true);
  });

  it('tells its listeners about a change, once, and not after they leave', () => {
    const visibility = createProblemVisibility();
    const listener = vi.fn();
    const leave = visibility.subscribe(listener);
    visibility.reveal('date');
    visibility.reveal('date');
    expect(listener).toHaveBeenCalledTimes(1);
    leave();
    visibility.revealAll();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
