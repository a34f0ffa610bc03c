import type { Problem } from '../../core/letter/problem';

/** Messages between the UI and the PDF worker. */
export interface RenderRequest {
  readonly id: number;
  readonly letter: unknown;
}

export type RenderResponse =
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array; readonly pages: number }
  | { readonly id: number; readonly ok: false; readonly problems: readonly Problem[] }
  | { readonly id: number; readonly ok: false; readonly error: string };
