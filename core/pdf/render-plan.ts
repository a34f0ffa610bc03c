import { t } from '../i18n/translate';
import type { PagePlan, TextRun } from '../layout/page-plan';
import type { DocumentFonts } from './document-fonts';
import { draftWatermarkRuns, drawDraftWatermark } from './draft-watermark';
import type { SharedGlyphs } from './shared-glyphs';
import { addEmptySignatureField, addSigningGuides } from './signature-field';
import { addBlankPage, createTextDocument, describeDocument, drawRuns, embedFaces, saveDocument } from './text-document';

export interface RenderOptions {
  /**
   * `subset` (the default) embeds only the glyphs drawn; `full` embeds the whole original font
   * files, which is only useful to prove that subsetting loses nothing.
   */
  readonly embedding?: 'subset' | 'full';
  /**
   * Marks every page with a diagonal "草稿": for the preview and every export of a letter that is
   * not its approved, frozen PDF. Without it the bytes are exactly those that review binds.
   */
  readonly draft?: boolean;
  /** Glyphs shared with the other documents of a run, subset once for them all (core/pdf/shared-glyphs.ts). */
  readonly shared?: SharedGlyphs;
}

/** Every run of text a render of `plan` draws, in the faces it draws them in: what its fonts must hold. */
export function planRuns(plan: PagePlan, fonts: DocumentFonts, options: Pick<RenderOptions, 'draft'> = {}): Pick<TextRun, 'face' | 'text'>[] {
  const runs = plan.pages.flatMap((page) => [...page.pageNumber.runs, ...page.lines.flatMap((line) => line.runs)]);
  return options.draft ? [...runs, ...draftWatermarkRuns(fonts.metrics.title)] : runs;
}

/**
 * Draws a page plan with pdf-lib: subset fonts, an empty signature field and on-screen guides for
 * signature and seal. Everything written comes from the plan, so the same plan gives the same bytes.
 */
export async function renderPlan(plan: PagePlan, fonts: DocumentFonts, options: RenderOptions = {}): Promise<Uint8Array> {
  const doc = await createTextDocument(fonts.deflate);
  const faces = await embedFaces(doc, planRuns(plan, fonts, options), fonts, options.embedding ?? 'subset', options.shared);

  plan.pages.forEach((planPage) => {
    const page = addBlankPage(doc, plan.width, plan.height);
    if (options.draft) drawDraftWatermark(page, faces, fonts.metrics.title);
    drawRuns(page, [...planPage.lines.flatMap((line) => line.runs), ...planPage.pageNumber.runs], faces);
  });

  const signaturePage = doc.getPage(plan.signature.page);
  addEmptySignatureField(doc, signaturePage, plan.signature.field, t('pdf.sign.principal'));
  addSigningGuides(doc, signaturePage, plan.signature.field, plan.signature.seal);
  const [year, month, day] = plan.info.date.split('-').map(Number) as [number, number, number];
  describeDocument(doc, { ...plan.info, date: new Date(Date.UTC(year, month - 1, day)) });
  return saveDocument(doc);
}
