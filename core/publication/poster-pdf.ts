import { rgb } from 'pdf-lib';
import { t } from '../i18n/translate';
import { letterTitle } from '../letter/letter-title';
import type { DocumentFonts } from '../pdf/document-fonts';
import { qrSymbolOps } from '../pdf/qr-symbol';
import { addBlankPage, createTextDocument, describeDocument, drawRuns, embedFaces, saveDocument } from '../pdf/text-document';
import { layoutPoster, type PosterFacts, type PosterPlan } from './poster-layout';

const RULE = rgb(0.62, 0.11, 0.11);

/**
 * The service-hall poster as a one-page PDF (see layoutPoster): its text in the letter's faces,
 * subset to the characters drawn, and the QR code as vector squares. The same letter and address
 * give the same bytes (the date is the letter's, never the clock).
 *
 * @example const { bytes } = await renderPosterPdf({ letter, address, size: 'a3' }, fonts);
 */
export async function renderPosterPdf(facts: PosterFacts, fonts: DocumentFonts): Promise<{ bytes: Uint8Array; plan: PosterPlan }> {
  const plan = layoutPoster(facts, fonts.metrics);
  const doc = await createTextDocument(fonts.deflate);
  const runs = plan.lines.flatMap((line) => line.runs);
  const faces = await embedFaces(doc, runs, fonts, 'subset');
  const page = addBlankPage(doc, plan.width, plan.height);
  drawRuns(page, runs, faces);
  for (const rule of plan.rules) page.drawLine({ start: { x: rule.x1, y: rule.y1 }, end: { x: rule.x2, y: rule.y2 }, thickness: 1.2, color: RULE });
  const symbol = qrSymbolOps(facts.address, plan.qr);
  const { context } = doc;
  page.node.addContentStream(context.register(context.flateStream(['q', '0 g', ...symbol.ops, 'Q'].join('\n'))));

  const title = letterTitle(facts.letter);
  describeDocument(doc, {
    title: t('publication.poster.document-title', { title }),
    author: facts.letter.unit.name,
    subject: t('publication.poster.document-subject', { title }),
    date: new Date(`${facts.letter.date}T00:00:00+08:00`),
  });
  return { bytes: await saveDocument(doc), plan };
}
