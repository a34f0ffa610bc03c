import type { ReceiptFacts } from '../../core/layout/layout-receipt';
import type { Problem } from '../../core/letter/problem';

/** What the PDF worker makes: a letter (marked 草稿 unless it is the PDF to freeze for review), or a printable receipt. */
export type RenderJob = { readonly kind: 'letter'; readonly letter: unknown; readonly draft: boolean } | { readonly kind: 'receipt'; readonly facts: ReceiptFacts };

/** Messages between the UI and the PDF worker. */
export type RenderRequest = RenderJob & { readonly id: number };

export type RenderResponse =
  /** `pageKeys` (letters only): equal keys draw equal pages, see page-keys.ts. */
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array; readonly pages: number; readonly pageKeys?: readonly string[] }
  | { readonly id: number; readonly ok: false; readonly problems: readonly Problem[] }
  | { readonly id: number; readonly ok: false; readonly error: string };
