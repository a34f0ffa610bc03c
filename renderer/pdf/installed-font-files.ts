import { FONT_ROLES, type FontRole } from '../../core/fonts/font-roles';
import { desktop } from '../bridge/desktop';
import { fromBase64 } from '../shared/to-base64';
import type { InstalledFontFiles } from './render-protocol';

/**
 * The faces the host offers for each role (a picked file, or an official face installed on the
 * machine), fetched over the bridge for the PDF worker. A host that cannot say leaves every role
 * to the bundled fonts: a letter is still drawn, only not in the office's faces.
 */
export async function installedFontFiles(): Promise<InstalledFontFiles> {
  let choices;
  try {
    choices = await desktop.call('fonts.describe');
  } catch (error) {
    console.warn('fonts.describe failed; using the bundled fonts only', error);
    return {};
  }
  const files: Partial<Record<FontRole, { bytes: Uint8Array; index: number }>> = {};
  // One file may serve several roles (a collection); read it once.
  const read = new Map<string, Promise<Uint8Array>>();
  await Promise.all(
    FONT_ROLES.map(async (role) => {
      const face = choices.faces[role];
      if (!face) return;
      let bytes = read.get(face.id);
      if (!bytes) {
        bytes = desktop.call('fonts.read', { id: face.id }).then(({ base64 }) => fromBase64(base64));
        read.set(face.id, bytes);
      }
      files[role] = { bytes: await bytes, index: face.index };
    }),
  );
  return files;
}
