import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { HarfbuzzSubsetExports } from '../../core/pdf/harfbuzz-subsetter';

const require = createRequire(import.meta.url);

/** HarfBuzz's subsetter (`harfbuzzjs`' wasm build) for Node, a fresh instance per call. */
export async function instantiateHarfbuzz(): Promise<HarfbuzzSubsetExports> {
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
