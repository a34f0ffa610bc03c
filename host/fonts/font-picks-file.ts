import { z } from 'zod';
import { FONT_ROLES } from '../../core/fonts/font-roles';
import { readSavedJson, writeSavedJson } from '../../node/files/saved-json';

/** A kept copy's name in the fonts folder: nothing in the settings file can point outside it. */
export const KEPT_FONT_FILE = /^[a-z]+-[0-9a-f]{16}\.(?:ttf|otf|ttc|otc)$/;

const FontPickSchema = z.object({
  /** The kept copy, by name within `<dataDir>/fonts/`. */
  file: z.string().regex(KEPT_FONT_FILE),
  index: z.number().int().min(0),
  family: z.string(),
  /** The name of the file the user picked, to tell them what they chose. */
  pickedName: z.string(),
});
export type FontPick = z.infer<typeof FontPickSchema>;

const FontPicksSchema = z.object({ picks: z.partialRecord(z.enum(FONT_ROLES), FontPickSchema) });
export type FontPicks = z.infer<typeof FontPicksSchema>;

/** Nothing picked when the file is missing or unreadable: each role falls back to the installed or bundled face. */
export function readFontPicks(file: string): FontPicks {
  return readSavedJson(file, FontPicksSchema) ?? { picks: {} };
}

export async function writeFontPicks(file: string, picks: FontPicks): Promise<void> {
  await writeSavedJson(file, picks);
}
