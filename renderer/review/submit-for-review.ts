import { t } from '../../core/i18n/translate';
import { renderLetterInWorker } from '../pdf/pdf-renderer';
import type { RenderResponse } from '../pdf/render-protocol';
import type { DraftStore } from '../store/draft-store';

export type SubmitOutcome = { readonly ok: true; readonly pdfSha256: string } | { readonly ok: false; /** In Chinese, for the clerk. */ readonly message: string };

/**
 * Renders the stored letter as the final PDF (no 草稿 mark) and freezes both for the principal,
 * in one transaction of its own. A letter the renderer refuses is not submitted; storage
 * failures are thrown.
 */
export async function renderAndSubmit(store: DraftStore, id: string): Promise<SubmitOutcome> {
  const letter = await store.letter(id);
  const response = await renderLetterInWorker(letter, { draft: false });
  if (!response.ok) return { ok: false, message: refusal(response) };
  return { ok: true, pdfSha256: await store.submitForReview(id, response.bytes, new Date(), letter) };
}

/**
 * A batch's review: each letter rendered as {@link renderAndSubmit} does, then all of them frozen
 * in one transaction, so 200 letters are not 200 writes (and redraws of the batch). Returns why
 * each letter that was not submitted was not, by draft id.
 */
export async function renderAndSubmitEach(store: DraftStore, ids: readonly string[]): Promise<Map<string, string>> {
  const refused = new Map<string, string>();
  const rendered: { id: string; pdf: Uint8Array; renderedFrom: unknown }[] = [];
  for (const id of ids) {
    const letter = await store.letter(id);
    const response = await renderLetterInWorker(letter, { draft: false });
    if (response.ok) rendered.push({ id, pdf: response.bytes, renderedFrom: letter });
    else refused.set(id, refusal(response));
  }
  for (const [id, message] of await store.submitEachForReview(rendered, new Date())) refused.set(id, message);
  return refused;
}

function refusal(response: Exclude<RenderResponse, { ok: true }>): string {
  return 'problems' in response ? t('ui.review.cannot-submit', { count: response.problems.length }) : t('ui.preview.error', { reason: response.error });
}
