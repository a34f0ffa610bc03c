import { degrees, drawEllipse, drawRectangle, PDFHexString, PDFName, PDFString, rgb, type PDFDocument, type PDFOperator, type PDFPage } from 'pdf-lib';
import type { Rect } from '../layout/page-plan';

/** The field name signing tools show and fill. */
export const SIGNATURE_FIELD_NAME = 'PrincipalSignature';

/** The `/NM` of the on-screen guides, so signing can take them away once images fill the place. */
export const GUIDE_ANNOTATION_NAMES = ['PledgeSignatureGuide', 'PledgeSealGuide'] as const;

/** How the guides are stroked, in points; exported so the edit preview (renderer/pdf/plan-drawing.ts) draws them alike. */
export const SIGNING_GUIDE_STYLE = {
  field: { rgb: [0.62, 0.62, 0.62], dash: [2, 2] },
  seal: { rgb: [0.85, 0.45, 0.45], dash: [3, 3] },
  width: 0.5,
} as const;

const GUIDE = rgb(...SIGNING_GUIDE_STYLE.field.rgb);
const SEAL_GUIDE = rgb(...SIGNING_GUIDE_STYLE.seal.rgb);
const NO_ROTATION = degrees(0);

/**
 * Dashed guides for the signing space and the seal as annotations without the Print flag: a
 * viewer shows where to sign and seal, a printout shows only the printed label, as on a letter
 * signed by hand. Being annotations they are not page content either, which the package check reads.
 */
export function addSigningGuides(doc: PDFDocument, page: PDFPage, field: Rect, seal?: { readonly cx: number; readonly cy: number; readonly r: number }): void {
  const { width, field: fieldStyle, seal: sealStyle } = SIGNING_GUIDE_STYLE;
  const half = width / 2;
  addGuide(doc, page, 'Square', GUIDE_ANNOTATION_NAMES[0], field, [...fieldStyle.dash],
    drawRectangle({ x: half, y: half, width: field.width - 2 * half, height: field.height - 2 * half, borderWidth: width, color: undefined, borderColor: GUIDE, rotate: NO_ROTATION, xSkew: NO_ROTATION, ySkew: NO_ROTATION, borderDashArray: [...fieldStyle.dash] }));
  if (!seal) return;
  const box = { x: seal.cx - seal.r - half, y: seal.cy - seal.r - half, width: 2 * (seal.r + half), height: 2 * (seal.r + half) };
  addGuide(doc, page, 'Circle', GUIDE_ANNOTATION_NAMES[1], box, [...sealStyle.dash],
    drawEllipse({ x: seal.r + half, y: seal.r + half, xScale: seal.r, yScale: seal.r, color: undefined, borderColor: SEAL_GUIDE, borderWidth: width, borderDashArray: [...sealStyle.dash] }));
}

function addGuide(doc: PDFDocument, page: PDFPage, subtype: 'Square' | 'Circle', name: string, rect: Rect, dash: number[], operators: PDFOperator[]): void {
  const { context } = doc;
  const appearance = context.register(context.formXObject(operators, { BBox: [0, 0, rect.width, rect.height] }));
  const colour = subtype === 'Square' ? GUIDE : SEAL_GUIDE;
  const annotation = context.obj({
    Type: 'Annot',
    Subtype: subtype,
    NM: PDFString.of(name),
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    // Locked and read-only, and without Print (4): shown on screen, never printed.
    F: 64 + 128,
    C: [colour.red, colour.green, colour.blue],
    BS: { W: SIGNING_GUIDE_STYLE.width, S: PDFName.of('D'), D: dash },
    P: page.ref,
    AP: { N: appearance },
  });
  page.node.addAnnot(context.register(annotation));
}

/**
 * Adds an empty AcroForm signature field (`/FT /Sig`) over `rect`, so a standard PDF tool can
 * sign the letter in place. pdf-lib has no signature-field API, hence the low-level objects.
 */
export function addEmptySignatureField(doc: PDFDocument, page: PDFPage, rect: Rect, tooltip: string): void {
  const { context } = doc;
  // An empty appearance: validators expect one, and a signing tool replaces it.
  const appearance = context.register(context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, rect.width, rect.height], Resources: {} }));
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(SIGNATURE_FIELD_NAME),
    TU: PDFHexString.fromText(tooltip),
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    F: 4, // Print
    P: page.ref,
    AP: { N: appearance },
  });
  const ref = context.register(widget);
  page.node.addAnnot(ref);
  doc.catalog.getOrCreateAcroForm().addField(ref);
}
