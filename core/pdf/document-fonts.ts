import fontkit from '@pdf-lib/fontkit';
import { FACE_KEYS, type FaceKey, type FontMetrics, type FontMetricsSet } from '../layout/font-metrics';
import { createHarfbuzzSubsetter, type FontSubsetter, type HarfbuzzSubsetExports } from './harfbuzz-subsetter';

/**
 * The document faces, parsed once and kept: layout reads their metrics, rendering embeds their
 * bytes, and the coverage check asks which characters they can draw. Loading the bytes is the
 * caller's business (Node reads files, the renderer fetches URLs).
 */
export interface DocumentFonts extends FontSubsetter {
  readonly bytes: Readonly<Record<FaceKey, Uint8Array>>;
  readonly metrics: FontMetricsSet;
  /** True when every face a user's text may be set in has the character. */
  covers(codePoint: number): boolean;
}

type FontkitFont = ReturnType<typeof fontkit.create>;

/** Parses the faces once; `harfbuzz` is the instantiated `harfbuzz-subset.wasm` used for subsetting. */
export function createDocumentFonts(bytes: Readonly<Record<FaceKey, Uint8Array>>, harfbuzz: HarfbuzzSubsetExports): DocumentFonts {
  const parsed = {} as Record<FaceKey, FontkitFont>;
  const metrics = {} as Record<FaceKey, FontMetrics>;
  for (const face of FACE_KEYS) {
    const font = fontkit.create(bytes[face]);
    parsed[face] = font;
    metrics[face] = cachedMetrics(font);
  }
  const subsetter = createHarfbuzzSubsetter(harfbuzz, bytes);
  return {
    bytes,
    metrics,
    subset: (face, codePoints) => subsetter.subset(face, codePoints),
    // Body text is set in the serif and the unit name also in the bold title face.
    covers: (cp) => metrics.serif.hasGlyph(cp) && metrics['serif-bold'].hasGlyph(cp),
  };
}

function cachedMetrics(font: FontkitFont): FontMetrics {
  const advances = new Map<number, number>();
  const scale = 1 / font.unitsPerEm;
  return {
    advance(cp) {
      let em = advances.get(cp);
      if (em === undefined) {
        em = font.glyphForCodePoint(cp).advanceWidth * scale;
        advances.set(cp, em);
      }
      return em;
    },
    hasGlyph: (cp) => font.hasGlyphForCodePoint(cp),
  };
}
