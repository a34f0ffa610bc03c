import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, renameSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** SHA-256 of a file, hex, read as a stream so a large package is never held whole for it. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Flushes a file's bytes to disk, so that a rename after it can never expose a partial file after a power cut. */
export async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * Renames a file already flushed by {@link syncFile} into place and flushes the folder, so an
 * index row written afterwards never points at a name the disk has not recorded. Synchronous: it
 * runs between the index lookup and the insert, which must not be split by another upload.
 */
export function moveDurablySync(from: string, to: string): void {
  renameSync(from, to);
  syncFolderSync(dirname(to));
}

/** Windows cannot open a folder to flush it, and NTFS journals the rename itself. */
function syncFolderSync(path: string): void {
  if (process.platform === 'win32') return;
  const folder = openSync(path, 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
