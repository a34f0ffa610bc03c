import type { GlyphRun, GuideStroke, PlanDrawing } from './render-protocol';

/**
 * Draws a letter page from its plan drawing (plan-canvas-drawing.ts) with the canvas's own text
 * drawing, in the font subsets the PDF embeds: a few milliseconds, where pdf.js parses every font
 * of every new PDF again and builds each glyph's path. Each character is placed by itself at the
 * PDF's position for it, so no kerning, ligature, punctuation trimming or rounding of advances by
 * the browser can move it. test/renderer/pdf/plan-canvas-agreement.test.ts holds it to pdf.js's
 * drawing of the same PDF, pixel by pixel.
 */

/** Subsets kept loaded; a subset is a few hundred kilobytes, and typing makes a new one per new character. */
const KEPT_FONTS = 24;
const loaded = new Map<string, FontFace>();

const family = (id: string): string => `pledge-plan-${id}`;

/** Loads the drawing's subsets the first time each is seen; resolves once all can be drawn with. */
export async function loadPlanFonts(fonts: PlanDrawing['fonts']): Promise<void> {
  const wanted = new Set(fonts.map((font) => font.id));
  const faces = fonts.map(({ id, bytes }) => {
    let face = loaded.get(id);
    if (face) loaded.delete(id); // set again below, as the newest
    else {
      face = new FontFace(family(id), bytes as Uint8Array<ArrayBuffer>);
      document.fonts.add(face);
    }
    loaded.set(id, face);
    return face;
  });
  for (const [id, face] of loaded) {
    if (loaded.size <= KEPT_FONTS) break;
    if (wanted.has(id)) continue;
    document.fonts.delete(face);
    loaded.delete(id);
  }
  await Promise.all(faces.map((face) => face.load()));
}

/** Draws page `index` at `scale` device pixels per point, as pdf.js would size the canvas. */
export function drawPlanPage(canvas: HTMLCanvasElement, drawing: PlanDrawing, index: number, scale: number): void {
  const page = drawing.pages[index];
  canvas.width = Math.floor(drawing.width * scale);
  canvas.height = Math.floor(drawing.height * scale);
  const context = canvas.getContext('2d');
  if (!context || !page) return;
  context.fillStyle = 'white';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const toCanvas = (x: number, y: number): [number, number] => [x * scale, (drawing.height - y) * scale];
  context.fontKerning = 'none';
  // Unhinted outlines at fractional positions, as pdf.js fills them: hinting would snap stems to whole pixels.
  context.textRendering = 'geometricPrecision';
  context.textBaseline = 'alphabetic';
  context.textAlign = 'left';
  for (const run of page.runs) drawRun(context, run, scale, toCanvas);
  for (const guide of page.guides) drawGuide(context, guide, scale, toCanvas);
}

type ToCanvas = (x: number, y: number) => [number, number];

/** Radians: over a glyph of 40 device pixels it moves the far edge 0.08 pixels. */
const HAIR = 1 / 512;

function drawRun(context: CanvasRenderingContext2D, run: GlyphRun, scale: number, toCanvas: ToCanvas): void {
  context.save();
  context.font = `${run.size * scale}px "${family(run.font)}"`;
  context.fillStyle = grey(run.grey);
  const [x, y] = toCanvas(run.x, run.y);
  // Each glyph at its own origin, turned by at least a hair: Skia rounds the baseline of level
  // text to whole device pixels (up to half a pixel off), but places turned glyphs to the subpixel.
  // The origins stay on the run's own baseline; only the glyphs are turned.
  const [cos, sin] = [Math.cos(run.angle), Math.sin(run.angle)];
  const turn = run.angle === 0 ? HAIR : run.angle;
  const [turnCos, turnSin] = [Math.cos(turn), Math.sin(turn)];
  let i = 0;
  for (const char of run.text) {
    const along = (run.offsets[i++] ?? 0) * scale;
    context.setTransform(turnCos, -turnSin, turnSin, turnCos, x + along * cos, y - along * sin);
    context.fillText(char, 0, 0);
  }
  context.restore();
}

/** The paths pdf-lib writes for the guides (drawRectangle, drawEllipse), so their dashes start at the same place. */
function drawGuide(context: CanvasRenderingContext2D, guide: GuideStroke, scale: number, toCanvas: ToCanvas): void {
  context.save();
  context.strokeStyle = `rgb(${guide.rgb.map((c) => Math.round(c * 255)).join(' ')})`;
  context.lineWidth = guide.width * scale;
  context.setLineDash(guide.dash.map((d) => d * scale));
  context.lineDashOffset = 0;
  context.beginPath();
  if (guide.shape.kind === 'rect') {
    const { x, y, width, height } = guide.shape.rect;
    context.moveTo(...toCanvas(x, y));
    context.lineTo(...toCanvas(x, y + height));
    context.lineTo(...toCanvas(x + width, y + height));
    context.lineTo(...toCanvas(x + width, y));
    context.closePath();
  } else {
    const { cx, cy, r } = guide.shape;
    const k = r * KAPPA;
    const [x0, y0, xm, ym, x1, y1] = [cx - r, cy - r, cx, cy, cx + r, cy + r];
    context.moveTo(...toCanvas(x0, ym));
    context.bezierCurveTo(...toCanvas(x0, ym - k), ...toCanvas(xm - k, y0), ...toCanvas(xm, y0));
    context.bezierCurveTo(...toCanvas(xm + k, y0), ...toCanvas(x1, ym - k), ...toCanvas(x1, ym));
    context.bezierCurveTo(...toCanvas(x1, ym + k), ...toCanvas(xm + k, y1), ...toCanvas(xm, y1));
    context.bezierCurveTo(...toCanvas(xm - k, y1), ...toCanvas(x0, ym + k), ...toCanvas(x0, ym));
  }
  context.stroke();
  context.restore();
}

/** pdf-lib's (and everyone's) circle from four Bézier curves. */
const KAPPA = (4 * (Math.sqrt(2) - 1)) / 3;

function grey(value: number): string {
  const level = Math.round(value * 255);
  return `rgb(${level} ${level} ${level})`;
}
