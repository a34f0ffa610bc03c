import { prepareTrueTypeSubset, type PreparedSubset } from './cid-font';
import { deflateWithFflate } from './deferred-streams';
import type { DocumentFonts } from './document-fonts';

/**
 * The glyphs that every document of a run draws in a face, subset, read and compressed once for
 * them all: 200 personal letters of one unit differ in little more than a name, so most of each
 * letter's body face is the same subset. Each document embeds that shared subset and, as a second
 * font, a subset of only the characters it alone draws; no PDF holds a glyph it does not draw
 * (none carries the characters of a colleague's name), and a run of one letter gives exactly the
 * bytes of the letter rendered alone.
 */
export interface SharedGlyphs {
  /** The shared part of `face` for a document drawing `own` in it, or undefined where sharing does not pay. */
  part(face: string, own: ReadonlySet<number>): SharedPart | undefined;
}

export interface SharedPart {
  readonly codePoints: ReadonlySet<number>;
  readonly prepared: PreparedSubset;
}

/** `documents`: the code points each document of the run draws, by face (codePointsByFace). */
export function shareGlyphs(documents: Iterable<ReadonlyMap<string, ReadonlySet<number>>>, fonts: DocumentFonts): SharedGlyphs {
  const common = new Map<string, Set<number>>();
  for (const document of documents) {
    for (const [face, used] of document) {
      const known = common.get(face);
      if (!known) common.set(face, new Set(used));
      else for (const cp of known) if (!used.has(cp)) known.delete(cp);
    }
  }
  const parts = new Map<string, SharedPart | null>();
  const partOf = (face: string, codePoints: ReadonlySet<number>): SharedPart | null => {
    let part = parts.get(face);
    if (part === undefined) {
      const prepared = prepareTrueTypeSubset(fonts.subset(face, [...codePoints].sort((a, b) => a - b)), fonts.deflate ?? deflateWithFflate);
      // A face with PostScript outlines goes through pdf-lib's embedder, which cannot take a prepared subset.
      part = prepared && { codePoints, prepared };
      parts.set(face, part);
    }
    return part;
  };
  return {
    part(face, own) {
      const codePoints = common.get(face);
      if (!codePoints || codePoints.size === 0) return undefined;
      for (const cp of codePoints) if (!own.has(cp)) return undefined; // not a document of the run
      // Two fonts for a face cost a font dictionary more: only worth it where most glyphs are shared.
      if (codePoints.size * 2 < own.size) return undefined;
      return partOf(face, codePoints) ?? undefined;
    },
  };
}
