import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFPage, type PDFName } from 'pdf-lib';
import { t } from '../i18n/translate';
import type { TextRun } from '../layout/page-plan';
import { embedPreparedSubset, embedTrueTypeSubset, type DrawableFont } from './cid-font';
import { compressLater, compressedStreams, deflateOf, deflateWithFflate, type Deflate } from './deferred-streams';
import type { DocumentFonts } from './document-fonts';
import type { SharedGlyphs } from './shared-glyphs';
import { writePdf } from './write-pdf';

export type { Deflate } from './deferred-streams';

/**
 * What every PDF of ours shares, the letter and the receipt alike: a document that never reads
 * the clock, document faces subset to the characters drawn, text written as one text object per
 * page, and the same information dictionary.
 */

/** Every feature fontkit applies by default, switched off (Noto CJK's 'locl' swaps the digits). */
const NO_LAYOUT_FEATURES = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'vert', 'vrt2'].map((f) => [f, false]),
);

/**
 * The faces embedded in one document by face id, and the resource name each page knows each font
 * by. A face is one embedded font, or two when part of its glyphs is shared with the other
 * documents of a run (core/pdf/shared-glyphs.ts): the shared part first, this document's own after.
 */
export interface EmbeddedFaces {
  readonly fonts: ReadonlyMap<string, readonly FacePart[]>;
  /** Per page, so two drawings on one page share one font resource. */
  readonly keys: WeakMap<PDFPage, Map<DrawableFont, PDFName>>;
}

export interface FacePart {
  readonly font: DrawableFont;
  /** The characters this font draws; absent for a face's only font, which draws them all. */
  readonly codePoints?: ReadonlySet<number>;
}

export async function createTextDocument(deflate: Deflate = deflateWithFflate): Promise<PDFDocument> {
  // updateMetadata: false keeps the clock and pdf-lib's producer string out of the file.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  compressLater(doc, deflate);
  return doc;
}

/**
 * A new last page of `width` × `height` points: what `doc.addPage([width, height])` makes, without
 * its resizing every page box a new page does not have yet (a measurable part of a letter's cost).
 */
export function addBlankPage(doc: PDFDocument, width: number, height: number): PDFPage {
  const page = PDFPage.create(doc);
  page.setMediaBox(0, 0, width, height);
  return doc.addPage(page);
}

/** The code points drawn in each face. */
export function codePointsByFace(runs: Iterable<Pick<TextRun, 'face' | 'text'>>): Map<string, Set<number>> {
  const used = new Map<string, Set<number>>();
  for (const run of runs) {
    const set = used.get(run.face) ?? new Set<number>();
    for (const char of run.text) set.add(char.codePointAt(0) ?? 0);
    used.set(run.face, set);
  }
  return used;
}

/**
 * Each face used is subset to exactly the characters drawn in it, then embedded as it is.
 * `embedding: 'full'` embeds the whole original font files, only to prove that subsetting loses
 * nothing; a face of a collection is always subset (a PDF embeds single fonts). With `shared`,
 * the glyphs every document of a run draws come from one subset made for them all, and only the
 * rest is subset for this document: the PDF still holds exactly the glyphs it draws.
 */
export async function embedFaces(
  doc: PDFDocument,
  runs: Iterable<Pick<TextRun, 'face' | 'text'>>,
  fonts: DocumentFonts,
  embedding: 'subset' | 'full',
  shared?: SharedGlyphs,
): Promise<EmbeddedFaces> {
  const used = codePointsByFace(runs);
  const embedded = new Map<string, FacePart[]>();
  // Sorted ids, not the order runs came in, keep the object order and so the bytes stable.
  for (const id of [...used.keys()].sort()) {
    const face = fonts.faces.get(id);
    if (!face) throw new Error(`No face ${id} among the document fonts`);
    const own = used.get(id) ?? new Set<number>();
    const common = embedding === 'subset' ? shared?.part(id, own) : undefined;
    if (common && shared) {
      const parts: FacePart[] = [{ font: embedPreparedSubset(doc, common.prepared, `PLEDGE+${id}`), codePoints: common.codePoints }];
      const rest = [...own].filter((cp) => !common.codePoints.has(cp));
      if (rest.length > 0) parts.push({ font: await embedSubset(doc, shared.subset(id, rest.sort((a, b) => a - b)), `PLEDGP+${id}`), codePoints: new Set(rest) });
      embedded.set(id, parts);
      continue;
    }
    const full = embedding === 'full' && !isCollection(face.bytes);
    const bytes = full ? face.bytes : fonts.subset(id, [...own].sort((a, b) => a - b));
    if (full) {
      // Layout measured each character's own glyph (cmap), so no OpenType feature may swap it for another.
      embedded.set(id, [{ font: await doc.embedFont(bytes, { subset: false, customName: id, features: NO_LAYOUT_FEATURES }) }]);
      continue;
    }
    embedded.set(id, [{ font: await embedSubset(doc, bytes, `PLEDGE+${id}`) }]);
  }
  return { fonts: embedded, keys: new WeakMap() };
}

