import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, setCharacterSpacing, type PDFFont, type PDFPage } from 'pdf-lib';
import { t } from '../i18n/translate';
import type { FaceKey } from '../layout/font-metrics';
import type { PagePlan, TextRun } from '../layout/page-plan';
import type { DocumentFonts } from './document-fonts';
import { EMBEDDED_FONT_NAMES } from './font-files';
import { addEmptySignatureField } from './signature-field';

const GUIDE = rgb(0.62, 0.62, 0.62);
const SEAL_GUIDE = rgb(0.85, 0.45, 0.45);

/**
 * Draws a page plan with pdf-lib: subset fonts, an empty signature field and faint guides for
 * signature and seal. Everything written comes from the plan, so the same plan gives the same bytes.
 */
export async function renderPlan(plan: PagePlan, fonts: DocumentFonts): Promise<Uint8Array> {
  // updateMetadata: false keeps the clock and pdf-lib's producer string out of the file.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const embedded = await embedUsedFonts(doc, plan, fonts);

  plan.pages.forEach((planPage, index) => {
    const page = doc.addPage([plan.width, plan.height]);
    const pen = textPen(page, embedded);
    for (const line of planPage.lines) for (const run of line.runs) pen(run);
    pen(planPage.pageNumber);
    if (index === plan.signature.page) drawSignatureGuides(page, plan);
  });

  const signaturePage = doc.getPage(plan.signature.page);
  addEmptySignatureField(doc, signaturePage, plan.signature.field, t('pdf.sign.principal'));
  setInfo(doc, plan);
  return doc.save({ useObjectStreams: true });
}

/** Each face used is subset to exactly the characters drawn in it, then embedded as it is. */
async function embedUsedFonts(doc: PDFDocument, plan: PagePlan, fonts: DocumentFonts): Promise<Map<FaceKey, PDFFont>> {
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
    const subset = fonts.subset(face, [...(used.get(face) ?? [])].sort((a, b) => a - b));
    // A fixed subset tag instead of pdf-lib's random suffix keeps the output byte-identical.
    embedded.set(face, await doc.embedFont(subset, { subset: false, customName: `PLEDGE+${EMBEDDED_FONT_NAMES[face]}` }));
  }
  return embedded;
}

/** Draws runs, switching character spacing only when it changes. */
function textPen(page: PDFPage, fonts: Map<FaceKey, PDFFont>): (run: TextRun) => void {
  let tracking = 0;
  return (run) => {
    if (run.tracking !== tracking) {
      page.pushOperators(setCharacterSpacing(run.tracking));
      tracking = run.tracking;
    }
    page.drawText(run.text, { x: run.x, y: run.y, size: run.size, font: fonts.get(run.face) });
  };
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
