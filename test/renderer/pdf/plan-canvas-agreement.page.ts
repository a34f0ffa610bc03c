import * as pdfjs from 'pdfjs-dist';
import { drawPlanPage, loadPlanFonts } from '../../../renderer/pdf/plan-canvas';
import type { PlanDrawing } from '../../../renderer/pdf/render-protocol';

/**
 * Runs in Chromium (bundled by plan-canvas-agreement.test.ts): draws each page of a PDF with
 * pdf.js as the review tab does, and the same page from its plan drawing as the edit preview
 * does, at the same scale, and compares the two pictures.
 */

/** Two pixels agree when their grey levels are this close, or one has such a pixel next to it. */
const TOLERANCE = 48;
/** Darker than this is ink. */
const INK = 160;

export interface RunAgreement {
  readonly page: number;
  readonly text: string;
  /** Inside the run's box, the summed grey difference over the summed ink of both: 0 the same, 1 nothing in common. */
  readonly difference: number;
  /** The shift of the plan picture that best matches pdf.js's, in device pixels (to a fraction, by a parabola through the best three). */
  readonly dx: number;
  readonly dy: number;
}

/** The largest shift looked for, in device pixels either way. */
const SHIFT = 4;

export interface PageAgreement {
  readonly page: number;
  /** Share of all pixels that agree. */
  readonly agree: number;
  /** Share of inked pixels (in either picture) that agree. */
  readonly inkAgree: number;
  /** Share of pixels pdf.js inked: two blank pictures would agree perfectly. */
  readonly inked: number;
}

/** `pages`: how many pages to compare, from the first. */
export async function compare(scale: number, pages = Number.POSITIVE_INFINITY): Promise<{ pages: PageAgreement[]; runs: RunAgreement[] }> {
  const drawing = (await (await fetch('/drawing.json')).json()) as Omit<PlanDrawing, 'fonts'> & { fonts: { id: string }[] };
  const fonts = await Promise.all(drawing.fonts.map(async ({ id }) => ({ id, bytes: new Uint8Array(await (await fetch(`/font/${id}`)).arrayBuffer()) })));
  await loadPlanFonts(fonts);
  const full: PlanDrawing = { ...drawing, fonts };
  pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
  const doc = await pdfjs.getDocument({ data: new Uint8Array(await (await fetch('/letter.pdf')).arrayBuffer()), isEvalSupported: false, disableFontFace: true }).promise;
  const figures: PageAgreement[] = [];
  const runs: RunAgreement[] = [];
  for (let n = 1; n <= Math.min(pages, doc.numPages); n += 1) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const viaPdf = document.createElement('canvas');
    viaPdf.width = Math.floor(viewport.width);
    viaPdf.height = Math.floor(viewport.height);
    await page.render({ canvasContext: viaPdf.getContext('2d') as CanvasRenderingContext2D, viewport }).promise;
    const viaPlan = document.createElement('canvas');
    drawPlanPage(viaPlan, full, n - 1, scale);
    if (viaPlan.width !== viaPdf.width || viaPlan.height !== viaPdf.height) throw new Error(`page ${n}: ${viaPlan.width}×${viaPlan.height} against ${viaPdf.width}×${viaPdf.height}`);
    const a = greys(viaPdf);
    const b = greys(viaPlan);
    const { width, height } = viaPdf;
    const matched = (from: Uint8Array, to: Uint8Array, i: number): boolean => {
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const [nx, ny] = [x + dx, y + dy];
          if (nx >= 0 && ny >= 0 && nx < width && ny < height && Math.abs((from[i] as number) - (to[ny * width + nx] as number)) <= TOLERANCE) return true;
        }
      }
      return false;
    };
    const agrees = (i: number): boolean => matched(a, b, i) && matched(b, a, i);
    let agreeing = 0;
    let inked = 0;
    let inkedByPdf = 0;
    let inkAgreeing = 0;
    for (let i = 0; i < a.length; i += 1) {
      const ok = agrees(i);
      if (ok) agreeing += 1;
      if ((a[i] as number) < INK) inkedByPdf += 1;
      if ((a[i] as number) < INK || (b[i] as number) < INK) {
        inked += 1;
        if (ok) inkAgreeing += 1;
      }
    }
    figures.push({ page: n, agree: agreeing / a.length, inkAgree: inked ? inkAgreeing / inked : 1, inked: inkedByPdf / a.length });

    for (const run of full.pages[n - 1]?.runs ?? []) {
      if (run.angle !== 0 || run.grey > 0.5) continue; // the watermark is in the page figures
      const last = run.offsets[run.offsets.length - 1] ?? 0;
      const box = {
        x0: Math.max(SHIFT, Math.floor(run.x * scale)),
        x1: Math.min(width - SHIFT, Math.ceil((run.x + last + run.size) * scale)),
        y0: Math.max(SHIFT, Math.floor((drawing.height - run.y - run.size) * scale)),
        y1: Math.min(height - SHIFT, Math.ceil((drawing.height - run.y + 0.25 * run.size) * scale)),
      };
      runs.push({ page: n, text: run.text, ...runFigures(a, b, width, box) });
    }
  }
  await doc.destroy();
  return { pages: figures, runs };
}

function greys(canvas: HTMLCanvasElement): Uint8Array {
  const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height);
  const out = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0; i < out.length; i += 1) out[i] = Math.round(0.299 * (data[4 * i] as number) + 0.587 * (data[4 * i + 1] as number) + 0.114 * (data[4 * i + 2] as number));
  return out;
}

/** Compares the run's box of `a` with `b` moved by whole pixels, and finds the best move to a fraction. */
function runFigures(a: Uint8Array, b: Uint8Array, width: number, box: { x0: number; x1: number; y0: number; y1: number }): Omit<RunAgreement, 'page' | 'text'> {
  const sad = (sx: number, sy: number): number => {
    let sum = 0;
    for (let y = box.y0; y < box.y1; y += 1) {
      for (let x = box.x0; x < box.x1; x += 1) sum += Math.abs((a[y * width + x] as number) - (b[(y + sy) * width + x + sx] as number));
    }
    return sum;
  };
  let ink = 0;
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1) ink += 510 - (a[y * width + x] as number) - (b[y * width + x] as number);
  }
  const best = (along: (d: number) => number): number => {
    const values = Array.from({ length: 2 * SHIFT + 1 }, (_, i) => along(i - SHIFT));
    const at = values.indexOf(Math.min(...values));
    if (at === 0 || at === values.length - 1) return at - SHIFT;
    const [l, m, r] = [values[at - 1] as number, values[at] as number, values[at + 1] as number];
    const curve = l - 2 * m + r;
    return at - SHIFT + (curve > 0 ? (l - r) / (2 * curve) : 0);
  };
  // A box with no ink in either picture drew nothing to compare: that counts as disagreement.
  return { difference: ink > 0 ? sad(0, 0) / ink : 1, dx: best((d) => sad(d, 0)), dy: best((d) => sad(0, d)) };
}
