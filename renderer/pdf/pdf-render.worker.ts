/// <reference lib="webworker" />
// First: see zod-without-eval.ts.
import '../app/zod-without-eval';
import { FACE_KEYS, type FaceKey } from '../../core/layout/font-metrics';
import { createDocumentFonts, type DocumentFonts } from '../../core/pdf/document-fonts';
import type { HarfbuzzSubsetExports } from '../../core/pdf/harfbuzz-subsetter';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { renderReceiptPdf } from '../../core/pdf/render-receipt';
import { DOCUMENT_FONT_URLS, HARFBUZZ_SUBSET_URL } from './document-font-urls';
import type { RenderJob, RenderRequest, RenderResponse } from './render-protocol';
import { pageKeys } from './page-keys';
import { rememberSubsets } from './remembered-subsets';
import { errorText } from '../../core/errors/error-text';

/**
 * Renders letters and receipts to PDF off the UI thread. The fonts (about 40 MB) and HarfBuzz are fetched
 * and prepared once, on the first request, and kept for the life of the worker.
 */
declare const self: DedicatedWorkerGlobalScope;

let fonts: Promise<DocumentFonts> | undefined;
/** Counts font loads, so page keys from fonts loaded again never match the old ones. */
let fontsLoaded = 0;

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
  const documentFonts = createDocumentFonts(bytes, harfbuzz);
  return { ...documentFonts, ...rememberSubsets(documentFonts) };
}

self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { id } = event.data;
  let response: RenderResponse;
  try {
    if (!fonts) {
      fontsLoaded += 1;
      fonts = loadFonts();
    }
    response = await render(id, event.data, await fonts);
  } catch (error) {
    fonts = undefined; // a failed font load is retried on the next request
    response = { id, ok: false, error: errorText(error) };
  }
  self.postMessage(response, response.ok ? [response.bytes.buffer] : []);
};

async function render(id: number, job: RenderJob, documentFonts: DocumentFonts): Promise<RenderResponse> {
  if (job.kind === 'receipt') return { id, ok: true, bytes: (await renderReceiptPdf(job.facts, documentFonts)).bytes, pages: 1 };
  const result = await renderLetterPdf(job.letter, documentFonts, { draft: job.draft });
  if (!result.ok) return { id, ok: false, problems: result.problems };
  return { id, ok: true, bytes: result.bytes, pages: result.plan.pages.length, pageKeys: pageKeys(result.plan, { draft: job.draft, fonts: fontsLoaded }) };
}
