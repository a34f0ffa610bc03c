import { useEffect, useRef } from 'react';
import type * as PdfJsModule from 'pdfjs-dist';
import { t } from '../../core/i18n/translate';
import { previewBaseline } from './preview-schedule';

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

/** Pages drawn at once; later pages are drawn as they scroll near, so a 30-page letter stays light. */
const EAGER_PAGES = 3;

/**
 * Draws the pages of a PDF with pdf.js: what the principal reviews is the real file, not an
 * HTML imitation. Marks the figure with the time the first pages were drawn, for measurements.
 * With `pageKeys` (see page-keys.ts) a page whose key is unchanged keeps its canvas: typing on
 * page one of a letter does not draw page two again.
 */
export function PdfPreview({ bytes, pageKeys }: { bytes: Uint8Array; pageKeys?: readonly string[] | undefined }) {
  const container = useRef<HTMLDivElement>(null);
  /** The drawn canvases on the screen, by their page's key. */
  const shown = useRef(new Map<string, HTMLCanvasElement>());
  useEffect(() => {
    let cancelled = false;
    let doc: PdfJsModule.PDFDocumentProxy | undefined;
    let observer: IntersectionObserver | undefined;
    const host = container.current;
    const keys = pageKeys && !previewBaseline() ? pageKeys : undefined;
    (async () => {
      const started = performance.now();
      const kept = keys?.map((key) => shown.current.get(key));
      const show = (canvases: HTMLCanvasElement[]) => {
        if (!host) return;
        host.replaceChildren(...canvases);
        shown.current = new Map(keys ? canvases.flatMap((canvas, i) => (canvas.dataset['drawn'] && keys[i] ? [[keys[i], canvas] as const] : [])) : []);
        host.dataset['renderedAt'] = String(performance.now());
        host.dataset['pages'] = String(canvases.length);
        performance.measure('pdf-draw', { start: started, end: performance.now() });
      };
      if (kept?.every((canvas) => canvas !== undefined)) return show(kept);
      const lib = await loadPdfJs();
      const loaded = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, worker: sharedWorker(lib) }).promise;
      // A newer PDF arrived while this one loaded: the cleanup has run already, so release it here.
      if (cancelled) return void loaded.destroy();
      doc = loaded;
      const numbers = Array.from({ length: loaded.numPages }, (_, i) => i + 1);
      const canvases = numbers.map((n) => kept?.[n - 1] ?? pageCanvas(n));
      // The first pages are drawn side by side in pdf.js's worker: together they are ready sooner.
      await Promise.all(canvases.slice(0, EAGER_PAGES).map((canvas, i) => (canvas.dataset['drawn'] ? undefined : drawPage(loaded, i + 1, canvas))));
      if (cancelled || !host) return;
      const { width, height } = canvases[0] ?? { width: 0, height: 0 };
      const later = canvases.slice(EAGER_PAGES).filter((canvas) => !canvas.dataset['drawn']);
      for (const canvas of later) Object.assign(canvas.style, { aspectRatio: `${width} / ${height}` });
      show(canvases);
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries.filter((e) => e.isIntersecting)) {
            const canvas = entry.target as HTMLCanvasElement;
            observer?.unobserve(canvas);
            // A draw cut short by a newer PDF (the document is destroyed) is simply dropped.
            drawPage(loaded, Number(canvas.dataset['page']), canvas)
              .then(() => {
                const key = keys?.[Number(canvas.dataset['page']) - 1];
                if (!cancelled && key) shown.current.set(key, canvas);
              })
              .catch(() => undefined);
          }
        },
        { rootMargin: '600px' },
      );
      for (const canvas of later) observer.observe(canvas);
    })().catch(() => undefined); // a document destroyed mid-draw by a newer one: nothing to show
    return () => {
      cancelled = true;
      observer?.disconnect();
      void doc?.destroy();
    };
  }, [bytes, pageKeys]);
  // Focusable and named: where the pages scroll inside their box (the review tab), a keyboard must reach them.
  return <div ref={container} className="pdf-preview" data-testid="pdf-preview" tabIndex={0} role="group" aria-label={t('ui.preview.pages')} />;
}

let worker: PdfJsModule.PDFWorker | undefined;

/** One pdf.js worker for every preview: starting a worker per document costs more than drawing. */
function sharedWorker(lib: PdfJs): PdfJsModule.PDFWorker {
  worker ??= new lib.PDFWorker();
  return worker;
}

function pageCanvas(n: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.style.width = `${PAGE_WIDTH}px`;
  canvas.dataset['page'] = String(n);
  canvas.setAttribute('aria-label', t('ui.preview.page', { n }));
  canvas.setAttribute('role', 'img');
  return canvas;
}

async function drawPage(doc: PdfJsModule.PDFDocumentProxy, n: number, canvas: HTMLCanvasElement): Promise<void> {
  const page = await doc.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (PAGE_WIDTH / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.aspectRatio = '';
  const context = canvas.getContext('2d');
  if (context) await page.render({ canvasContext: context, viewport }).promise;
  canvas.dataset['drawn'] = 'true';
}
