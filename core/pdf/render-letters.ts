import type { DocumentFonts } from './document-fonts';
import { planLetter, renderPlanned, type LetterPdfResult } from './render-letter';
import { planRuns, type RenderOptions } from './render-plan';
import { shareGlyphs } from './shared-glyphs';
import { codePointsByFace } from './text-document';

/**
 * Renders several letters in one go (`pledge render a.json b.json …`, a unit's staff letters):
 * each exactly as renderLetterPdf checks, lays out and draws it alone, in the order given, except
 * that the glyphs all of them draw are subset and compressed once (core/pdf/shared-glyphs.ts).
 * Every letter is laid out before the first is drawn, to know what they share; the PDFs come one
 * at a time, so a caller that writes each away holds one at a time.
 *
 * @example for await (const result of renderLetterPdfs(inputs, fonts)) if (result.ok) save(result.bytes);
 */
export async function* renderLetterPdfs(inputs: readonly unknown[], fonts: DocumentFonts, options: Pick<RenderOptions, 'draft'> = {}): AsyncGenerator<LetterPdfResult> {
  const planned = inputs.map((input) => planLetter(input, fonts));
  const shared = shareGlyphs(
    planned.flatMap((p) => (p.ok ? [codePointsByFace(planRuns(p.plan, fonts, options))] : [])),
    fonts,
  );
  try {
    for (const p of planned) yield await renderPlanned(p, fonts, { ...options, shared });
  } finally {
    shared.release();
  }
}
