import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { deflate, deflateSync } from 'node:zlib';
import { BUNDLED_FACES } from '../../core/fonts/bundled-faces';
import { fontChains, type FontFace } from '../../core/fonts/font-chains';
import { FONT_ROLES, type FontRole } from '../../core/fonts/font-roles';
import { lazilyUnpacked } from '../../core/fonts/woff-to-sfnt';
import { createDocumentFonts, type DocumentFonts } from '../../core/pdf/document-fonts';
import { instantiateHarfbuzz } from './harfbuzz-wasm';

const require = createRequire(import.meta.url);
let loading: Promise<DocumentFonts> | undefined;
let bundled: Promise<Readonly<Record<FontRole, FontFace>>> | undefined;

/** The bundled document fonts and HarfBuzz's subsetter, read and prepared once per process. */
export function loadNodeDocumentFonts(): Promise<DocumentFonts> {
  loading ??= readNodeDocumentFonts();
  return loading;
}

/**
 * A fresh copy, prepared anew, with `installed` faces (official faces found on the machine or
 * picked by the user) before the bundled ones; most callers want {@link loadNodeDocumentFonts}.
 */
export async function readNodeDocumentFonts(installed: Partial<Record<FontRole, FontFace | null>> = {}): Promise<DocumentFonts> {
  const [harfbuzz, faces] = await Promise.all([instantiateHarfbuzz(), bundledFaces()]);
  return createDocumentFonts(fontChains(faces, installed), harfbuzz, { deflate: nativeDeflate });
}

/** The bundled faces, read from node_modules once (the WOFF one unpacked). */
export function bundledFaces(): Promise<Readonly<Record<FontRole, FontFace>>> {
  bundled ??= Promise.all(
    FONT_ROLES.map(async (role) => {
      const { module, postscriptName } = BUNDLED_FACES[role];
      return [role, lazilyUnpacked(postscriptName, new Uint8Array(await readFile(require.resolve(module))))] as const;
    }),
  ).then((entries) => Object.fromEntries(entries) as Record<FontRole, FontFace>);
  return bundled;
}

const deflateAsync = promisify(deflate);

/**
 * Below this, a stream (a page's text, a ToUnicode map, a few glyphs) costs the thread pool's
 * hand-over several times what compressing it costs: it is compressed at once, to the same bytes.
 */
const SMALL_STREAM = 32 * 1024;

/** Node's zlib, in its thread pool: the fonts of a letter compress side by side, off the main thread. */
async function nativeDeflate(bytes: Uint8Array): Promise<Uint8Array> {
  const compressed = bytes.byteLength < SMALL_STREAM ? deflateSync(bytes, { level: 6 }) : await deflateAsync(bytes, { level: 6 });
  return new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength);
}
