import type { RenderRequest, RenderResponse } from './render-protocol';

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

export function renderLetterInWorker(letter: unknown): Promise<RenderResponse> {
  worker ??= startWorker();
  const request: RenderRequest = { id: nextId++, letter };
  return new Promise((resolve) => {
    pending.set(request.id, resolve);
    worker?.postMessage(request);
  });
}
