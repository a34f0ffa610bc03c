/**
 * What embedding needs from a single TrueType font (a HarfBuzz subset): its character map, each
 * glyph's advance, and the numbers of the PDF font descriptor. Read straight from the tables,
 * in a fraction of what parsing the whole font with fontkit costs on every render.
 */
export interface SfntFacts {
  readonly unitsPerEm: number;
  /** Glyph id of each code point the font maps. */
  readonly glyphs: ReadonlyMap<number, number>;
  /** Advance width of each glyph id, in font units. */
  readonly advances: readonly number[];
  readonly bbox: readonly [number, number, number, number];
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly italicAngle: number;
  readonly fixedPitch: boolean;
  readonly familyClass: number;
  readonly italic: boolean;
  /** PostScript outlines (a `CFF ` table) rather than TrueType `glyf`. */
  readonly cff: boolean;
}

export function readSfntFacts(bytes: Uint8Array): SfntFacts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i += 1) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0), view.getUint32(at + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`The font has no ${tag} table`);
    return offset;
  };
  const head = table('head');
  const hhea = table('hhea');
  const post = table('post');
  const os2 = tables.get('OS/2');
  const numberOfHMetrics = view.getUint16(hhea + 34);
  const numGlyphs = view.getUint16(table('maxp') + 4);
  const hmtx = table('hmtx');
  const advances: number[] = [];
  for (let gid = 0; gid < numGlyphs; gid += 1) advances.push(view.getUint16(hmtx + 4 * Math.min(gid, numberOfHMetrics - 1)));
  const ascent = view.getInt16(hhea + 4);
  const version = os2 === undefined ? 0 : view.getUint16(os2);
  return {
    unitsPerEm: view.getUint16(head + 18),
    glyphs: readCmap(view, table('cmap')),
    advances,
    bbox: [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)],
    ascent,
    descent: view.getInt16(hhea + 6),
    capHeight: os2 !== undefined && version >= 2 ? view.getInt16(os2 + 88) || ascent : ascent,
    xHeight: os2 !== undefined && version >= 2 ? view.getInt16(os2 + 86) : 0,
    italicAngle: view.getInt32(post + 4) / 65536,
    fixedPitch: view.getUint32(post + 12) !== 0,
    familyClass: os2 === undefined ? 0 : view.getInt16(os2 + 30) >> 8,
    italic: (view.getUint16(head + 44) & 2) !== 0,
    cff: tables.has('CFF ') || tables.has('CFF2'),
  };
}

/** The Unicode subtable: format 12 (all planes) where there is one, else format 4 (the BMP). */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const count = view.getUint16(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i += 1) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const offset = cmap + view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) format12 ??= offset;
    if (format === 4) format4 ??= offset;
  }
  const glyphs = new Map<number, number>();
  if (format12 !== undefined) {
    const groups = view.getUint32(format12 + 12);
    for (let g = 0; g < groups; g += 1) {
      const at = format12 + 16 + g * 12;
      const [start, end, gid] = [view.getUint32(at), view.getUint32(at + 4), view.getUint32(at + 8)];
      for (let cp = start; cp <= end; cp += 1) glyphs.set(cp, gid + cp - start);
    }
    return glyphs;
  }
  if (format4 === undefined) throw new Error('The font has no Unicode character map');
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s += 1) {
    const [start, end] = [view.getUint16(starts + s * 2), view.getUint16(ends + s * 2)];
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffset = view.getUint16(rangeOffsets + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp += 1) {
      let gid: number;
      if (rangeOffset === 0) gid = (cp + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2);
        gid = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (gid !== 0) glyphs.set(cp, gid);
    }
  }
  return glyphs;
}
