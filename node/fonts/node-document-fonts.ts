import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { FACE_KEYS, type FaceKey } from '../../core/layout/font-metrics';
import { createDocumentFonts, type DocumentFonts } from '../../core/pdf/document-fonts';
import { DOCUMENT_FONT_FILES } from '../../core/pdf/font-files';
import type { HarfbuzzSubsetExports } from '../../core/pdf/harfbuzz-subsetter';

const require = createRequire(import.meta.url);
let loading: Promise<DocumentFonts> | undefined;

/** The document fonts from node_modules and HarfBuzz's subsetter, read and prepared once per process. */
export function loadNodeDocumentFonts(): Promise<DocumentFonts> {
  loading ??= readNodeDocumentFonts();
  return loading;
}

/** A fresh copy, read and prepared anew; most callers want {@link loadNodeDocumentFonts}. */
export async function readNodeDocumentFonts(): Promise<DocumentFonts> {
  const [harfbuzz, ...faces] = await Promise.all([
    instantiateHarfbuzz(),
    ...FACE_KEYS.map(async (face) => [face, new Uint8Array(await readFile(require.resolve(DOCUMENT_FONT_FILES[face])))] as const),
  ]);
  return createDocumentFonts(Object.fromEntries(faces) as Record<FaceKey, Uint8Array>, harfbuzz as HarfbuzzSubsetExports);
}

async function instantiateHarfbuzz(): Promise<HarfbuzzSubsetExports> {
  const wasm = await readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const { instance } = await wasmRuntime().instantiate(wasm);
  const exports = instance.exports as unknown as HarfbuzzSubsetExports & { _initialize?: () => void };
  exports._initialize?.(); // an Emscripten reactor module must initialise its C runtime first
  return exports;
}

/** Node has WebAssembly, but @types/node 20 does not declare it. */
function wasmRuntime(): { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> } {
  return (globalThis as unknown as { WebAssembly: ReturnType<typeof wasmRuntime> }).WebAssembly;
}
