import type { PrintFileInput } from '../../core/batch-print/print-file';
import type { ReceiptFacts } from '../../core/layout/layout-receipt';
import type { Letter } from '../../core/letter/letter-schema';
import type { PosterFacts } from '../../core/publication/poster-layout';
import type { ProgressReport } from '../../core/progress/progress-schema';
import { onFontsChanged } from '../fonts/fonts-changed';
import { installedFontFiles } from './installed-font-files';
import type { InstalledFontFiles, RenderJob, RenderRequest, RenderResponse } from './render-protocol';

/** The UI side of the PDF worker: one worker, started on first use, answers matched by id. */
let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (response: RenderResponse) => void>();
/** The installed faces, asked of the host once and again after they change. */
let fontFiles: Promise<InstalledFontFiles> | undefined;
/** Whether the running worker has been given the current `fontFiles`. */
let fontsSent = false;

/** The user picked or forgot a face: the next render prepares the fonts anew. */
export function reloadInstalledFonts(): void {
  fontFiles = undefined;
  fontsSent = false;
}

onFontsChanged(reloadInstalledFonts);

function startWorker(): Worker {
  const w = new Worker(new URL('./pdf-render.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<RenderResponse>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  };
  w.onerror = (event) => {
    for (const [id, resolve] of pending) resolve({ id, ok: false, error: event.message || 'PDF worker failed' });
    pending.clear();
    worker = undefined;
    fontsSent = false;
  };
  return w;
}

/**
 * Renders a letter. `draft: true` for everything but the PDF frozen for review: the preview and
 * exports carry the 草稿 mark, so a draft is never taken for the approved letter.
 */
export function renderLetterInWorker(letter: unknown, options: { readonly draft: boolean }): Promise<RenderResponse> {
  return renderInWorker({ kind: 'letter', letter, draft: options.draft });
}

/** The printable receipt (回执单) of a delivered submission. */
export function renderReceiptInWorker(facts: ReceiptFacts): Promise<RenderResponse> {
  return renderInWorker({ kind: 'receipt', facts });
}

/** A staff batch's print file for signatures: the approved PDFs copied as they are, behind a cover drawn in the document fonts. */
export function renderPrintFileInWorker(input: PrintFileInput): Promise<RenderResponse> {
  return renderInWorker({ kind: 'print-file', input });
}

/** A letter's 政务承诺服务卡, with a QR code to `url` when there is one. */
export function renderServiceCardsInWorker(letter: Letter, url: string | undefined): Promise<RenderResponse> {
  return renderInWorker({ kind: 'service-cards', letter, url });
}

/** The service-hall poster of a letter, with its QR code to the public address. */
export function renderPosterInWorker(facts: PosterFacts): Promise<RenderResponse> {
  return renderInWorker({ kind: 'poster', facts });
}

/** A progress report as frozen for the principal (core/pdf/render-progress.ts). */
export function renderProgressInWorker(report: ProgressReport): Promise<RenderResponse> {
  return renderInWorker({ kind: 'progress', report });
}

async function renderInWorker(job: RenderJob): Promise<RenderResponse> {
  const id = nextId++;
  // Every request waits for the same promise, so they still reach the worker in the order made.
  const files = await (fontFiles ??= installedFontFiles());
  worker ??= startWorker();
  const request: RenderRequest = fontsSent ? { ...job, id } : { ...job, id, fonts: files };
  fontsSent = true;
  return new Promise((resolve) => {
    pending.set(request.id, resolve);
    worker?.postMessage(request);
  });
}
