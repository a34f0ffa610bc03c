import type { PrintFileInput, PrintedLetter } from '../../core/batch-print/print-file';
import type { FontRole } from '../../core/fonts/font-roles';
import type { ReceiptFacts } from '../../core/layout/layout-receipt';
import type { Rect } from '../../core/layout/page-plan';
import type { Letter } from '../../core/letter/letter-schema';
import type { Problem } from '../../core/letter/problem';
import type { PosterFacts } from '../../core/publication/poster-layout';
import type { ProgressReport } from '../../core/progress/progress-schema';

/**
 * What the PDF worker makes: a letter (marked 草稿 unless it is the PDF to freeze for review), a
 * printable receipt, a staff batch's print file for signatures (its cover drawn in the document fonts),
 * a letter's service cards (core/service-cards), or a progress report of a delivered letter.
 */
export type RenderJob =
  | { readonly kind: 'letter'; readonly letter: unknown; readonly draft: boolean }
  | { readonly kind: 'receipt'; readonly facts: ReceiptFacts }
  | { readonly kind: 'print-file'; readonly input: PrintFileInput }
  | { readonly kind: 'service-cards'; readonly letter: Letter; readonly url: string | undefined }
  | { readonly kind: 'poster'; readonly facts: PosterFacts }
  | { readonly kind: 'progress'; readonly report: ProgressReport };

/** Font files the host offers per role, drawn before the bundled fonts (see installed-font-files.ts). */
export type InstalledFontFiles = Partial<Record<FontRole, { readonly bytes: Uint8Array; readonly index: number }>>;

/**
 * Messages between the UI and the PDF worker. `fonts` comes with the first request and again
 * whenever the faces changed: the worker then prepares its fonts anew from them.
 */
export type RenderRequest = RenderJob & { readonly id: number; readonly fonts?: InstalledFontFiles };

export type RenderResponse =
  /**
   * `pageKeys` (letters only): equal keys draw equal pages, see page-keys.ts. `drawing` (draft
   * letters only): the same pages as glyphs to draw on a canvas, see plan-canvas-drawing.ts.
   * `printed` (print files only): the batch key and where each letter is, for the split of the signed scan.
   */
  | {
      readonly id: number;
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly pages: number;
      readonly pageKeys?: readonly string[];
      readonly drawing?: PlanDrawing;
      readonly printed?: { readonly batchKey: string; readonly letters: readonly PrintedLetter[] };
    }
  | { readonly id: number; readonly ok: false; readonly problems: readonly Problem[] }
  | { readonly id: number; readonly ok: false; readonly error: string };

/**
 * Characters of one face at one size along one baseline, in PDF points (origin bottom left): the
 * i-th character's origin is `offsets[i]` along the baseline from `x, y`, the baseline turned
 * `angle` radians anticlockwise. Positions come from the advances the PDF places its glyphs by.
 */
export interface GlyphRun {
  /** A subset id of {@link PlanDrawing.fonts}. */
  readonly font: string;
  readonly size: number;
  /** 0 black … 1 white, as the PDF's fill grey. */
  readonly grey: number;
  readonly x: number;
  readonly y: number;
  readonly angle: number;
  readonly text: string;
  readonly offsets: readonly number[];
}

/** A dashed outline drawn as the PDF's on-screen signing guides are. */
export interface GuideStroke {
  readonly shape: { readonly kind: 'rect'; readonly rect: Rect } | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number };
  readonly rgb: readonly [number, number, number];
  readonly dash: readonly number[];
  readonly width: number;
}

/**
 * A letter's pages as the edit preview draws them with the browser's own text drawing, in the very
 * font subsets the PDF embeds (`fonts`, by an id the worker keeps for equal subsets).
 */
export interface PlanDrawing {
  readonly width: number;
  readonly height: number;
  readonly fonts: readonly { readonly id: string; readonly bytes: Uint8Array }[];
  readonly pages: readonly { readonly runs: readonly GlyphRun[]; readonly guides: readonly GuideStroke[] }[];
}
