import { prepareTrueTypeSubset, type PreparedSubset } from './cid-font';
import { deflateWithFflate } from './deferred-streams';
import type { DocumentFonts } from './document-fonts';
import type { FontSubsetter } from './harfbuzz-subsetter';

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
  /** What only this document draws of `face`, subset from the glyphs of the whole run (DocumentFonts.narrowed). */
  subset(face: string, codePoints: readonly number[]): Uint8Array;
  /** Gives back what the run's subsetting held; the run is over. */
  release(): void;
}

export interface SharedPart {
  readonly codePoints: ReadonlySet<number>;
  readonly prepared: PreparedSubset;
}

/**
 * Letters from different templates (a window clerk's and an enforcement officer's) share less
 * with each other than with their own kind, so the run's documents are grouped face by face: a
 * document joins the first group whose glyphs still make up most of its own, and each group
 * shares what all its documents draw.
 */
const JOIN_SHARE = 0.8;

/**
 * A document's own glyphs are subset from a font narrowed to the own glyphs of a block of this many
 * documents in the run's order, itself narrowed from the whole run's: a subset from a font of a few
 * dozen glyphs costs HarfBuzz a fraction of one from the run's hundreds, and it is the same bytes.
 */
const BLOCK = 16;

/** `documents`: the code points each document of the run draws, by face (codePointsByFace). */
export function shareGlyphs(documents: Iterable<ReadonlyMap<string, ReadonlySet<number>>>, fonts: DocumentFonts): SharedGlyphs {
  const docs = [...documents];
  const groups = new Map<string, Set<number>[]>();
  const all = new Map<string, Set<number>>();
  for (const document of docs) {
    for (const [face, used] of document) {
      const union = all.get(face) ?? new Set<number>();
      for (const cp of used) union.add(cp);
      all.set(face, union);
      const faceGroups = groups.get(face) ?? [];
      groups.set(face, faceGroups);
      const group = faceGroups.find((shared) => overlap(shared, used) >= JOIN_SHARE * used.size);
      if (!group) faceGroups.push(new Set(used));
      else for (const cp of group) if (!used.has(cp)) group.delete(cp);
    }
  }
  const parts = new Map<ReadonlySet<number>, SharedPart | null>();
  const partOf = (face: string, codePoints: ReadonlySet<number>): SharedPart | null => {
    let part = parts.get(codePoints);
    if (part === undefined) {
      const prepared = prepareTrueTypeSubset(fonts.subset(face, [...codePoints].sort((a, b) => a - b)), fonts.deflate ?? deflateWithFflate);
      // A face with PostScript outlines goes through pdf-lib's embedder, which cannot take a prepared subset.
      part = prepared && { codePoints, prepared };
      parts.set(codePoints, part);
    }
    return part;
  };
  const part = (face: string, own: ReadonlySet<number>): SharedPart | undefined => {
    // The largest group whose glyphs this document all draws: its own group, or one it could have joined.
    let best: ReadonlySet<number> | undefined;
    for (const shared of groups.get(face) ?? []) {
      if (shared.size > (best?.size ?? 0) && overlap(shared, own) === shared.size) best = shared;
    }
    // Two fonts for a face cost a font dictionary more: only worth it where most glyphs are shared.
    if (!best || best.size * 2 < own.size) return undefined;
    return partOf(face, best) ?? undefined;
  };

  const narrowing = new Map<string, Narrowing>();
  const narrowingOf = (face: string, union: ReadonlySet<number>, narrow: NonNullable<DocumentFonts['narrowed']>): Narrowing => {
    let found = narrowing.get(face);
    if (!found) {
      const run = narrow(face, [...union].sort((a, b) => a - b));
      const blocks = ownBlocks(docs, face, part).map((codePoints) => ({ codePoints, subsetter: undefined as FontSubsetter | undefined }));
      found = { run, blocks };
      narrowing.set(face, found);
    }
    return found;
  };
  return {
    part,
    subset(face, codePoints) {
      const union = all.get(face);
      const narrow = fonts.narrowed;
      if (!narrow || !union || codePoints.some((cp) => !union.has(cp))) return fonts.subset(face, codePoints);
      const { run, blocks } = narrowingOf(face, union, narrow);
      const block = blocks.find((b) => codePoints.every((cp) => b.codePoints.has(cp)));
      if (!block) return run.subset(face, codePoints);
      block.subsetter ??= narrow(face, [...block.codePoints].sort((a, b) => a - b), run);
      return block.subsetter.subset(face, codePoints);
    },
    release() {
      for (const { run, blocks } of narrowing.values()) for (const subsetter of [run, ...blocks.map((b) => b.subsetter)]) subsetter?.release?.();
      narrowing.clear();
    },
  };
}

interface Narrowing {
  readonly run: FontSubsetter;
  readonly blocks: { readonly codePoints: ReadonlySet<number>; subsetter: FontSubsetter | undefined }[];
}

/** What the documents draw of `face` beyond their shared part, gathered BLOCK documents at a time. */
function ownBlocks(docs: readonly ReadonlyMap<string, ReadonlySet<number>>[], face: string, part: SharedGlyphs['part']): Set<number>[] {
  const blocks: Set<number>[] = [];
  docs.forEach((document, i) => {
    const used = document.get(face);
    if (!used) return;
    const shared = part(face, used)?.codePoints;
    if (i % BLOCK === 0 || blocks.length === 0) blocks.push(new Set<number>());
    const block = blocks[blocks.length - 1] as Set<number>;
    for (const cp of used) if (!shared?.has(cp)) block.add(cp);
  });
  return blocks.filter((block) => block.size > 0);
}

function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let n = 0;
  for (const cp of a) if (b.has(cp)) n += 1;
  return n;
}
