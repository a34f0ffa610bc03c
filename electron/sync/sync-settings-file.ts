import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from './durable-file';

/** What the main process keeps about the platform besides the token (which the vault keeps). */
const SyncSettingsSchema = z.object({ endpoint: z.string().optional() });
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

/** A missing or unreadable file means nothing is set yet: the person sets the address again. */
export async function readSyncSettings(file: string): Promise<SyncSettings> {
  try {
    const parsed = SyncSettingsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function writeSyncSettings(file: string, settings: SyncSettings): Promise<void> {
  await writeFileDurably(file, `${JSON.stringify(settings)}\n`);
}
