import { PDFHexString, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { readSfntFacts } from './sfnt-tables';

/** What drawing needs of an embedded font; pdf-lib's own PDFFont has the same shape. */
export interface DrawableFont {
  readonly ref: PDFRef;
  encodeText(text: string): PDFHexString;
  widthOfTextAtSize(text: string, size: number): number;
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
  const facts = readSfntFacts(bytes);
  if (facts.cff) return null;
  const { context } = doc;
  const scale = 1000 / facts.unitsPerEm;
  const thousandths = (units: number) => Math.round(units * scale * 1000) / 1000;
  const fontFile = context.register(context.flateStream(bytes, { Length1: bytes.byteLength }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: fontFlags(facts),
      FontBBox: facts.bbox.map(thousandths),
      ItalicAngle: facts.italicAngle,
      Ascent: thousandths(facts.ascent),
      Descent: thousandths(facts.descent),
      CapHeight: thousandths(facts.capHeight),
      XHeight: thousandths(facts.xHeight),
      StemV: 0,
      FontFile2: fontFile,
    }),
  );
  // A subset's glyph ids run from 0 without gaps: one run of widths covers them all.
  const widths = context.obj([0, facts.advances.map(thousandths)]);
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
  const toUnicode = context.register(context.flateStream(unicodeCmap(facts.glyphs)));
  const ref = context.register(
    context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }),
  );
  const glyphOf = (char: string) => facts.glyphs.get(char.codePointAt(0) ?? 0) ?? 0;
  return {
    ref,
    encodeText(text) {
      let hex = '';
      for (const char of text) hex += glyphOf(char).toString(16).padStart(4, '0');
      return PDFHexString.of(hex);
    },
    widthOfTextAtSize(text, size) {
      let units = 0;
      for (const char of text) units += facts.advances[glyphOf(char)] ?? 0;
      return (units / facts.unitsPerEm) * size;
    },
  };
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
