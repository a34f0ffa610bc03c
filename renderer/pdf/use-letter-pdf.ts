import { useEffect, useState } from 'react';
import type { Problem } from '../../core/letter/problem';
import { renderLetterInWorker } from './pdf-renderer';

export type LetterPdfState =
  | { readonly status: 'rendering'; readonly previous?: Uint8Array }
  | { readonly status: 'ready'; readonly bytes: Uint8Array; readonly pages: number }
  | { readonly status: 'problems'; readonly problems: readonly Problem[] }
  | { readonly status: 'error'; readonly error: string };

/** Wait this long after the last change before rendering, so typing does not queue renders. */
export const PREVIEW_DELAY_MS = 120;

/** The letter's PDF, re-rendered in the worker shortly after the letter stops changing. */
export function useLetterPdf(letter: unknown): LetterPdfState {
  const [state, setState] = useState<LetterPdfState>({ status: 'rendering' });
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const started = performance.now();
      void renderLetterInWorker(letter).then((response) => {
        // Kept in the performance timeline so the benchmark can tell rendering from drawing.
        performance.measure('pdf-render', { start: started, end: performance.now() });
        if (!current) return;
        if (response.ok) setState({ status: 'ready', bytes: response.bytes, pages: response.pages });
        else setState('problems' in response ? { status: 'problems', problems: response.problems } : { status: 'error', error: response.error });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [letter]);
  return state;
}
