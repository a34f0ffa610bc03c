import { PDFHexString, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { Rect } from '../layout/page-plan';

/** The field name signing tools show and fill. */
export const SIGNATURE_FIELD_NAME = 'PrincipalSignature';

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
