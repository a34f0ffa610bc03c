import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  endText,
  PDFDocument,
  rgb,
  setCharacterSpacing,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { strToU8, zlibSync } from 'fflate';
import { t } from '../i18n/translate';
import type { FaceKey } from '../layout/font-metrics';
import type { PagePlan, TextRun } from '../layout/page-plan';
import type { DocumentFonts } from './document-fonts';
import { EMBEDDED_FONT_NAMES } from './font-files';
import { addEmptySignatureField } from './signature-field';

const GUIDE = rgb(0.62, 0.62, 0.62);
/** Every feature fontkit applies by default, switched off (Noto CJK's 'locl' swaps the digits). */
const NO_LAYOUT_FEATURES = Object.fromEntries(
  ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'vert', 'vrt2'].map((f) => [f, false]),
);
const SEAL_GUIDE = rgb(0.85, 0.45, 0.45);

/**
 * Draws a page plan with pdf-lib: subset fonts, an empty signature field and faint guides for
 * signature and seal. Everything written comes from the plan, so the same plan gives the same bytes.
 */
export interface RenderOptions {
  /**
   * `subset` (the default) embeds only the glyphs drawn; `full` embeds the whole original font
   * files, which is only useful to prove that subsetting loses nothing.
   */
  readonly embedding?: 'subset' | 'full';
}

export async function renderPlan(plan: PagePlan, fonts: DocumentFonts, options: RenderOptions = {}): Promise<Uint8Array> {
  // updateMetadata: false keeps the clock and pdf-lib's producer string out of the file.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  compressWithFflate(doc);
  const embedded = await embedUsedFonts(doc, plan, fonts, options.embedding ?? 'subset');

  plan.pages.forEach((planPage, index) => {
    const page = doc.addPage([plan.width, plan.height]);
    drawText(page, [...planPage.lines.flatMap((line) => line.runs), planPage.pageNumber], embedded);
    if (index === plan.signature.page) drawSignatureGuides(page, plan);
  });

  const signaturePage = doc.getPage(plan.signature.page);
  addEmptySignatureField(doc, signaturePage, plan.signature.field, t('pdf.sign.principal'));
  setInfo(doc, plan);
  // objectsPerTick: pdf-lib otherwise yields to the event loop every 50 objects, which only adds waiting.
  return doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
}

/**
 * pdf-lib deflates embedded font files with pako, the largest single cost of a render; fflate
 * writes the same zlib format two to three times faster. Only this document's context is touched.
 */
function compressWithFflate(doc: PDFDocument): void {
  const { context } = doc;
  context.flateStream = (contents, dict = {}) => {
    // pdf-lib treats a string here as Latin-1 bytes, and so does strToU8 with latin1 set.
    const bytes = typeof contents === 'string' ? strToU8(contents, true) : contents;
    return context.stream(zlibSync(bytes, { level: 6 }), { ...dict, Filter: 'FlateDecode' });
  };
}

/** Each face used is subset to exactly the characters drawn in it, then embedded as it is. */
async function embedUsedFonts(doc: PDFDocument, plan: PagePlan, fonts: DocumentFonts, embedding: 'subset' | 'full'): Promise<Map<FaceKey, PDFFont>> {
  const used = new Map<FaceKey, Set<number>>();
  const note = (run: TextRun) => {
    const set = used.get(run.face) ?? new Set<number>();
    for (const char of run.text) set.add(char.codePointAt(0) ?? 0);
    used.set(run.face, set);
  };
  for (const page of plan.pages) {
    note(page.pageNumber);
    for (const line of page.lines) line.runs.forEach(note);
  }
  const embedded = new Map<FaceKey, PDFFont>();
  for (const face of [...used.keys()].sort()) {
    const full = embedding === 'full';
    const bytes = full ? fonts.bytes[face] : fonts.subset(face, [...(used.get(face) ?? [])].sort((a, b) => a - b));
    // A fixed name (with a subset tag) instead of one that depends on call order keeps the output stable.
    const name = full ? EMBEDDED_FONT_NAMES[face] : `PLEDGE+${EMBEDDED_FONT_NAMES[face]}`;
    // Layout measured each character's own glyph (cmap), so no OpenType feature may swap it for
    // another; the subsets carry no layout tables, the whole fonts need the features switched off.
    embedded.set(face, await doc.embedFont(bytes, { subset: false, customName: name, features: full ? NO_LAYOUT_FEATURES : {} }));
  }
  return embedded;
}

/**
 * Writes a page's text as one text object, changing font, size and character spacing only when
 * they change. pdf-lib's drawText would wrap every run in its own graphics state and add a font
 * resource per call, which makes files larger and slower to write.
 */
function drawText(page: PDFPage, runs: readonly TextRun[], fonts: Map<FaceKey, PDFFont>): void {
  const keys = new Map<FaceKey, PDFName>();
  const ops: PDFOperator[] = [beginText()];
  let face: FaceKey | null = null;
  let size = 0;
  let tracking = 0;
  for (const run of runs) {
    const font = fonts.get(run.face);
    if (!font) throw new Error(`Font for ${run.face} was not embedded`);
    if (run.face !== face || run.size !== size) {
      let key = keys.get(run.face);
      if (!key) {
        key = page.node.newFontDictionary(EMBEDDED_FONT_NAMES[run.face], font.ref);
        keys.set(run.face, key);
      }
      ops.push(setFontAndSize(key, run.size));
      face = run.face;
      size = run.size;
    }
    if (run.tracking !== tracking) {
      ops.push(setCharacterSpacing(round(run.tracking)));
      tracking = run.tracking;
    }
    ops.push(setTextMatrix(1, 0, 0, 1, round(run.x), round(run.y)), showText(font.encodeText(run.text)));
  }
  ops.push(endText());
  page.pushOperators(...ops);
}

/** Thousandths of a point are far below what print or screen can show, and keep streams short. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function drawSignatureGuides(page: PDFPage, plan: PagePlan): void {
  const { field, seal } = plan.signature;
  page.drawRectangle({ ...field, borderColor: GUIDE, borderWidth: 0.5, borderDashArray: [2, 2] });
  if (seal) page.drawEllipse({ x: seal.cx, y: seal.cy, xScale: seal.r, yScale: seal.r, borderColor: SEAL_GUIDE, borderWidth: 0.5, borderDashArray: [3, 3] });
}

function setInfo(doc: PDFDocument, plan: PagePlan): void {
  const [year, month, day] = plan.info.date.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  doc.setTitle(plan.info.title, { showInWindowTitleBar: true });
  doc.setAuthor(plan.info.author);
  doc.setSubject(plan.info.subject);
  doc.setCreator(t('pdf.creator'));
  doc.setProducer(t('pdf.creator'));
  doc.setLanguage('zh-CN');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}
