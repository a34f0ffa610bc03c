import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readFaceNames } from './font-file-names';

/** One face of a font file found in a font folder. */
export interface InstalledFontFace {
  readonly path: string;
  /** The face's index in a collection (.ttc/.otc), 0 for a single font. */
  readonly index: number;
  readonly families: readonly string[];
  readonly postscriptName: string | null;
  /** Of the whole file: with `mtimeMs` it tells a changed file from the one scanned. */
  readonly size: number;
  readonly mtimeMs: number;
}

const FONT_FILE = /\.(?:ttf|otf|ttc|otc)$/i;
/** Deep enough for /usr/share/fonts/truetype/<package>/<style>/, shallow enough that a link to / ends soon. */
const MAX_DEPTH = 6;
/** Files read at once: enough to hide a disk's latency, few enough to stay far from the open-file limit. */
const PARALLEL_READS = 16;

/**
 * Every face of every TrueType/OpenType font or collection in the folders and their subfolders.
 * Missing folders, unreadable or broken files are passed over: a machine's font folder always
 * holds something odd, and a scan that throws would leave the letter without any face. A file
 * reached twice (by a link, or by two folders in the list) is listed once, under the first path.
 */
export async function listInstalledFaces(folders: readonly string[]): Promise<InstalledFontFace[]> {
  const files = await findFontFiles(folders);
  const faces: InstalledFontFace[][] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const at = next;
      next += 1;
      faces[at] = await readFileFaces(files[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, files.length) }, worker));
  return faces.flat();
}

/** The faces of one font file, or none when it is not a font this can read. */
export async function readFileFaces(path: string): Promise<InstalledFontFace[]> {
  try {
    const file = await open(path, 'r');
    try {
      const { size, mtimeMs } = await file.stat();
      const names = await readFaceNames(file, size);
      return names.map((face) => ({ path, ...face, size, mtimeMs }));
    } finally {
      await file.close();
    }
  } catch {
    return [];
  }
}

async function findFontFiles(folders: readonly string[]): Promise<string[]> {
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();
  const files: string[] = [];
  const visit = async (folder: string, depth: number): Promise<void> => {
    // By the real path: a link back up the tree (or to a folder listed too) is entered once.
    const real = await realpath(folder).catch(() => undefined);
    if (real === undefined || seenFolders.has(real)) return;
    seenFolders.add(real);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    // Sorted, so the same folders always list the same faces in the same order.
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? await kindOf(path) : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
      if (kind === 'folder' && depth < MAX_DEPTH) await visit(path, depth + 1);
      if (kind !== 'file' || !FONT_FILE.test(entry.name)) continue;
      const target = await realpath(path).catch(() => undefined);
      if (target === undefined || seenFiles.has(target)) continue;
      seenFiles.add(target);
      files.push(path);
    }
  };
  for (const folder of folders) await visit(folder, 0);
  return files;
}

async function kindOf(path: string): Promise<'folder' | 'file' | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? 'folder' : info?.isFile() ? 'file' : undefined;
}
