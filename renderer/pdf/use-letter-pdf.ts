import { useEffect, useRef, useState } from 'react';
import type { Problem } from '../../core/letter/problem';
import { renderLetterInWorker } from './pdf-renderer';
import { createPreviewScheduler, previewBaseline, type PreviewScheduler } from './preview-schedule';
import type { PlanDrawing, RenderResponse } from './render-protocol';

export interface LetterPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** Equal keys draw equal pages: the preview redraws only the pages whose key changed. */
  readonly pageKeys?: readonly string[];
  /** The pages as the edit preview draws them, see plan-canvas.ts. */
  readonly drawing?: PlanDrawing;
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

/**
 * The letter's PDF, re-rendered in the worker shortly after the letter stops changing (see
 * preview-schedule.ts for how shortly). It is the draft (marked 草稿), the same bytes its
 * "save as" writes; the approved PDF is the review's.
 */
export function useLetterPdf(letter: unknown): LetterPdfState {
  const [state, setState] = useState<LetterPdfState>({ status: 'rendering' });
  const scheduler = useRef<PreviewScheduler<unknown>>(undefined);
  useEffect(() => {
    const created = createPreviewScheduler<unknown, RenderResponse>({
      render: async (input) => {
        const started = performance.now();
        const response = await renderLetterInWorker(input, { draft: true });
        // Kept in the performance timeline so the benchmark can tell rendering from drawing.
        performance.measure('pdf-render', { start: started, end: performance.now() });
        return response;
      },
      show: (response) => {
        if (response.ok) setState({ status: 'ready', ...pdfOf(response) });
        else if ('problems' in response) setState((previous) => ({ status: 'problems', problems: response.problems, ...lastGoodOf(previous) }));
        else setState({ status: 'error', error: response.error });
      },
      now: () => performance.now(),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      baseline: previewBaseline(),
    });
    scheduler.current = created;
    return () => created.dispose();
  }, []);
  // Declared after the scheduler's effect, so on mount the scheduler exists when the first letter asks.
  useEffect(() => scheduler.current?.request(letter), [letter]);
  return state;
}

function lastGoodOf(state: LetterPdfState): { lastGood?: LetterPdf } {
  if (state.status === 'ready') return { lastGood: pdfOf(state) };
  return state.status === 'problems' && state.lastGood ? { lastGood: state.lastGood } : {};
}

function pdfOf({ bytes, pages, pageKeys, drawing }: LetterPdf): LetterPdf {
  return { bytes, pages, ...(pageKeys ? { pageKeys } : {}), ...(drawing ? { drawing } : {}) };
}
