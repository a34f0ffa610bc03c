import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makePrivateFolder, PRIVATE_FILE_MODE } from './private-files';

/**
 * Writes a file so that after a power cut it holds either the old content or the new, never half
 * of it: a temporary file is written and flushed, renamed over the target, and the folder flushed
 * so the rename itself survives. The file is this user's only (0600), in folders made 0700.
 */
export async function writeFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await makePrivateFolder(dirname(path));
  try {
    // The temporary file is created 0600 and renamed: the content is never readable by others, even for a moment.
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

/** Flushes a folder's entries; Windows cannot open a folder for this, and its renames are durable enough. */
export async function syncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
