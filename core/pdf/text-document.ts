import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFName, type PDFPage } from 'pdf-lib';
import { strToU8, zlibSync } from 'fflate';
import { t } from '../i18n/translate';
import type { TextRun } from '../layout/page-plan';
import { embedTrueTypeSubset, type DrawableFont } from './cid-font';
import type { DocumentFonts } from './document-fonts';

/**
 * What every PDF of ours shares, the letter and the receipt alike: a document that never reads
 * the clock, document faces subset to the characters drawn, text written as one text object per
 * page, and the same information dictionary.
 */

/** Every feature fontkit applies by default, switched off (Noto CJK's 'locl' swaps the digits). */
const NO_LAYOUT_FEATURES = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'vert', 'vrt2'].map((f) => [f, false]),
);

/** The faces embedded in one document by face id, and the resource name each page knows each by. */
export interface EmbeddedFaces {
  readonly fonts: ReadonlyMap<string, DrawableFont>;
  /** Per page, so two drawings on one page share one font resource. */
  readonly keys: WeakMap<PDFPage, Map<string, PDFName>>;
}

/**
 * How a program compresses PDF streams (zlib format): Node's native zlib, the browser's
 * CompressionStream. Deflating the embedded fonts is the largest cost of a render; native code
 * does it several times faster than any JavaScript deflate. Without one, fflate.
 */
export type Deflate = (bytes: Uint8Array) => Promise<Uint8Array>;

const deflateWithFflate: Deflate = async (bytes) => zlibSync(bytes, { level: 6 });

/** Streams waiting for their compressed contents, by document: filled in by saveDocument. */
const deferred = new WeakMap<PDFDocument, Promise<void>[]>();

export async function createTextDocument(deflate: Deflate = deflateWithFflate): Promise<PDFDocument> {
  // updateMetadata: false keeps the clock and pdf-lib's producer string out of the file.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  compressLater(doc, deflate);
  return doc;
}

/**
 * Every stream pdf-lib or we flate-compress (pdf-lib would use pako, synchronously) is made at
 * once with empty contents, and compressed with `deflate` while the rest of the document is
 * built; saveDocument waits for all of them. Only this document's context is touched.
 */
function compressLater(doc: PDFDocument, deflate: Deflate): void {
  const { context } = doc;
  const pending: Promise<void>[] = [];
  deferred.set(doc, pending);
  context.flateStream = (contents, dict = {}) => {
    // pdf-lib treats a string here as Latin-1 bytes, and so does strToU8 with latin1 set.
    const bytes = typeof contents === 'string' ? strToU8(contents, true) : contents;
    const stream = context.stream(new Uint8Array(0), { ...dict, Filter: 'FlateDecode' });
    pending.push(
      deflate(bytes).then((compressed) => {
        // A raw stream's contents are only read when the file is written, which waits for this.
        (stream as unknown as { contents: Uint8Array }).contents = compressed;
      }),
    );
    return stream;
  };
}

/**
 * Each face used is subset to exactly the characters drawn in it, then embedded as it is.
 * `embedding: 'full'` embeds the whole original font files, only to prove that subsetting loses
 * nothing; a face of a collection is always subset (a PDF embeds single fonts).
 */
export async function embedFaces(doc: PDFDocument, runs: Iterable<Pick<TextRun, 'face' | 'text'>>, fonts: DocumentFonts, embedding: 'subset' | 'full'): Promise<EmbeddedFaces> {
  const used = new Map<string, Set<number>>();
  for (const run of runs) {
    const set = used.get(run.face) ?? new Set<number>();
    for (const char of run.text) set.add(char.codePointAt(0) ?? 0);
    used.set(run.face, set);
  }
  const embedded = new Map<string, DrawableFont>();
  // Sorted ids, not the order runs came in, keep the object order and so the bytes stable.
  for (const id of [...used.keys()].sort()) {
    const face = fonts.faces.get(id);
    if (!face) throw new Error(`No face ${id} among the document fonts`);
    const full = embedding === 'full' && !isCollection(face.bytes);
    const bytes = full ? face.bytes : fonts.subset(id, [...(used.get(id) ?? [])].sort((a, b) => a - b));
    const name = full ? id : `PLEDGE+${id}`;
    const trueType = full ? null : embedTrueTypeSubset(doc, bytes, name);
    if (trueType) {
      embedded.set(id, trueType);
      continue;
    }
    // Layout measured each character's own glyph (cmap), so no OpenType feature may swap it for
    // another; the subsets carry no layout tables, the whole fonts need the features switched off.
    embedded.set(id, await doc.embedFont(bytes, { subset: false, customName: name, features: full ? NO_LAYOUT_FEATURES : {} }));
  }
  return { fonts: embedded, keys: new WeakMap() };
}

function isCollection(bytes: Uint8Array): boolean {
  return bytes[0] === 0x74 && bytes[1] === 0x74 && bytes[2] === 0x63 && bytes[3] === 0x66; // 'ttcf'
}

/** The embedded font of a face and its resource name on `page`, made on first use. */
export function faceOn(page: PDFPage, faces: EmbeddedFaces, face: string): { font: DrawableFont; key: PDFName } {
  const font = faces.fonts.get(face);
  if (!font) throw new Error(`Font for ${face} was not embedded`);
  const keys = faces.keys.get(page) ?? new Map<string, PDFName>();
  faces.keys.set(page, keys);
  let key = keys.get(face);
  if (!key) {
    key = page.node.newFontDictionary(face, font.ref);
    keys.set(face, key);
  }
  return { font, key };
}

/**
 * Writes a page's text as one text object in a content stream of its own, changing font, size and
 * character spacing only when they change. The operators are written as text straight away:
 * pdf-lib's operator objects (and its drawText, which wraps every run in its own graphics state
 * and adds a font resource per call) make a render slower and the file larger.
 */
export function drawRuns(page: PDFPage, runs: readonly TextRun[], faces: EmbeddedFaces): void {
  const ops: string[] = ['BT'];
  let face: string | null = null;
  let size = 0;
  let tracking = 0;
  for (const run of runs) {
    const { font, key } = faceOn(page, faces, run.face);
    if (run.face !== face || run.size !== size) {
      ops.push(`${key.toString()} ${round(run.size)} Tf`);
      face = run.face;
      size = run.size;
    }
    if (run.tracking !== tracking) {
      ops.push(`${round(run.tracking)} Tc`);
      tracking = run.tracking;
    }
    ops.push(`1 0 0 1 ${round(run.x)} ${round(run.y)} Tm`, `${font.encodeText(run.text).toString()} Tj`);
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
  await Promise.all(deferred.get(doc) ?? []);
  // objectsPerTick: pdf-lib otherwise yields to the event loop every 50 objects, which only adds waiting.
  return doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
}
