import { rgb } from 'pdf-lib';
import { layoutReceipt, type ReceiptFacts, type ReceiptPlan } from '../layout/layout-receipt';
import { TYPE_AREA } from '../layout/page-geometry';
import type { DocumentFonts } from './document-fonts';
import { addBlankPage, createTextDocument, describeDocument, drawRuns, embedFaces, saveDocument } from './text-document';

const RULE = rgb(0.35, 0.35, 0.35);

/**
 * The printable receipt (回执单) of a delivered submission: one A4 page in the letter's faces with
 * the unit, its code, the year, the submission and receipt numbers, the 承诺编码 when the platform
 * gave one, the time received in Beijing time and the package's SHA-256. Like the letter it never
 * reads the clock: the same receipt gives the same bytes.
 *
 * @example
 * const bytes = await renderReceiptPdf({ unitName, creditCode, year: 2026, receipt }, fonts);
 */
export async function renderReceiptPdf(facts: ReceiptFacts, fonts: DocumentFonts): Promise<{ bytes: Uint8Array; plan: ReceiptPlan }> {
  const plan = layoutReceipt(facts, fonts.metrics);
  const doc = await createTextDocument(fonts.deflate);
  const runs = plan.lines.flatMap((line) => line.runs);
  const faces = await embedFaces(doc, runs, fonts, 'subset');
  const page = addBlankPage(doc, plan.width, plan.height);
  drawRuns(page, runs, faces);
  for (const rule of plan.rules) page.drawLine({ start: { x: TYPE_AREA.left, y: rule.y }, end: { x: TYPE_AREA.right, y: rule.y }, thickness: 0.6, color: RULE });
  describeDocument(doc, { title: plan.info.title, author: plan.info.author, subject: plan.info.subject, date: new Date(plan.info.receivedAt) });
  return { bytes: await saveDocument(doc), plan };
}
