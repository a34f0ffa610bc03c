import { t } from '../../core/i18n/translate';
import { renderLetterInWorker } from '../pdf/pdf-renderer';
import type { DraftStore } from '../store/draft-store';

export type SubmitOutcome = { readonly ok: true; readonly pdfSha256: string } | { readonly ok: false; /** In Chinese, for the clerk. */ readonly message: string };

/**
 * Renders the stored letter as the final PDF (no 草稿 mark) and freezes both for the principal,
 * in one transaction of its own: the single letter's review and a batch's both submit this way.
 * A letter the renderer refuses is not submitted; storage failures are thrown.
 */
export async function renderAndSubmit(store: DraftStore, id: string): Promise<SubmitOutcome> {
  const letter = await store.letter(id);
  const response = await renderLetterInWorker(letter, { draft: false });
  if (!response.ok) return { ok: false, message: 'problems' in response ? t('ui.review.cannot-submit', { count: response.problems.length }) : t('ui.preview.error', { reason: response.error }) };
  return { ok: true, pdfSha256: await store.submitForReview(id, response.bytes, new Date(), letter) };
}
