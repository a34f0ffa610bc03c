import { chmod, lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The data folder holds letters, signed scans, packages and the platform token: on a shared
 * office computer no other account may read it. Folders are 0700 and files 0600 wherever the
 * system has such modes; Windows has not (a folder under the user's profile is the user's already).
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const HAS_MODES = process.platform !== 'win32';

/**
 * What the app itself keeps in the data folder. In Electron the folder also holds the engine's
 * own profile, which the folder's 0700 shuts in; its contents are the engine's to manage.
 */
const OWN_ENTRIES = ['sync', 'outbox', 'exports', 'print', 'logs', 'fonts', 'window-state.json'];

/** Creates a folder and any missing parents as 0700; a folder that exists (the system temp folder) is left as it is. */
export async function makePrivateFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
}

/** Writes a whole file as 0600, also over an older copy that others could read. */
export async function writePrivateFile(path: string, data: Uint8Array | string): Promise<void> {
  await writeFile(path, data, { mode: PRIVATE_FILE_MODE });
  await makePrivate(path);
}

/** Sets 0600 on a file written by other means (a copy keeps its source's mode, an existing file its own). */
export async function makePrivate(path: string): Promise<void> {
  if (HAS_MODES) await chmod(path, PRIVATE_FILE_MODE);
}

/**
 * At start: the data folder 0700 and the app's own entries in it 0700/0600 all the way down, so a
 * folder written by an earlier version, or under a looser umask, is closed too. Links are never
 * followed; an entry that cannot be changed is reported and the start goes on.
 */
export async function tightenDataFolder(dataDir: string, onError: (error: unknown) => void): Promise<void> {
  if (!HAS_MODES) return;
  await tighten(dataDir, false, onError);
  for (const name of OWN_ENTRIES) await tighten(join(dataDir, name), true, onError);
}

async function tighten(path: string, recursive: boolean, onError: (error: unknown) => void): Promise<void> {
  try {
    const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info?.isFile()) await chmod(path, PRIVATE_FILE_MODE);
    if (!info?.isDirectory()) return;
    await chmod(path, PRIVATE_FOLDER_MODE);
    if (recursive) for (const name of await readdir(path)) await tighten(join(path, name), true, onError);
  } catch (error) {
    onError(error);
  }
}
