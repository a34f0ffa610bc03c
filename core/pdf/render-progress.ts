import { rgb } from 'pdf-lib';
import { layoutProgress, type ProgressPlan } from '../layout/layout-progress';
import type { ProgressReport } from '../progress/progress-schema';
import type { DocumentFonts } from './document-fonts';
import { addBlankPage, createTextDocument, describeDocument, drawRuns, embedFaces, saveDocument } from './text-document';

/** Dark enough to print as black rules on any office printer, as the receipt's. */
const RULE = rgb(0.2, 0.2, 0.2);
const RULE_WIDTH = 0.6;

/**
 * The printed progress report (践诺进展报告) of a delivered letter: A4 pages in the letter's faces
 * with the report's particulars, a ruled table of every item and its status and note, the count per
 * status, the evidence files and, at the year's end, the 违诺责任追究内容. The table is stroked lines
 * only, as everything our PDFs draw besides text. It never reads the clock: its date is the
 * report's own, else the last day of its period, so the same report gives the same bytes.
 *
 * @example const { bytes } = await renderProgressPdf(report, letterTitle(letter), fonts);
 */
export async function renderProgressPdf(report: ProgressReport, letterTitle: string, fonts: DocumentFonts): Promise<{ bytes: Uint8Array; plan: ProgressPlan }> {
  const plan = layoutProgress(report, letterTitle, fonts.metrics);
  const doc = await createTextDocument(fonts.deflate);
  const pageRuns = plan.pages.map((page) => [...page.lines, ...page.cells.flatMap((cell) => cell.lines), page.pageNumber].flatMap((line) => line.runs));
  const faces = await embedFaces(doc, pageRuns.flat(), fonts, 'subset');
  plan.pages.forEach((planPage, index) => {
    const page = addBlankPage(doc, plan.width, plan.height);
    drawRuns(page, pageRuns[index] ?? [], faces);
    for (const rule of planPage.rules) page.drawLine({ start: { x: rule.x1, y: rule.y1 }, end: { x: rule.x2, y: rule.y2 }, thickness: RULE_WIDTH, color: RULE });
  });
  const [year, month, day] = plan.info.date.split('-').map(Number);
  describeDocument(doc, { title: plan.info.title, author: plan.info.author, subject: plan.info.subject, date: new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)) });
  return { bytes: await saveDocument(doc), plan };
}
