import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { writeFileDurably } from './durable-file';

/**
 * A small JSON file the app keeps for itself (settings, window place, upload progress), read back
 * through its schema. Missing, unreadable or not matching gives `undefined`: each caller falls
 * back to its default, and the file is written afresh the next time.
 */
export function readSavedJson<T>(file: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes one such file durably: after a crash it holds the old value or the new, never half. */
export async function writeSavedJson(file: string, value: unknown): Promise<void> {
  await writeFileDurably(file, `${JSON.stringify(value)}\n`);
}
