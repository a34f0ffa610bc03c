import type { PagePlan } from '../../core/layout/page-plan';

/**
 * One string per page holding everything that page draws from: its lines and number, the
 * document-wide parts of the plan, the signature guides where they sit on it, and the draft mark.
 * Two renders with the same key for a page draw the same picture, so the preview keeps that
 * page's canvas instead of drawing it again. The whole text rather than a digest: no collision
 * can ever leave an old page on the screen.
 */
/** `fonts` tells the worker's font sets apart: the same plan in other fonts is another picture. */
export function pageKeys(plan: PagePlan, options: { readonly draft: boolean; readonly fonts: number }): string[] {
  const { pages, signature, ...documentWide } = plan;
  return pages.map((page, index) =>
    JSON.stringify({ index, documentWide, draft: options.draft, fonts: options.fonts, signature: index === signature.page ? signature : null, page }),
  );
}
