import { open } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { makePrivateFolder, PRIVATE_FILE_MODE } from '../../node/files/private-files';

/** More copies of one name than anyone keeps; past it something is wrong, and saying so beats looping. */
const MAX_COPIES = 999;

/**
 * Claims a new, empty file at `path`, or, when a file of that name exists, at `名称 (2).pdf`,
 * `名称 (3).pdf` … and returns the path claimed, for the caller to fill. Where the host picks the
 * path itself (the browser host's exports folder, which has no dialog to ask), an earlier export
 * is never replaced: the approved PDF was once overwritten by a draft of the same title. Each
 * name is taken with O_EXCL ('wx'), so two saves at once never get the same one and nothing can
 * appear between the check and the claim.
 *
 * @example await claimFreePath('/data/exports/承诺书.pdf') // '/data/exports/承诺书 (2).pdf' when the first exists
 */
export async function claimFreePath(path: string): Promise<string> {
  await makePrivateFolder(dirname(path));
  const extension = extname(path);
  const stem = basename(path, extension);
  for (let copy = 1; copy <= MAX_COPIES; copy += 1) {
    const candidate = copy === 1 ? path : join(dirname(path), `${stem} (${copy})${extension}`);
    try {
      await (await open(candidate, 'wx', PRIVATE_FILE_MODE)).close();
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`${MAX_COPIES} files named ${basename(path)} exist already in ${dirname(path)}`);
}
