import { FONT_ROLES } from '../../core/fonts/font-roles';
import type { FontMetricsSet } from '../../core/layout/font-metrics';
import type { PagePlan, TextRun } from '../../core/layout/page-plan';
import type { FontSubsetter } from '../../core/pdf/harfbuzz-subsetter';
import { draftWatermarkParts, draftWatermarkPlacement } from '../../core/pdf/draft-watermark';
import { SIGNING_GUIDE_STYLE } from '../../core/pdf/signature-field';
import type { GlyphRun, GuideStroke, PlanDrawing } from './render-protocol';

/**
 * The page plan turned into glyphs for the edit preview's canvases (plan-canvas.ts): what the PDF
 * draws, placed where the PDF places it, in the same subsets of the same faces. Pure, so the
 * agreement test (test/renderer/pdf/plan-canvas-agreement.test.ts) builds it exactly as the worker does.
 */

/** Subset ids the worker hands out, one per face and character set, so the UI loads each subset once. */
export interface SubsetIds {
  idOf(face: string, codePoints: readonly number[]): string;
}

/** Remembers the latest `size` subsets' ids; an id forgotten and asked again is simply a new one. */
export function createSubsetIds(prefix = 's', size = 32): SubsetIds {
  const ids = new Map<string, string>();
  let next = 0;
  return {
    idOf(face, codePoints) {
      const key = `${face}:${codePoints.join(',')}`;
      let id = ids.get(key);
      if (id) ids.delete(key);
      else id = `${prefix}${(next += 1)}`;
      ids.set(key, id);
      for (const oldest of ids.keys()) {
        if (ids.size <= size) break;
        ids.delete(oldest);
      }
      return id;
    },
  };
}

export interface PlanDrawingFonts extends FontSubsetter {
  readonly metrics: FontMetricsSet;
}

/**
 * `fonts.subset` is asked for the same face and characters as the PDF's render asked (the worker's
 * remembered subsets give back those bytes; hb-subset gives the same bytes for the same input anyway).
 */
export function planDrawing(plan: PagePlan, fonts: PlanDrawingFonts, ids: SubsetIds, options: { readonly draft: boolean }): PlanDrawing {
  const advance = advanceIn(fonts.metrics);
  const glyphRun = (run: Pick<TextRun, 'face' | 'text' | 'size' | 'x' | 'y' | 'tracking'>, grey = 0, angle = 0): Omit<GlyphRun, 'font'> & { face: string } => {
    const offsets: number[] = [];
    let at = 0;
    for (const char of run.text) {
      offsets.push(at);
      at += advance(run.face, char.codePointAt(0) ?? 0) * run.size + run.tracking;
    }
    return { face: run.face, size: run.size, grey, x: run.x, y: run.y, angle, text: run.text, offsets };
  };

  const watermark = options.draft ? watermarkRuns(plan, fonts.metrics, advance) : [];
  const pages = plan.pages.map((page, index) => ({
    runs: [
      ...watermark.map((run) => glyphRun(run, run.grey, run.angle)),
      ...[...page.lines.flatMap((line) => line.runs), ...page.pageNumber.runs].map((run) => glyphRun(run)),
    ],
    guides: index === plan.signature.page ? guides(plan) : [],
  }));

  const used = new Map<string, Set<number>>();
  for (const run of pages.flatMap((page) => page.runs)) {
    const set = used.get(run.face) ?? new Set<number>();
    for (const char of run.text) set.add(char.codePointAt(0) ?? 0);
    used.set(run.face, set);
  }
  const fontIds = new Map<string, string>();
  const subsets = [...used.keys()].sort().map((face) => {
    const points = [...(used.get(face) ?? [])].sort((a, b) => a - b);
    const id = ids.idOf(face, points);
    fontIds.set(face, id);
    return { id, bytes: fonts.subset(face, points) };
  });
  return {
    width: plan.width,
    height: plan.height,
    fonts: subsets,
    pages: pages.map((page) => ({ runs: page.runs.map(({ face, ...run }) => ({ ...run, font: fontIds.get(face) as string })), guides: page.guides })),
  };
}

/** A face's advance for a character, in em: that of a role whose chain draws the character in that face. */
function advanceIn(metrics: FontMetricsSet): (face: string, codePoint: number) => number {
  return (face, codePoint) => {
    const role = FONT_ROLES.find((r) => metrics[r].faceOf(codePoint) === face);
    if (!role) throw new Error(`No role draws U+${codePoint.toString(16)} in ${face}`);
    return metrics[role].advance(codePoint);
  };
}

function watermarkRuns(plan: PagePlan, metrics: FontMetricsSet, advance: (face: string, codePoint: number) => number) {
  const { text, notice } = draftWatermarkParts(metrics.title);
  const width = (parts: readonly { face: string; text: string }[], size: number) =>
    parts.reduce((sum, part) => sum + [...part.text].reduce((w, char) => w + advance(part.face, char.codePointAt(0) ?? 0) * size, 0), 0);
  const place = draftWatermarkPlacement(plan.width, plan.height, (size) => width(notice, size));
  // One text object in the PDF: each stretch starts where the one before ended.
  const along = (parts: readonly { face: string; text: string }[], at: { x: number; y: number; size: number; grey: number }, angle: number) => {
    let moved = 0;
    return parts.map((part) => {
      const run = { ...part, size: at.size, tracking: 0, x: at.x + moved * Math.cos(angle), y: at.y + moved * Math.sin(angle), grey: at.grey, angle };
      moved += width([part], at.size);
      return run;
    });
  };
  return [...along(text, place.text, place.text.angle), ...along(notice, place.notice, 0)];
}

function guides(plan: PagePlan): GuideStroke[] {
  const { field, seal } = plan.signature;
  const { width } = SIGNING_GUIDE_STYLE;
  const half = width / 2;
  const strokes: GuideStroke[] = [
    {
      shape: { kind: 'rect', rect: { x: field.x + half, y: field.y + half, width: field.width - 2 * half, height: field.height - 2 * half } },
      rgb: SIGNING_GUIDE_STYLE.field.rgb,
      dash: SIGNING_GUIDE_STYLE.field.dash,
      width,
    },
  ];
  if (seal) strokes.push({ shape: { kind: 'circle', ...seal }, rgb: SIGNING_GUIDE_STYLE.seal.rgb, dash: SIGNING_GUIDE_STYLE.seal.dash, width });
  return strokes;
}
