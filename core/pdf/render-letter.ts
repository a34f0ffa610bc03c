import { findUncoveredCharacters } from '../letter/character-coverage';
import type { Problem } from '../letter/problem';
import { validateLetter } from '../letter/validate-letter';
import { layoutLetter } from '../layout/layout-letter';
import type { PagePlan } from '../layout/page-plan';
import type { DocumentFonts } from './document-fonts';
import { renderPlan, type RenderOptions } from './render-plan';

export type LetterPdfResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly plan: PagePlan; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export type LetterPlanResult =
  | { readonly ok: true; readonly plan: PagePlan; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Validates a letter, checks every character against the document fonts, lays it out and renders
 * it. An invalid letter or a character no font has stops here with problems naming the field,
 * never a PDF with a blank box. `{ draft: true }` marks the pages "草稿" (see RenderOptions).
 *
 * @example
 * const result = await renderLetterPdf(JSON.parse(text), fonts, { draft: true });
 * if (result.ok) await writeFile('letter.pdf', result.bytes);
 */
export async function renderLetterPdf(input: unknown, fonts: DocumentFonts, options: Pick<RenderOptions, 'draft' | 'shared'> = {}): Promise<LetterPdfResult> {
  return renderPlanned(planLetter(input, fonts), fonts, options);
}

/** The checks and the layout of renderLetterPdf, without drawing: a run lays out all its letters before it draws one. */
export function planLetter(input: unknown, fonts: DocumentFonts): LetterPlanResult {
  // A template's sample content previews as it is; review refuses it.
  const validation = validateLetter(input, { allowSampleContent: true });
  // Coverage is checked on the raw input too, so a missing glyph is flagged while other fields are still wrong.
  const uncovered = findUncoveredCharacters(validation.ok ? validation.letter : input, (cp) => fonts.covers(cp));
  if (!validation.ok || uncovered.length > 0) return { ok: false, problems: [...validation.problems.filter((p) => p.severity === 'error'), ...uncovered] };
  return { ok: true, plan: layoutLetter(validation.letter, fonts.metrics), warnings: validation.problems };
}

/** Draws a planned letter; a refused one stays refused. */
export async function renderPlanned(planned: LetterPlanResult, fonts: DocumentFonts, options: Pick<RenderOptions, 'draft' | 'shared'> = {}): Promise<LetterPdfResult> {
  if (!planned.ok) return planned;
  return { ...planned, bytes: await renderPlan(planned.plan, fonts, options) };
}
