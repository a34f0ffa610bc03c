import { useEffect, useRef } from 'react';
import type * as PdfJsModule from 'pdfjs-dist';
import { t } from '../../core/i18n/translate';

/** CSS width of a preview page. */
const PAGE_WIDTH = 420;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js is loaded on first use, with its worker served from our own origin. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return pdfjs;
}

/**
 * Draws every page of a PDF with pdf.js: what the principal reviews is the real file, not an
 * HTML imitation. Marks the figure with the time the last drawing finished, for measurements.
 */
export function PdfPreview({ bytes }: { bytes: Uint8Array }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    const host = container.current;
    void (async () => {
      const started = performance.now();
      const lib = await loadPdfJs();
      const doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false, worker: sharedWorker(lib) }).promise;
      // Pages are drawn side by side in pdf.js's worker: together they are ready sooner.
      const numbers = Array.from({ length: doc.numPages }, (_, i) => i + 1);
      const canvases = await Promise.all(numbers.map((n) => drawPage(doc, n)));
      await doc.destroy();
      if (!cancelled && host) {
        host.replaceChildren(...canvases);
        host.dataset['renderedAt'] = String(performance.now());
        host.dataset['pages'] = String(canvases.length);
        performance.measure('pdf-draw', { start: started, end: performance.now() });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [bytes]);
  return <div ref={container} className="pdf-preview" data-testid="pdf-preview" />;
}

let worker: PdfJsModule.PDFWorker | undefined;

/** One pdf.js worker for every preview: starting a worker per document costs more than drawing. */
function sharedWorker(lib: PdfJs): PdfJsModule.PDFWorker {
  worker ??= new lib.PDFWorker();
  return worker;
}

async function drawPage(doc: PdfJsModule.PDFDocumentProxy, n: number): Promise<HTMLCanvasElement> {
  const page = await doc.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (PAGE_WIDTH / base.width) * ratio });
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${PAGE_WIDTH}px`;
  canvas.setAttribute('aria-label', t('ui.preview.page', { n }));
  canvas.setAttribute('role', 'img');
  const context = canvas.getContext('2d');
  if (context) await page.render({ canvasContext: context, viewport }).promise;
  return canvas;
}
