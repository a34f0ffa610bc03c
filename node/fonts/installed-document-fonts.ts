import { readFile } from 'node:fs/promises';
import { chooseOfficialFaces } from '../../core/fonts/choose-official-faces';
import type { FontFace } from '../../core/fonts/font-chains';
import { FONT_ROLES, type FontRole } from '../../core/fonts/font-roles';
import type { DocumentFonts } from '../../core/pdf/document-fonts';
import { listInstalledFaces } from './installed-faces';
import { readNodeDocumentFonts } from './node-document-fonts';
import { systemFontFolders } from './system-font-folders';

let loading: Promise<DocumentFonts> | undefined;

/**
 * The document fonts as `pledge render` and `pledge pack` use them: the official faces installed
 * in the system font folders (or PLEDGE_FONT_DIRS) first, the bundled fonts after, the same chains
 * the app draws with when no file was picked. Read once per process.
 */
export function loadInstalledDocumentFonts(folders: readonly string[] = systemFontFolders()): Promise<DocumentFonts> {
  loading ??= readInstalledDocumentFonts(folders);
  return loading;
}

export async function readInstalledDocumentFonts(folders: readonly string[]): Promise<DocumentFonts> {
  const chosen = chooseOfficialFaces(await listInstalledFaces(folders));
  // A collection may serve two roles: read each file once.
  const files = new Map<string, Promise<Uint8Array>>();
  const installed: Partial<Record<FontRole, FontFace>> = {};
  for (const role of FONT_ROLES) {
    const face = chosen[role];
    if (!face) continue;
    if (!files.has(face.path)) files.set(face.path, readFile(face.path).then((bytes) => new Uint8Array(bytes)));
    installed[role] = { bytes: await (files.get(face.path) as Promise<Uint8Array>), index: face.index };
  }
  return readNodeDocumentFonts(installed);
}
