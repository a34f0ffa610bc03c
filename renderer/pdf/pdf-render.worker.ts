/// <reference lib="webworker" />
// First: see zod-without-eval.ts.
import '../app/zod-without-eval';
import { FACE_KEYS, type FaceKey } from '../../core/layout/font-metrics';
import { createDocumentFonts, type DocumentFonts } from '../../core/pdf/document-fonts';
import type { HarfbuzzSubsetExports } from '../../core/pdf/harfbuzz-subsetter';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { DOCUMENT_FONT_URLS, HARFBUZZ_SUBSET_URL } from './document-font-urls';
import type { RenderRequest, RenderResponse } from './render-protocol';

/**
 * Renders letters to PDF off the UI thread. The fonts (about 40 MB) and HarfBuzz are fetched
 * and prepared once, on the first request, and kept for the life of the worker.
 */
declare const self: DedicatedWorkerGlobalScope;

let fonts: Promise<DocumentFonts> | undefined;

async function loadFonts(): Promise<DocumentFonts> {
  const fetchBytes = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const [wasm, ...faces] = await Promise.all([fetchBytes(HARFBUZZ_SUBSET_URL), ...FACE_KEYS.map((face) => fetchBytes(DOCUMENT_FONT_URLS[face]))]);
  const { instance } = await WebAssembly.instantiate(wasm as BufferSource);
  const harfbuzz = instance.exports as unknown as HarfbuzzSubsetExports & { _initialize?: () => void };
  harfbuzz._initialize?.();
  const bytes = Object.fromEntries(FACE_KEYS.map((face, i) => [face, faces[i]])) as Record<FaceKey, Uint8Array>;
  return createDocumentFonts(bytes, harfbuzz);
}

self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { id, letter } = event.data;
  let response: RenderResponse;
  try {
    fonts ??= loadFonts();
    const result = await renderLetterPdf(letter, await fonts);
    response = result.ok ? { id, ok: true, bytes: result.bytes, pages: result.plan.pages.length } : { id, ok: false, problems: result.problems };
  } catch (error) {
    fonts = undefined; // a failed font load is retried on the next request
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response, response.ok ? [response.bytes.buffer] : []);
};