/** A TrueType subset straight from its tables; one with PostScript outlines through pdf-lib (the subsets carry no layout tables). */
async function embedSubset(doc: PDFDocument, bytes: Uint8Array, name: string): Promise<DrawableFont> {
  return embedTrueTypeSubset(doc, bytes, name) ?? (await doc.embedFont(bytes, { subset: false, customName: name, features: {} }));
}

function isCollection(bytes: Uint8Array): boolean {
  return bytes[0] === 0x74 && bytes[1] === 0x74 && bytes[2] === 0x63 && bytes[3] === 0x66; // 'ttcf'
}

/** A stretch of text in one embedded font, with the font's resource name on the page. */
export interface TextPiece {
  readonly font: DrawableFont;
  readonly key: PDFName;
  readonly text: string;
}

/**
 * `text` of one face cut where it passes from one of the face's fonts to the other (one piece
 * unless the face is shared in part), each with its resource name on `page`, made on first use.
 */
export function textPieces(page: PDFPage, faces: EmbeddedFaces, face: string, text: string): TextPiece[] {
  const parts = faces.fonts.get(face);
  const first = parts?.[0];
  if (!parts || !first) throw new Error(`Font for ${face} was not embedded`);
  if (parts.length === 1) return [{ font: first.font, key: keyOn(page, faces, face, first.font), text }];
  // The characters of the first part that has them; those of none, of the last part.
  const partOf = (cp: number): FacePart => parts.find((p) => p.codePoints?.has(cp)) ?? (parts[parts.length - 1] as FacePart);
  const pieces: TextPiece[] = [];
  let current: FacePart | undefined;
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const part = current?.codePoints?.has(cp) ? current : partOf(cp);
    if (part !== current && current) {
      pieces.push({ font: current.font, key: keyOn(page, faces, face, current.font), text: text.slice(start, i) });
      start = i;
    }
    current = part;
    i += cp > 0xffff ? 2 : 1;
  }
  if (current && start < text.length) pieces.push({ font: current.font, key: keyOn(page, faces, face, current.font), text: text.slice(start) });
  return pieces;
}

function keyOn(page: PDFPage, faces: EmbeddedFaces, face: string, font: DrawableFont): PDFName {
  const keys = faces.keys.get(page) ?? new Map<DrawableFont, PDFName>();
  faces.keys.set(page, keys);
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(face, font.ref);
    keys.set(font, key);
  }
  return key;
}

/**
 * Writes a page's text as one text object in a content stream of its own, changing font, size and
 * character spacing only when they change. The operators are written as text straight away:
 * pdf-lib's operator objects (and its drawText, which wraps every run in its own graphics state
 * and adds a font resource per call) make a render slower and the file larger.
 */
export function drawRuns(page: PDFPage, runs: readonly TextRun[], faces: EmbeddedFaces): void {
  const ops: string[] = ['BT'];
  let font: DrawableFont | null = null;
  let size = 0;
  let tracking = 0;
  for (const run of runs) {
    textPieces(page, faces, run.face, run.text).forEach((piece, i) => {
      if (piece.font !== font || run.size !== size) {
        ops.push(`${piece.key.toString()} ${round(run.size)} Tf`);
        font = piece.font;
        size = run.size;
      }
      if (i === 0) {
        if (run.tracking !== tracking) {
          ops.push(`${round(run.tracking)} Tc`);
          tracking = run.tracking;
        }
        // Only the run's first piece is placed: the next goes on where the glyphs before it ended.
        ops.push(`1 0 0 1 ${round(run.x)} ${round(run.y)} Tm`);
      }
      ops.push(`${piece.font.encodeText(piece.text).toString()} Tj`);
    });
  }
  ops.push('ET');
  const { context } = page.doc;
  page.node.addContentStream(context.register(context.flateStream(ops.join('\n'))));
}

/** Thousandths of a point are far below what print or screen can show, and keep streams short. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export interface DocumentDescription {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  /** Both the creation and the modification date: taken from the content, never from the clock. */
  readonly date: Date;
}

export function describeDocument(doc: PDFDocument, info: DocumentDescription): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  doc.setCreator(t('pdf.creator'));
  doc.setProducer(t('pdf.creator'));
  doc.setLanguage('zh-CN');
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
}

export async function saveDocument(doc: PDFDocument): Promise<Uint8Array> {
  // Fonts pdf-lib embeds itself (an .otf, the whole-font proof) make their streams when flushed.
  await doc.flush();
  await compressedStreams(doc);
  // What pdf-lib's save would still do: none of our documents is without pages or uses pdf-lib's form fields.
  return writePdf(doc.context, deflateOf(doc));
}
