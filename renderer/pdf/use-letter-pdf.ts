import { useEffect, useState } from 'react';
import type { Problem } from '../../core/letter/problem';
import { renderLetterInWorker } from './pdf-renderer';

export interface LetterPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * `lastGood` is the newest PDF the letter gave while it was valid: a letter is briefly invalid
 * all the time (a code half typed, an item just added), and the preview should not vanish then.
 */
export type LetterPdfState =
  | { readonly status: 'rendering' }
  | ({ readonly status: 'ready' } & LetterPdf)
  | { readonly status: 'problems'; readonly problems: readonly Problem[]; readonly lastGood?: LetterPdf }
  | { readonly status: 'error'; readonly error: string };

/** Wait this long after the last change before rendering, so typing does not queue renders. */
export const PREVIEW_DELAY_MS = 120;

/**
 * The letter's PDF, re-rendered in the worker shortly after the letter stops changing. It is the
 * draft (marked 草稿), the same bytes its "save as" writes; the approved PDF is the review's.
 */
export function useLetterPdf(letter: unknown): LetterPdfState {
  const [state, setState] = useState<LetterPdfState>({ status: 'rendering' });
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const started = performance.now();
      void renderLetterInWorker(letter, { draft: true }).then((response) => {
        // Kept in the performance timeline so the benchmark can tell rendering from drawing.
        performance.measure('pdf-render', { start: started, end: performance.now() });
        if (!current) return;
        if (response.ok) setState({ status: 'ready', bytes: response.bytes, pages: response.pages });
        else if ('problems' in response) setState((previous) => ({ status: 'problems', problems: response.problems, ...lastGoodOf(previous) }));
        else setState({ status: 'error', error: response.error });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [letter]);
  return state;
}

function lastGoodOf(state: LetterPdfState): { lastGood?: LetterPdf } {
  if (state.status === 'ready') return { lastGood: { bytes: state.bytes, pages: state.pages } };
  return state.status === 'problems' && state.lastGood ? { lastGood: state.lastGood } : {};
}
