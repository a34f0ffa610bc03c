import { z } from 'zod';
import { readSavedJson, writeSavedJson } from '../../node/files/saved-json';

/** What the host keeps about the platform besides the token (which the vault keeps). */
const ConnectionSettingsSchema = z.object({ endpoint: z.string().optional() });
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

/** A missing or unreadable file means nothing is set yet: the person sets the address again. */
export function readConnectionSettings(file: string): ConnectionSettings {
  return readSavedJson(file, ConnectionSettingsSchema) ?? {};
}

export async function writeConnectionSettings(file: string, settings: ConnectionSettings): Promise<void> {
  await writeSavedJson(file, settings);
}
