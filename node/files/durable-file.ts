import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makePrivateFolder, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from './private-files';

/*
 * The one place where files are made to survive a power cut, for the host and the platform alike.
 * A file is written to a temporary name and flushed, renamed over its target, and the folder
 * flushed so the rename itself survives: after a crash the target holds the old content or the
 * new, never half of it. Each step has a synchronous twin for callers that must not yield
 * between two steps (the platform's index lookup and insert) or that are synchronous throughout.
 */

/** Beside the target, so the rename stays within one file system; unique, so two writers never share one. */
function temporaryNameFor(path: string): string {
  return `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/**
 * Writes a file durably (see above). The file is this user's only (0600), in folders made 0700;
 * the temporary file is created 0600 too, so the content is never readable by others, even for a moment.
 */
export async function writeFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = temporaryNameFor(path);
  await makePrivateFolder(dirname(path));
  try {
    const file = await open(temporary, 'wx', PRIVATE_FILE_MODE);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** {@link writeFileDurably}, synchronous. */
export function writeFileDurablySync(path: string, data: Uint8Array | string): void {
  const temporary = temporaryNameFor(path);
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  try {
    const file = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
    try {
      writeFileSync(file, data);
      fsyncSync(file);
    } finally {
      closeSync(file);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolderSync(dirname(path));
}

/** Flushes the bytes of a file written by other means (an upload's store), so a rename after it can never expose a partial file. */
export async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * Renames a file already flushed by {@link syncFile} into place and flushes the folder, so a record
 * written afterwards never points at a name the disk has not recorded.
 */
export function moveDurablySync(from: string, to: string): void {
  renameSync(from, to);
  syncFolderSync(dirname(to));
}

/** Flushes a folder's entries; Windows cannot open a folder for this, and NTFS journals the rename itself. */
export async function syncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** {@link syncFolder}, synchronous. */
export function syncFolderSync(path: string): void {
  if (process.platform === 'win32') return;
  const folder = openSync(path, 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
