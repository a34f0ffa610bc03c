import fontkit from '@pdf-lib/fontkit';
import { FONT_ROLES, type FontRole } from '../fonts/font-roles';
import type { FontChains, FontFace } from '../fonts/font-chains';
import type { FontMetrics, FontMetricsSet } from '../layout/font-metrics';
import { createHarfbuzzSubsetter, type FontSubsetter, type HarfbuzzSubsetExports } from './harfbuzz-subsetter';
import type { Deflate } from './text-document';

/**
 * The document faces, parsed once and kept: layout reads their metrics, rendering embeds their
 * bytes, and the coverage check asks which characters they can draw. Loading the bytes is the
 * caller's business (Node reads files, the renderer gets them from the host).
 */
export interface DocumentFonts extends FontSubsetter {
  /** Every face of every chain, by the id layout gives its runs (FontMetrics.faceOf). */
  readonly faces: ReadonlyMap<string, FontFace>;
  readonly metrics: FontMetricsSet;
  /** True when the chains of every role a user's text may be set in can draw the character. */
  covers(codePoint: number): boolean;
  /** How this program compresses the PDF's streams; see Deflate. Rendering needs the fonts and it alike. */
  readonly deflate?: Deflate;
  /**
   * A subsetter of `face` that starts from a subset of it holding `codePoints` rather than from the
   * whole font: HarfBuzz's cost per subset grows with the font it starts from, and a subset taken
   * from a subset is the same bytes. For a run of letters whose characters are known beforehand.
   * `from`, a subsetter narrowed before, makes the subset cheaper still; release it after the run.
   */
  narrowed?(face: string, codePoints: readonly number[], from?: FontSubsetter): FontSubsetter;
}

type FontkitFont = ReturnType<typeof fontkit.create>;

/**
 * Parses the faces once; `harfbuzz` is the instantiated `harfbuzz-subset.wasm` used for subsetting.
 * A face that stands in several chains (the bundled body face) is one face, parsed and embedded once.
 */
export function createDocumentFonts(chains: FontChains, harfbuzz: HarfbuzzSubsetExports, options: { readonly deflate?: Deflate } = {}): DocumentFonts {
  const ids = new Map<FontFace, string>();
  const faces = new Map<string, FontFace>();
  // Parsed on first use: a letter without a （一） heading never needs the 楷体 face at all.
  const parsed = new Map<string, () => FontkitFont>();
  for (const role of FONT_ROLES) {
    for (const face of chains[role]) {
      if (ids.has(face)) continue;
      // A face without a given name is parsed now, for its own; the others when first drawn from.
      let font = face.postscriptName === undefined ? parseFace(face) : undefined;
      const name = face.postscriptName ?? font?.postscriptName ?? font?.fullName ?? '';
      const id = uniqueId(pdfName(name), faces);
      ids.set(face, id);
      faces.set(id, face);
      parsed.set(id, () => (font ??= parseFace(face)));
    }
  }
  const metrics = Object.fromEntries(
    FONT_ROLES.map((role) => [role, chainMetrics(chains[role].map((face) => ids.get(face) as string), parsed)]),
  ) as Record<FontRole, FontMetrics>;
  const subsetter = createHarfbuzzSubsetter(harfbuzz, faces);
  return {
    faces,
    metrics,
    subset: (face, codePoints) => subsetter.subset(face, codePoints),
    narrowed: (face, codePoints, from = subsetter) => createHarfbuzzSubsetter(harfbuzz, new Map([[face, { bytes: from.subset(face, codePoints), index: 0 }]])),
    // Body text is set in the body chain and the unit name also in the title's; headings end in the body face.
    covers: (cp) => metrics.body.hasGlyph(cp) && metrics.title.hasGlyph(cp),
    ...(options.deflate ? { deflate: options.deflate } : {}),
  };
}

function parseFace(face: FontFace): FontkitFont {
  const font = fontkit.create(face.bytes) as FontkitFont | { fonts: FontkitFont[] };
  if (!('fonts' in font)) return font;
  const member = font.fonts[face.index];
  if (!member) throw new Error(`${face.postscriptName ?? 'A font'}: the collection has no face ${face.index}`);
  return member;
}

/** A PDF name of letters, digits, `_`, `.` and `-` only; a font's own name may hold anything. */
function pdfName(postscriptName: string): string {
  const name = postscriptName.replace(/[^A-Za-z0-9_.-]/g, '');
  return name === '' ? 'Face' : name;
}

function uniqueId(name: string, taken: ReadonlyMap<string, unknown>): string {
  let id = name;
  for (let n = 2; taken.has(id); n += 1) id = `${name}-${n}`;
  return id;
}

function chainMetrics(chain: readonly string[], parsed: ReadonlyMap<string, () => FontkitFont>): FontMetrics {
  const fonts = chain.map((id) => parsed.get(id) as () => FontkitFont);
  const last = chain.length - 1;
  const drawnBy = new Map<number, number>();
  const advances = new Map<number, number>();
  const covered = new Map<number, boolean>();
  const indexOf = (cp: number): number => {
    let index = drawnBy.get(cp);
    if (index === undefined) {
      index = fonts.findIndex((font) => font().hasGlyphForCodePoint(cp));
      if (index < 0) index = last;
      drawnBy.set(cp, index);
    }
    return index;
  };
  return {
    advance(cp) {
      let em = advances.get(cp);
      if (em === undefined) {
        const font = (fonts[indexOf(cp)] as () => FontkitFont)();
        em = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
        advances.set(cp, em);
      }
      return em;
    },
    hasGlyph(cp) {
      // The coverage check asks for every character of every letter; the answer never changes.
      let has = covered.get(cp);
      if (has === undefined) {
        has = fonts.some((font) => font().hasGlyphForCodePoint(cp));
        covered.set(cp, has);
      }
      return has;
    },
    faceOf: (cp) => chain[indexOf(cp)] as string,
  };
}
