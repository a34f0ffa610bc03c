import fontkit from '@pdf-lib/fontkit';
import { chooseOfficialFaces, displayFamily } from '../../core/fonts/choose-official-faces';
import type { FontRole } from '../../core/fonts/font-roles';
import { faceNamesOf } from '../../node/fonts/font-file-names';

/** Characters every letter has: a face lacking any of them is not a Chinese font, whatever it is called. */
export const CJK_SAMPLE = '承诺书政务诚信';

export type PickedFontCheck =
  | { readonly ok: true; readonly index: number; readonly family: string; readonly collection: boolean; readonly cff: boolean }
  | { readonly ok: false; readonly reason: 'not-font' | 'no-cjk' };

type FontkitFont = ReturnType<typeof fontkit.create>;

/**
 * Whether a file the user picked can set a role, and which of its faces: a TrueType/OpenType
 * font or collection (not WOFF, which systems do not install) whose face draws common Chinese.
 * In a collection the face named as the role's official family wins, else the first with Chinese.
 */
export async function checkPickedFont(bytes: Uint8Array, role: FontRole): Promise<PickedFontCheck> {
  const tag = bytes.byteLength >= 4 ? String.fromCharCode(...bytes.subarray(0, 4)) : '';
  if (!['ttcf', 'OTTO', 'true', '\u0000\u0001\u0000\u0000'].includes(tag)) return { ok: false, reason: 'not-font' };
  let drawing: { index: number; families: readonly string[]; path: string }[];
  try {
    const names = await faceNamesOf(bytes);
    const parsed = fontkit.create(bytes) as FontkitFont | { fonts: FontkitFont[] };
    const fonts = 'fonts' in parsed ? parsed.fonts : [parsed];
    if (fonts.length !== names.length) return { ok: false, reason: 'not-font' };
    drawing = names
      .filter((_, index) => drawsSample(fonts[index]!))
      .map((face) => ({ index: face.index, families: face.families, path: '' }));
  } catch {
    return { ok: false, reason: 'not-font' };
  }
  const chosen = chooseOfficialFaces(drawing)[role] ?? drawing[0];
  if (!chosen) return { ok: false, reason: 'no-cjk' };
  return { ok: true, index: chosen.index, family: displayFamily(chosen.families), collection: tag === 'ttcf', cff: tag === 'OTTO' };
}

/** Every sample character mapped, and its outline readable: a damaged glyph table throws here rather than in the PDF. */
function drawsSample(font: FontkitFont): boolean {
  if (![...CJK_SAMPLE].every((char) => font.hasGlyphForCodePoint(char.codePointAt(0)!))) return false;
  for (const glyph of font.glyphsForString(CJK_SAMPLE)) void glyph.path;
  return true;
}
