import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The layout @tus/file-store keeps in `<data>/uploads/`: the bytes received so far in `<id>` and
 * what the upload declared in `<id>.json`. The platform names uploads itself ({@link newUploadId})
 * and refuses any other name before the store is asked, so nothing a client writes in a URL can
 * reach a file the platform did not create.
 */
const UPLOAD_ID = /^[0-9a-f]{32}$/;
const INFO_SUFFIX = '.json';

/** The key of `Upload-Metadata` the platform sets itself to the credential that created the upload. */
export const OWNER_KEY = 'pledgeOwner';

export const newUploadId = (): string => randomBytes(16).toString('hex');
export const isUploadId = (id: string): boolean => UPLOAD_ID.test(id);

export interface UnfinishedUpload {
  readonly id: string;
  readonly size: number;
  readonly owner: string | undefined;
}

/**
 * What `<id>.json` says about an upload, or undefined when there is no such upload (or the name is
 * not one of ours). Synchronous, and small: the router reads it before @tus/server takes the
 * request, and a turn of the event loop in between would let a cut connection discard body bytes
 * that had already arrived, which the next attempt would then send again.
 */
export function readUploadInfo(uploadsDir: string, id: string): UnfinishedUpload | undefined {
  if (!isUploadId(id)) return undefined;
  let text: string;
  try {
    text = readFileSync(join(uploadsDir, id + INFO_SUFFIX), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const info = JSON.parse(text) as { size?: unknown; metadata?: Record<string, unknown> | null };
    const owner = info.metadata?.[OWNER_KEY];
    return { id, size: typeof info.size === 'number' ? info.size : 0, owner: typeof owner === 'string' ? owner : undefined };
  } catch {
    return undefined;
  }
}

/** Every upload still in the folder, as the per-credential caps count them. */
export async function listUploads(uploadsDir: string): Promise<UnfinishedUpload[]> {
  const names = await readdir(uploadsDir);
  const ids = names.filter((name) => name.endsWith(INFO_SUFFIX)).map((name) => name.slice(0, -INFO_SUFFIX.length));
  const infos = ids.map((id) => readUploadInfo(uploadsDir, id));
  return infos.filter((info): info is UnfinishedUpload => info !== undefined);
}

export interface SweepOptions {
  /** An upload with neither file changed for this long is dropped. */
  readonly idleMs: number;
  /** A data file without its `.json`, or the reverse, is dropped once it is this old (0: at once). */
  readonly orphanGraceMs: number;
  /** Uploads being checked right now, never touched. */
  readonly busy: ReadonlySet<string>;
  readonly now: number;
}

/**
 * Drops uploads without progress for `idleMs` (an office that gave up, or lost its state) and
 * the halves of uploads whose other half is gone (a crash between the two files). The grace for
 * orphans covers the moments when the store itself has written one file and not yet the other.
 * Answers the ids dropped.
 */
export async function sweepUploads(uploadsDir: string, options: SweepOptions): Promise<string[]> {
  const names = new Set(await readdir(uploadsDir));
  const dropped: string[] = [];
  const ids = new Set([...names].map((name) => (name.endsWith(INFO_SUFFIX) ? name.slice(0, -INFO_SUFFIX.length) : name)));
  for (const id of ids) {
    if (options.busy.has(id)) continue;
    const files = [id, id + INFO_SUFFIX].filter((name) => names.has(name));
    const changed = await Promise.all(files.map((name) => lastChange(join(uploadsDir, name))));
    const age = options.now - Math.max(...changed);
    const orphan = files.length === 1;
    if (orphan ? age < options.orphanGraceMs : age <= options.idleMs) continue;
    // Data first: a `.json` left alone by a crash here is an orphan the next sweep drops.
    for (const name of files) await unlink(join(uploadsDir, name)).catch(() => undefined);
    dropped.push(id);
  }
  return dropped;
}

/** A file gone since the listing counts as changed now, so it is left to the next sweep. */
async function lastChange(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
