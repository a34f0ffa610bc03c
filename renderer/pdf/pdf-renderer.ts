import type { ReceiptFacts } from '../../core/layout/layout-receipt';
import type { RenderJob, RenderRequest, RenderResponse } from './render-protocol';

/** The UI side of the PDF worker: one worker, started on first use, answers matched by id. */
let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (response: RenderResponse) => void>();

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

function renderInWorker(job: RenderJob): Promise<RenderResponse> {
  worker ??= startWorker();
  const request: RenderRequest = { ...job, id: nextId++ };
  return new Promise((resolve) => {
    pending.set(request.id, resolve);
    worker?.postMessage(request);
  });
}
