import { lstatSync, mkdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { writeFileDurablySync } from '../../node/files/durable-file';
import { PRIVATE_FOLDER_MODE } from '../../node/files/private-files';
import { readSavedJson } from '../../node/files/saved-json';

/** Where an interrupted upload of one package can go on, kept in a small JSON file. */
export const UploadStateSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadUrl: z.url(),
  offset: z.number().int().nonnegative(),
});
export type UploadState = z.infer<typeof UploadStateSchema>;

/**
 * Where `pledge send` keeps its progress when no `--state` is given: the user's cache folder
 * (`$XDG_CACHE_HOME`, else `~/.cache`), then the system's temporary folder, one file per package
 * named by its SHA-256. Not beside the package: that may sit on a read-only USB stick or share,
 * and a package copied elsewhere is still the same package.
 */
export function defaultUploadStateFiles(sha256: string, env: Readonly<Record<string, string | undefined>>): string[] {
  const xdg = env['XDG_CACHE_HOME'];
  const cache = xdg !== undefined && isAbsolute(xdg) ? xdg : join(homedir(), '.cache');
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return [join(cache, 'pledge-desk', 'uploads', `${sha256}.json`), join(tmpdir(), `pledge-desk-${user}`, 'uploads', `${sha256}.json`)];
}

/**
 * The progress of one package's upload, saved to the first of `files` that can be written. When
 * none can, it is kept in memory only: retries within this run still resume, and
 * `onMemoryOnly` is told once, so the person hears that a later run starts over.
 */
export class UploadStateStore {
  private index = 0;
  private memoryOnly = false;

  constructor(
    private readonly files: readonly string[],
    private readonly onMemoryOnly: (file: string, reason: string) => void,
  ) {}

  /** True once no file could be written: a later run will not find this run's progress. */
  get inMemoryOnly(): boolean {
    return this.memoryOnly;
  }

  /**
   * The state saved for a package with this hash. A missing, unreadable or foreign file gives
   * `undefined`: starting over costs bytes but never a second copy, as the platform
   * deduplicates by submission id.
   */
  read(sha256: string): UploadState | undefined {
    for (const file of this.files) {
      const state = readSavedJson(file, UploadStateSchema);
      if (state?.sha256 === sha256) return state;
    }
    return undefined;
  }

  /** Never throws: a failed save would otherwise fail the attempt and leave one more abandoned upload on the platform. */
  save(state: UploadState): void {
    while (!this.memoryOnly) {
      const file = this.files[this.index]!;
      try {
        writeUploadState(file, state);
        return;
      } catch (error) {
        if (this.index + 1 < this.files.length) {
          this.index += 1;
          continue;
        }
        this.memoryOnly = true;
        this.onMemoryOnly(file, (error as NodeJS.ErrnoException).code ?? String(error));
      }
    }
  }

  /** After a receipt or a final refusal nothing is left to resume; a file that cannot be removed is left to expire. */
  remove(): void {
    for (const file of this.files) {
      try {
        rmSync(file, { force: true });
      } catch {
        // Read-only: it was never written there either.
      }
    }
  }
}

/** Written durably, so a kill mid-write leaves the old state, not half a file. */
function writeUploadState(file: string, state: UploadState): void {
  const folder = dirname(file);
  // Private to this user: a folder under the shared temporary folder could have been made by someone else.
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const owner = lstatSync(folder);
  if (!owner.isDirectory() || (typeof process.getuid === 'function' && owner.uid !== process.getuid())) throw Object.assign(new Error(`${folder} is not this user's folder`), { code: 'EPERM' });
  writeFileDurablySync(file, `${JSON.stringify(state)}\n`);
}
