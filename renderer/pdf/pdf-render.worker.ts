/// <reference lib="webworker" />
// First: see zod-without-eval.ts.
import '../app/zod-without-eval';
import { fontChains, type FontFace } from '../../core/fonts/font-chains';
import { FONT_ROLES, type FontRole } from '../../core/fonts/font-roles';
import { lazilyUnpacked } from '../../core/fonts/woff-to-sfnt';
import { createDocumentFonts, type DocumentFonts } from '../../core/pdf/document-fonts';
import type { HarfbuzzSubsetExports } from '../../core/pdf/harfbuzz-subsetter';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { renderReceiptPdf } from '../../core/pdf/render-receipt';
import { buildPrintFile } from '../../core/batch-print/print-file';
import { renderServiceCardsPdf } from '../../core/service-cards/service-cards-pdf';
import { renderPosterPdf } from '../../core/publication/poster-pdf';
import { renderProgressPdf } from '../../core/pdf/render-progress';
import { BUNDLED_FACES } from '../../core/fonts/bundled-faces';
import { BUNDLED_FONT_URLS, HARFBUZZ_SUBSET_URL } from './document-font-urls';
import type { InstalledFontFiles, PlanDrawing, RenderJob, RenderRequest, RenderResponse } from './render-protocol';
import { pageKeys } from './page-keys';
import { rememberSubsets } from './remembered-subsets';
import { createSubsetIds, planDrawing } from './plan-canvas-drawing';
import { errorText } from '../../core/errors/error-text';

/**
 * Renders letters and receipts to PDF off the UI thread. The bundled fonts (about 60 MB) and
 * HarfBuzz are fetched and prepared on the first request and kept for the life of the worker;
 * the installed faces come with the first request and again whenever they change.
 */
declare const self: DedicatedWorkerGlobalScope;

let fonts: Promise<DocumentFonts> | undefined;
let bundled: Promise<{ harfbuzz: HarfbuzzSubsetExports; faces: Record<FontRole, FontFace> }> | undefined;
let installed: InstalledFontFiles = {};
/** Counts font loads, so page keys from fonts loaded again never match the old ones. */
let fontsLoaded = 0;
/** Ids of the subsets sent with plan drawings; a font load starts them anew, with its own prefix. */
let subsetIds = createSubsetIds();

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function loadBundled(): Promise<{ harfbuzz: HarfbuzzSubsetExports; faces: Record<FontRole, FontFace> }> {
  const [wasm, ...files] = await Promise.all([fetchBytes(HARFBUZZ_SUBSET_URL), ...FONT_ROLES.map((role) => fetchBytes(BUNDLED_FONT_URLS[role]))]);
  const { instance } = await WebAssembly.instantiate(wasm as BufferSource);
  const harfbuzz = instance.exports as unknown as HarfbuzzSubsetExports & { _initialize?: () => void };
  harfbuzz._initialize?.();
  const faces = Object.fromEntries(
    FONT_ROLES.map((role, i) => [role, lazilyUnpacked(BUNDLED_FACES[role].postscriptName, files[i] as Uint8Array)]),
  ) as Record<FontRole, FontFace>;
  return { harfbuzz, faces };
}

async function loadFonts(files: InstalledFontFiles): Promise<DocumentFonts> {
  bundled ??= loadBundled();
  const { harfbuzz, faces } = await bundled;
  const documentFonts = createDocumentFonts(fontChains(faces, files), harfbuzz, { deflate: deflateInBrowser });
  return { ...documentFonts, ...rememberSubsets(documentFonts) };
}

/** The browser's own zlib (CompressionStream 'deflate' is the zlib format PDF's FlateDecode reads). */
async function deflateInBrowser(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

self.onmessage = async (event: MessageEvent<RenderRequest>) => {
  const { id } = event.data;
  let response: RenderResponse;
  try {
    if (event.data.fonts) {
      installed = event.data.fonts;
      fonts = undefined;
    }
    if (!fonts) {
      fontsLoaded += 1;
      subsetIds = createSubsetIds(`f${fontsLoaded}-`);
      fonts = loadFonts(installed);
    }
    response = await render(id, event.data, await fonts);
  } catch (error) {
    // A failed font load is retried on the next request; one that fails for an installed face
    // (a file changed under us) is retried without it, so the letter is still drawn.
    if (fonts && Object.keys(installed).length > 0) installed = {};
    fonts = undefined;
    bundled = undefined;
    response = { id, ok: false, error: errorText(error) };
  }
  // The subsets are the worker's own copies (remembered-subsets.ts), so they can be handed over too.
  self.postMessage(response, response.ok ? [response.bytes.buffer, ...(response.drawing?.fonts.map((font) => font.bytes.buffer) ?? [])] : []);
};

async function render(id: number, job: RenderJob, documentFonts: DocumentFonts): Promise<RenderResponse> {
  if (job.kind === 'receipt') return { id, ok: true, bytes: (await renderReceiptPdf(job.facts, documentFonts)).bytes, pages: 1 };
  if (job.kind === 'print-file') {
    const file = await buildPrintFile(job.input, documentFonts);
    return { id, ok: true, bytes: file.bytes, pages: file.pages.length, printed: { batchKey: file.batchKey, letters: file.letters } };
  }
  if (job.kind === 'poster') {
    const poster = await renderPosterPdf(job.facts, documentFonts);
    return { id, ok: true, bytes: poster.bytes, pages: 1 };
  }
  if (job.kind === 'progress') {
    const { bytes, plan } = await renderProgressPdf(job.report, job.report.title, documentFonts);
    return { id, ok: true, bytes, pages: plan.pages.length };
  }
  if (job.kind === 'service-cards') {
    const cards = await renderServiceCardsPdf(job.letter, documentFonts, { url: job.url });
    return cards.ok ? { id, ok: true, bytes: cards.bytes, pages: cards.sheets } : { id, ok: false, problems: cards.problems };
  }
  const result = await renderLetterPdf(job.letter, documentFonts, { draft: job.draft });
  if (!result.ok) return { id, ok: false, problems: result.problems };
  const keys = pageKeys(result.plan, { draft: job.draft, fonts: fontsLoaded });
  // Only drafts are drawn from the plan (the edit preview); the approved PDF is always drawn by pdf.js.
  return { id, ok: true, bytes: result.bytes, pages: result.plan.pages.length, pageKeys: keys, ...(job.draft ? drawingOf(result.plan, documentFonts) : {}) };
}

/** Without a drawing (a face no role draws a character in, say) the preview falls back to pdf.js. */
function drawingOf(plan: Parameters<typeof planDrawing>[0], documentFonts: DocumentFonts): { drawing?: PlanDrawing } {
  try {
    return { drawing: planDrawing(plan, documentFonts, subsetIds, { draft: true }) };
  } catch (error) {
    console.warn('no plan drawing; the preview draws the PDF', error);
    return {};
  }
}
