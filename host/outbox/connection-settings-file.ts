import { z } from 'zod';
import { readSavedJson, writeSavedJson } from '../../node/files/saved-json';

/** What the main process keeps about the platform besides the token (which the vault keeps). */
const SyncSettingsSchema = z.object({ endpoint: z.string().optional() });
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

/** A missing or unreadable file means nothing is set yet: the person sets the address again. */
export function readSyncSettings(file: string): SyncSettings {
  return readSavedJson(file, SyncSettingsSchema) ?? {};
}

export async function writeSyncSettings(file: string, settings: SyncSettings): Promise<void> {
  await writeSavedJson(file, settings);
}
