import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DesktopHandlers, InstalledFace } from '../../core/bridge/desktop-api';
import { chooseOfficialFaces, displayFamily } from '../../core/fonts/choose-official-faces';
import { FONT_ROLES, type FontRole } from '../../core/fonts/font-roles';
import { t } from '../../core/i18n/translate';
import { writeFileDurably } from '../../node/files/durable-file';
import { listInstalledFaces, type InstalledFontFace } from '../../node/fonts/installed-faces';
import { systemFontFolders } from '../../node/fonts/system-font-folders';
import { checkPickedFont, type PickedFontCheck } from './check-picked-font';
import { readFontPicks, writeFontPicks, type FontPick } from './font-picks-file';

export type FontHandlers = Pick<DesktopHandlers, 'fonts.describe' | 'fonts.read' | 'fonts.pick' | 'fonts.forget'>;

export interface FontLibraryOptions {
  readonly dataDir: string;
  /** Where official faces are looked for; the system's font folders (or PLEDGE_FONT_DIRS) by default. */
  readonly folders?: readonly string[];
}

/** A face the host offers, with what it needs to serve the bytes and to tell a changed file. */
interface Offered {
  readonly face: InstalledFace;
  readonly path: string;
}

/** The folder in the data folder that holds the picked files and the choice. */
export const FONTS_FOLDER = 'fonts';
const PICKS_FILE = 'picks.json';

/**
 * The faces behind the `fonts.*` calls: per role the file the user picked, else the best official
 * face installed, else none (the bundled font). The font folders are scanned once per process, on
 * first use; a chosen file that changed or went away since makes the next call scan again. Bytes
 * are only served for ids this library offered, never for a path the page names.
 */
export function createFontLibrary(options: FontLibraryOptions): FontHandlers {
  const folders = [...(options.folders ?? systemFontFolders())];
  const fontsFolder = join(options.dataDir, FONTS_FOLDER);
  const picksFile = join(fontsFolder, PICKS_FILE);
  let scan: Promise<Record<FontRole, InstalledFontFace | null>> | undefined;
  // Picks and forgets one after the other: each reads the choice the one before wrote.
  let changes: Promise<unknown> = Promise.resolve();
  const serially = <T>(change: () => Promise<T>): Promise<T> => {
    const result = changes.then(change);
    changes = result.catch(() => undefined);
    return result;
  };

  const official = async (): Promise<Record<FontRole, InstalledFontFace | null>> => {
    scan ??= listInstalledFaces(folders).then(chooseOfficialFaces);
    const chosen = await scan;
    if (await allUnchanged(Object.values(chosen))) return chosen;
    scan = listInstalledFaces(folders).then(chooseOfficialFaces);
    return scan;
  };

  const offered = async (): Promise<Record<FontRole, Offered | null>> => {
    const system = await official();
    const { picks } = readFontPicks(picksFile);
    const result = {} as Record<FontRole, Offered | null>;
    for (const role of FONT_ROLES) {
      const pick = picks[role];
      const picked = pick ? await offerPicked(join(fontsFolder, pick.file), pick) : null;
      const installed = system[role];
      result[role] = picked ?? (installed ? offerInstalled(installed) : null);
    }
    return result;
  };

  return {
    'fonts.describe': async () => {
      const faces = await offered();
      return { faces: Object.fromEntries(FONT_ROLES.map((role) => [role, faces[role]?.face ?? null])) as Record<FontRole, InstalledFace | null>, folders };
    },
    'fonts.read': async ({ id }) => {
      const face = Object.values(await offered()).find((candidate) => candidate?.face.id === id);
      if (!face) throw new Error('No such font: fonts.read serves only the faces fonts.describe offers.');
      return { base64: (await readFile(face.path)).toString('base64') };
    },
    'fonts.pick': ({ role, name, base64 }) =>
      serially(async () => {
        const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
        const check = await checkPickedFont(bytes, role);
        if (!check.ok) return { ok: false as const, message: t(check.reason === 'no-cjk' ? 'fonts.error.no-cjk' : 'fonts.error.not-font', { file: name }) };
        const file = `${role}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${extensionFor(name, check)}`;
        await writeFileDurably(join(fontsFolder, file), bytes);
        const choice = readFontPicks(picksFile);
        const earlier = choice.picks[role];
        const pick: FontPick = { file, index: check.index, family: check.family, pickedName: name };
        await writeFontPicks(picksFile, { picks: { ...choice.picks, [role]: pick } });
        if (earlier && earlier.file !== file) await rm(join(fontsFolder, earlier.file), { force: true });
        const face = await offerPicked(join(fontsFolder, file), pick);
        if (!face) throw new Error(`The kept font ${file} went away as it was written.`);
        return { ok: true as const, face: face.face };
      }),
    'fonts.forget': ({ role }) =>
      serially(async () => {
        const choice = readFontPicks(picksFile);
        const earlier = choice.picks[role];
        if (!earlier) return {};
        const { [role]: _forgotten, ...rest } = choice.picks;
        await writeFontPicks(picksFile, { picks: rest });
        await rm(join(fontsFolder, earlier.file), { force: true });
        return {};
      }),
  };
}

const KNOWN_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc', '.otc']);

/** The picked file's own extension where it is a font's, else the one its content calls for. */
function extensionFor(name: string, check: PickedFontCheck & { ok: true }): string {
  const own = extname(name).toLowerCase();
  if (KNOWN_EXTENSIONS.has(own)) return own;
  return check.collection ? '.ttc' : check.cff ? '.otf' : '.ttf';
}

/** An id that names the file, the face and the file's state, so a changed file never passes for the one read before. */
function faceId(origin: InstalledFace['origin'], path: string, index: number, size: number, mtimeMs: number): string {
  return `${origin}-${createHash('sha256').update(JSON.stringify([path, index, size, mtimeMs])).digest('hex').slice(0, 32)}`;
}

function offerInstalled(face: InstalledFontFace): Offered {
  const id = faceId('system', face.path, face.index, face.size, face.mtimeMs);
  return { path: face.path, face: { id, family: displayFamily(face.families), file: face.path, index: face.index, origin: 'system' } };
}

async function offerPicked(path: string, pick: FontPick): Promise<Offered | null> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return null;
  const id = faceId('picked', path, pick.index, info.size, info.mtimeMs);
  return { path, face: { id, family: pick.family, file: path, index: pick.index, origin: 'picked' } };
}

async function allUnchanged(faces: readonly (InstalledFontFace | null)[]): Promise<boolean> {
  for (const face of faces) {
    if (!face) continue;
    const info = await stat(face.path).catch(() => undefined);
    if (!info || info.size !== face.size || info.mtimeMs !== face.mtimeMs) return false;
  }
  return true;
}
