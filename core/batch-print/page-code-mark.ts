import { StandardFonts, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { MM, TYPE_AREA } from '../layout/page-geometry';
import { QR_QUIET_MODULES, qrModuleCount, qrSymbolOps } from '../pdf/qr-symbol';
import { round } from '../pdf/text-document';

/**
 * Where the page code is printed: a QR symbol centred under the type area, in the bottom margin
 * between the page edge and the page number (which GB/T 9704 puts 7 mm under the type area, at the
 * right of odd pages and the left of even ones, so the middle is always free), and the same code
 * in small type at its right for a person to read.
 */
export const MARK = {
  /** One module: 0.45 mm puts a version 1 symbol and its four-module quiet zone at 13 mm. */
  module: 0.45 * MM,
  quietModules: QR_QUIET_MODULES,
  /** The foot of the quiet zone, 9 mm above the page edge: clear of what printers cannot print. */
  bottom: 9 * MM,
  textSize: 6.5,
} as const;

/** The marks of one document share one embedded Helvetica (ASCII only, so a standard font does). */
export interface MarkFont {
  readonly font: PDFFont;
}

export async function embedMarkFont(doc: PDFDocument): Promise<MarkFont> {
  return { font: await doc.embedFont(StandardFonts.Helvetica) };
}

/**
 * Stamps `text` on `page` as a QR symbol of vector squares (no raster image: it prints sharp at
 * any resolution and keeps the file small) and as text. The page's own content is wrapped in
 * q … Q first, so a state it leaves behind cannot move or colour the mark.
 */
export function stampPageCode(page: PDFPage, text: string, markFont: MarkFont): void {
  const side = qrModuleCount(text) * MARK.module;
  const x0 = (TYPE_AREA.left + TYPE_AREA.right) / 2 - side / 2;
  const y0 = MARK.bottom + MARK.quietModules * MARK.module;
  const ops: string[] = ['q', '0 g', ...qrSymbolOps(text, { x: x0, y: y0, module: MARK.module }).ops];
  const { font } = markFont;
  const key = page.node.newFontDictionary('PledgeMark', font.ref);
  const textX = x0 + side + (MARK.quietModules - 1) * MARK.module;
  const textY = y0 + side / 2 - MARK.textSize * 0.35;
  ops.push('BT', `${key.toString()} ${MARK.textSize} Tf`, `1 0 0 1 ${round(textX)} ${round(textY)} Tm`, `${font.encodeText(text).toString()} Tj`, 'ET', 'Q');
  const { context } = page.doc;
  page.node.normalize();
  page.node.wrapContentStreams(context.register(context.stream('q')), context.register(context.stream('Q')));
  page.node.addContentStream(context.register(context.flateStream(ops.join('\n'))));
}

/** The QR symbol of `text` with its quiet zone, in points from the page's bottom left. */
export function markBox(text: string): { x: number; y: number; width: number; height: number } {
  const side = qrModuleCount(text) * MARK.module;
  const quiet = MARK.quietModules * MARK.module;
  return { x: (TYPE_AREA.left + TYPE_AREA.right) / 2 - side / 2 - quiet, y: MARK.bottom, width: side + 2 * quiet, height: side + 2 * quiet };
}
