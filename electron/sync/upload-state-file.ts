import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { readSavedJson } from './saved-json';

/** Where an interrupted upload of one package can go on, kept in a small JSON file next to it. */
export const UploadStateSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadUrl: z.url(),
  offset: z.number().int().nonnegative(),
});
export type UploadState = z.infer<typeof UploadStateSchema>;

/**
 * Reads the state saved for a package with this hash. A missing, unreadable or foreign file
 * gives `undefined`: starting over costs bytes but never a second copy, as the platform
 * deduplicates by submission id.
 */
export function readUploadState(file: string, sha256: string): UploadState | undefined {
  const state = readSavedJson(file, UploadStateSchema);
  return state?.sha256 === sha256 ? state : undefined;
}

/** Written through a temporary file and a rename, so a kill mid-write leaves the old state, not half a file. */
export function writeUploadState(file: string, state: UploadState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, file);
}

export function removeUploadState(file: string): void {
  rmSync(file, { force: true });
}
