import { strToU8 } from 'fflate';
import { PDFArray, PDFHexString, PDFNumber, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { compressedStream, deflateOf, type Deflate } from './deferred-streams';
import { readSfntFacts, type SfntFacts } from './sfnt-tables';

/** What drawing needs of an embedded font; pdf-lib's own PDFFont has the same shape. */
export interface DrawableFont {
  readonly ref: PDFRef;
  encodeText(text: string): PDFHexString;
  widthOfTextAtSize(text: string, size: number): number;
}

/**
 * A TrueType subset made ready to embed: its tables read, and its font file and ToUnicode map
 * compressed (or on their way). Nothing in it belongs to one document, so documents that share a
 * subset (the letters of one run, core/pdf/shared-glyphs.ts) prepare it once.
 */
export interface PreparedSubset {
  readonly facts: SfntFacts;
  readonly length: number;
  readonly fontFile: Promise<Uint8Array>;
  readonly toUnicode: Promise<Uint8Array>;
  /** The `W` array's widths, in thousandths of the size; made once for every document that embeds the subset. */
  readonly widths: readonly PDFNumber[];
  /** Each character's glyph id as four hex digits, filled as documents draw them. */
  readonly hex: Map<number, string>;
}

/** Null for a font with PostScript outlines (an .otf), which pdf-lib's own embedder takes. */
export function prepareTrueTypeSubset(bytes: Uint8Array, deflate: Deflate): PreparedSubset | null {
  const facts = readSfntFacts(bytes);
  if (facts.cff) return null;
  const toUnicode = strToU8(unicodeCmap(facts.glyphs), true);
  return {
    facts,
    length: bytes.byteLength,
    fontFile: deflate(bytes),
    toUnicode: deflate(toUnicode),
    widths: facts.advances.map((units) => PDFNumber.of(thousandths(facts, units))),
    hex: new Map(),
  };
}

/**
 * Embeds a TrueType subset as a Type 0 font with Identity-H encoding (CIDFontType2, CID = glyph
 * id), its widths and a ToUnicode map, as pdf-lib's embedder would, but straight from the subset's
 * own tables: pdf-lib parses the font with fontkit and runs its layout engine on every string it
 * encodes, the largest cost of a render once the font is subset. Text is encoded one glyph per
 * character through the font's cmap, which is exactly how layout measured it. Null for a font with
 * PostScript outlines (an .otf), which pdf-lib's own embedder takes.
 */
export function embedTrueTypeSubset(doc: PDFDocument, bytes: Uint8Array, name: string): DrawableFont | null {
  const prepared = prepareTrueTypeSubset(bytes, deflateOf(doc));
  return prepared && embedPreparedSubset(doc, prepared, name);
}

export function embedPreparedSubset(doc: PDFDocument, prepared: PreparedSubset, name: string): DrawableFont {
  const { facts } = prepared;
  const { context } = doc;
  const em = (units: number) => thousandths(facts, units);
  const fontFile = context.register(compressedStream(doc, prepared.fontFile, { Length1: prepared.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: fontFlags(facts),
      FontBBox: facts.bbox.map(em),
      ItalicAngle: facts.italicAngle,
      Ascent: em(facts.ascent),
      Descent: em(facts.descent),
      CapHeight: em(facts.capHeight),
      XHeight: em(facts.xHeight),
      StemV: 0,
      FontFile2: fontFile,
    }),
  );
  // A subset's glyph ids run from 0 without gaps: one run of widths covers them all.
  const run = PDFArray.withContext(context);
  for (const width of prepared.widths) run.push(width);
  const widths = context.obj([0, run]);
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDToGIDMap: 'Identity',
      BaseFont: name,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: widths,
    }),
  );
  const toUnicode = context.register(compressedStream(doc, prepared.toUnicode));
  const ref = context.register(
    context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }),
  );
  const glyphOf = (char: string) => facts.glyphs.get(char.codePointAt(0) ?? 0) ?? 0;
  const hexOf = (char: string): string => {
    const cp = char.codePointAt(0) ?? 0;
    let hex = prepared.hex.get(cp);
    if (hex === undefined) {
      hex = (facts.glyphs.get(cp) ?? 0).toString(16).padStart(4, '0');
      prepared.hex.set(cp, hex);
    }
    return hex;
  };
  return {
    ref,
    encodeText(text) {
      let hex = '';
      for (const char of text) hex += hexOf(char);
      return PDFHexString.of(hex);
    },
    widthOfTextAtSize(text, size) {
      let units = 0;
      for (const char of text) units += facts.advances[glyphOf(char)] ?? 0;
      return (units / facts.unitsPerEm) * size;
    },
  };
}

function thousandths(facts: SfntFacts, units: number): number {
  return Math.round(units * (1000 / facts.unitsPerEm) * 1000) / 1000;
}

/** Bits of the font descriptor's Flags, derived as pdfkit and pdf-lib derive them. */
function fontFlags(facts: ReturnType<typeof readSfntFacts>): number {
  let flags = 1 << 2; // symbolic: the glyphs are not in a standard Latin set
  if (facts.fixedPitch) flags |= 1;
  if (facts.familyClass >= 1 && facts.familyClass <= 7) flags |= 1 << 1;
  if (facts.familyClass === 10) flags |= 1 << 3;
  if (facts.italic) flags |= 1 << 6;
  return flags;
}

/** The ToUnicode CMap: each glyph back to its character, in blocks of at most 100 as the CMap format allows. */
function unicodeCmap(glyphs: ReadonlyMap<number, number>): string {
  const chars = new Map<number, number>();
  for (const [cp, gid] of [...glyphs].sort((a, b) => a[0] - b[0])) if (!chars.has(gid)) chars.set(gid, cp);
  const entries = [...chars].sort((a, b) => a[0] - b[0]).map(([gid, cp]) => `<${hex4(gid)}> <${utf16Hex(cp)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const offset = cp - 0x10000;
  return hex4(0xd800 + (offset >> 10)) + hex4(0xdc00 + (offset & 0x3ff));
}
