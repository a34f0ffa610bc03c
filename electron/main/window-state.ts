import { z } from 'zod';
import { readSavedJson, writeSavedJson } from '../../node/files/saved-json';

/** Where the window was and how big, kept in the data folder between runs. */
const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;

/**
 * Where to open the window: where it was, if that is still on a screen (a laptop undocked from
 * the office monitor must not open its window off screen), shrunk to fit that screen; otherwise
 * the default size centred on the first screen.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[]): { bounds: Rect; maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (saved) {
    const centre = { x: saved.x + saved.width / 2, y: saved.y + saved.height / 2 };
    const area = workAreas.find((a) => centre.x >= a.x && centre.x < a.x + a.width && centre.y >= a.y && centre.y < a.y + a.height);
    if (area) {
      const width = Math.max(Math.min(saved.width, area.width), Math.min(MIN_SIZE.width, area.width));
      const height = Math.max(Math.min(saved.height, area.height), Math.min(MIN_SIZE.height, area.height));
      const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
      const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
      return { bounds: { x, y, width, height }, maximized: saved.maximized };
    }
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    bounds: { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height },
    maximized: false,
  };
}

/** A missing or damaged file is no saved state: the window opens at its default place. */
export function readWindowState(file: string): WindowState | undefined {
  return readSavedJson(file, WindowStateSchema);
}

export async function writeWindowState(file: string, state: WindowState): Promise<void> {
  await writeSavedJson(file, state);
}
