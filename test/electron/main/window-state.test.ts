import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, placeWindow, readWindowState, writeWindowState } from '../../../electron/main/window-state';

const LAPTOP = { x: 0, y: 0, width: 1366, height: 728 };
const MONITOR = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('placeWindow', () => {
  it('opens where it was closed when that is still on a screen', () => {
    const saved = { x: 1500, y: 100, width: 1400, height: 900, maximized: false };
    expect(placeWindow(saved, [LAPTOP, MONITOR])).toEqual({ bounds: { x: 1500, y: 100, width: 1400, height: 900 }, maximized: false });
  });

  it('comes back to the laptop, centred at the default size, when the monitor it was on is gone', () => {
    const saved = { x: 1500, y: 100, width: 1400, height: 900, maximized: true };
    const placed = placeWindow(saved, [LAPTOP]);
    expect(placed.maximized).toBe(false);
    expect(placed.bounds).toEqual({ x: Math.round((1366 - DEFAULT_SIZE.width) / 2), y: 0, width: DEFAULT_SIZE.width, height: 728 });
  });

  it('shrinks and moves a window that no longer fits the screen its centre is on', () => {
    const saved = { x: 300, y: 200, width: 1800, height: 1000, maximized: true };
    expect(placeWindow(saved, [{ x: 0, y: 0, width: 1920, height: 1040 }])).toEqual({ bounds: { x: 120, y: 40, width: 1800, height: 1000 }, maximized: true });
    expect(placeWindow(saved, [LAPTOP]).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('opens at the default size without a saved place or any screen reported', () => {
    expect(placeWindow(undefined, []).bounds).toEqual({ x: 0, y: 0, ...DEFAULT_SIZE });
  });
});

describe('the saved window state', () => {
  it('round-trips, and a missing or damaged file counts as none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pledge-window-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(readWindowState(file)).toBeUndefined();
      await writeWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
      expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
      await writeFile(file, '{"x": "left"}');
      expect(readWindowState(file)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(process.platform === 'win32')('is written for this user only (0600), in a data folder made 0700', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pledge-window-'));
    try {
      const file = join(dir, 'data', 'window-state.json');
      await writeWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: false });
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'data'))).mode & 0o777).toBe(0o700);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
