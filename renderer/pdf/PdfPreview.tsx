import { useEffect, useRef } from 'react';
import type * as PdfJsModule from 'pdfjs-dist';
import { t } from '../../core/i18n/translate';
import { drawPlanPage, loadPlanFonts } from './plan-canvas';
import { previewBaseline } from './preview-schedule';
import type { PlanDrawing } from './render-protocol';

/** CSS width of a preview page. */
const PAGE_WIDTH = 420;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js is loaded on first use, with its worker served from our own origin; reading a signed scan (renderer/batch/scan-pages.ts) uses it too. */
export function loadPdfJs(): Promise<PdfJs> {
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
 * HTML imitation. Given the letter's plan `drawing` as well (the 编辑 tab's draft), it draws that
 * instead, with the canvas's own text drawing in the PDF's own font subsets (plan-canvas.ts): the
 * same picture, held to pdf.js's pixel by pixel in test/renderer/pdf/plan-canvas-agreement.test.ts,
 * without pdf.js parsing every font of every new PDF again. Marks the figure with the time the
 * first pages were drawn, for measurements. With `pageKeys` (see page-keys.ts) a page whose key is
 * unchanged keeps its canvas: typing on page one of a letter does not draw page two again.
 */
export function PdfPreview({ bytes, pageKeys, drawing }: { bytes: Uint8Array; pageKeys?: readonly string[] | undefined; drawing?: PlanDrawing | undefined }) {
  const container = useRef<HTMLDivElement>(null);
  /** The drawn canvases on the screen, by their page's key. */
  const shown = useRef(new Map<string, HTMLCanvasElement>());
  useEffect(() => {
    let cancelled = false;
    let release: (() => void) | undefined;
    let observer: IntersectionObserver | undefined;
    const host = container.current;
    // The benchmark's "before": every page drawn again by pdf.js, as before issue 14.
    const baseline = previewBaseline();
    const keys = pageKeys && !baseline ? pageKeys : undefined;
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
      const source = drawing && !baseline ? await planSource(drawing) : await pdfSource(bytes);
      // A newer PDF arrived while this one loaded: the cleanup has run already, so release it here.
      if (cancelled) return source.release();
      release = source.release;
      if (host) host.dataset['drawnFrom'] = source.kind;
      const canvases = Array.from({ length: source.pages }, (_, i) => kept?.[i] ?? pageCanvas(i + 1));
      // The first pages are drawn side by side (in pdf.js's worker): together they are ready sooner.
      await Promise.all(canvases.slice(0, EAGER_PAGES).map((canvas, i) => (canvas.dataset['drawn'] ? undefined : source.draw(i + 1, canvas))));
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
            source
              .draw(Number(canvas.dataset['page']), canvas)
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
      release?.();
    };
  }, [bytes, pageKeys, drawing]);
  // Focusable and named: where the pages scroll inside their box (the review tab), a keyboard must reach them.
  return <div ref={container} className="pdf-preview" data-testid="pdf-preview" tabIndex={0} role="group" aria-label={t('ui.preview.pages')} />;
}

/** Where the pages come from: a PDF that pdf.js draws, or a letter's plan drawing. */
interface PageSource {
  /** Shown on the figure as `data-drawn-from`, so a test can tell which drew it. */
  readonly kind: 'pdf' | 'plan';
  readonly pages: number;
  /** `n` counts from 1; marks the canvas drawn. */
  draw(n: number, canvas: HTMLCanvasElement): Promise<void>;
  release(): void;
}

async function pdfSource(bytes: Uint8Array): Promise<PageSource> {
  const lib = await loadPdfJs();
  const doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, worker: sharedWorker(lib) }).promise;
  return { kind: 'pdf', pages: doc.numPages, draw: (n, canvas) => drawPage(doc, n, canvas), release: () => void doc.destroy() };
}

async function planSource(drawing: PlanDrawing): Promise<PageSource> {
  await loadPlanFonts(drawing.fonts);
  return {
    kind: 'plan',
    pages: drawing.pages.length,
    draw: async (n, canvas) => {
      drawPlanPage(canvas, drawing, n - 1, pageScale(drawing.width));
      canvas.style.aspectRatio = '';
      canvas.dataset['drawn'] = 'true';
    },
    release: () => undefined,
  };
}

/** Device pixels per point for a page `width` points wide, shown PAGE_WIDTH CSS pixels wide. */
function pageScale(width: number): number {
  return (PAGE_WIDTH / width) * (window.devicePixelRatio || 1);
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
  const viewport = page.getViewport({ scale: pageScale(page.getViewport({ scale: 1 }).width) });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.aspectRatio = '';
  const context = canvas.getContext('2d');
  if (context) await page.render({ canvasContext: context, viewport }).promise;
  canvas.dataset['drawn'] = 'true';
}
