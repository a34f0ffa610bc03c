import type * as PdfJsModule from 'pdfjs-dist';
import { t } from '../../core/i18n/translate';
import { pageImageFromRgba, readScanPage, type PageReading } from '../../core/batch-print/read-page-code';

/** The app's pdf.js, loaded on first use (renderer/pdf/PdfPreview.tsx's loadPdfJs); a test hands in its own. */
export type PdfJsLoader = () => Promise<typeof PdfJsModule>;

/** One page of the signed scan: what was read on it and a small picture of it for the clerk's check. */
export interface ScanPage {
  readonly reading: PageReading;
  /** A JPEG about 200 px wide. */
  readonly thumbnail: Blob;
}

/** The scan the clerk chose: one multi-page PDF, or images (one a page) in the order of their names. */
export type ScannedStack =
  | { readonly kind: 'pdf'; readonly file: File; readonly pages: readonly ScanPage[] }
  | { readonly kind: 'images'; readonly files: readonly File[]; readonly pages: readonly ScanPage[] };

export type ScanReading = { readonly ok: true; readonly stack: ScannedStack } | { readonly ok: false; readonly message: string };

/** 150 dpi: a 0.45 mm module of the page code is some 2.7 pixels, and an A4 page 1240 × 1754. */
const SCAN_DPI = 150;
/** A photo or a 600 dpi scan is brought down to this on its long side: enough for the code, kind to memory. */
const LONG_SIDE = 1800;
const THUMBNAIL_WIDTH = 200;

const isPdf = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
const isImage = (file: File) => file.type === 'image/png' || file.type === 'image/jpeg' || /\.(png|jpe?g)$/i.test(file.name);

/**
 * Reads the page codes off a signed scan, page by page, so only one page's pixels are held at a
 * time: a PDF's pages drawn with pdf.js at 150 dpi, images decoded by the browser (EXIF
 * orientation applied). Images go in the order of their names as a file manager sorts them
 * (scan2 before scan10). What the pages are then is for splitScan (core/batch-print/split-scan.ts).
 *
 * @example const read = await readScan(input.files, { loadPdfJs }); if (read.ok) splitScan(batch, read.stack.pages.map((p) => p.reading));
 */
export async function readScan(files: readonly File[], options: { readonly loadPdfJs: PdfJsLoader; readonly onProgress?: (done: number, total: number) => void }): Promise<ScanReading> {
  const pdf = files.length === 1 && files[0] && isPdf(files[0]) ? files[0] : undefined;
  if (pdf) return { ok: true, stack: { kind: 'pdf', file: pdf, pages: await readPdf(pdf, options.loadPdfJs, options.onProgress) } };
  if (files.length === 0 || !files.every(isImage)) return { ok: false, message: t('batch-print.scan.choose') };
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  const pages: ScanPage[] = [];
  for (const file of sorted) {
    pages.push(await readImage(file));
    options.onProgress?.(pages.length, sorted.length);
  }
  return { ok: true, stack: { kind: 'images', files: sorted, pages } };
}

async function readPdf(file: File, loadPdfJs: PdfJsLoader, onProgress?: (done: number, total: number) => void): Promise<ScanPage[]> {
  const lib = await loadPdfJs();
  const doc = await lib.getDocument({ data: new Uint8Array(await file.arrayBuffer()), isEvalSupported: false }).promise;
  try {
    const pages: ScanPage[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const natural = page.getViewport({ scale: 1 });
      const scale = Math.min(SCAN_DPI / 72, LONG_SIDE / Math.max(natural.width, natural.height));
      const viewport = page.getViewport({ scale });
      const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2D context for an OffscreenCanvas');
      // pdf.js draws on any 2D context; its types name only the on-screen one.
      await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      page.cleanup();
      pages.push(await pageOf(canvas, context));
      onProgress?.(n, doc.numPages);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

async function readImage(file: File): Promise<ScanPage> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D context for an OffscreenCanvas');
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await pageOf(canvas, context);
  } finally {
    bitmap.close();
  }
}

async function pageOf(canvas: OffscreenCanvas, context: OffscreenCanvasRenderingContext2D): Promise<ScanPage> {
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const reading = readScanPage(pageImageFromRgba(data, canvas.width, canvas.height));
  const small = new OffscreenCanvas(THUMBNAIL_WIDTH, Math.max(1, Math.round((canvas.height * THUMBNAIL_WIDTH) / canvas.width)));
  const smallContext = small.getContext('2d');
  if (smallContext) {
    smallContext.fillStyle = '#fff';
    smallContext.fillRect(0, 0, small.width, small.height);
    smallContext.drawImage(canvas, 0, 0, small.width, small.height);
  }
  return { reading, thumbnail: await small.convertToBlob({ type: 'image/jpeg', quality: 0.7 }) };
}
