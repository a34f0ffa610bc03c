import PDFDocument from 'pdfkit';
import type { PagePlan, TextRun } from '../../core/layout/page-plan';

/**
 * The peer for the benchmark: pdfkit drawing the same page plan with the same font files, sizes,
 * positions and character spacing, so only the PDF engines differ.
 */
/** `fonts` by face id, as the plan's runs name them. */
export function renderPlanWithPdfkit(plan: PagePlan, fonts: Readonly<Record<string, Uint8Array | object>>): Promise<Buffer> {
  const doc = new PDFDocument({ size: [plan.width, plan.height], margin: 0, autoFirstPage: false, compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const [face, font] of Object.entries(fonts)) doc.registerFont(face, font as Buffer);
  const draw = (run: TextRun) => {
    // pdfkit's y runs downwards from the top and places text by its top edge.
    doc.font(run.face).fontSize(run.size);
    doc.text(run.text, run.x, plan.height - run.y - doc.currentLineHeight(true) * 0.88, { lineBreak: false, characterSpacing: run.tracking });
  };
  for (const page of plan.pages) {
    doc.addPage({ size: [plan.width, plan.height], margin: 0 });
    for (const line of page.lines) line.runs.forEach(draw);
    page.pageNumber.runs.forEach(draw);
  }
  doc.end();
  return done;
}
