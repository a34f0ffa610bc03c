import type { FontRole } from '../../core/fonts/font-roles';
import type { ReceiptFacts } from '../../core/layout/layout-receipt';
import type { Problem } from '../../core/letter/problem';

/** What the PDF worker makes: a letter (marked 草稿 unless it is the PDF to freeze for review), or a printable receipt. */
export type RenderJob = { readonly kind: 'letter'; readonly letter: unknown; readonly draft: boolean } | { readonly kind: 'receipt'; readonly facts: ReceiptFacts };

/** Font files the host offers per role, drawn before the bundled fonts (see installed-font-files.ts). */
export type InstalledFontFiles = Partial<Record<FontRole, { readonly bytes: Uint8Array; readonly index: number }>>;

/**
 * Messages between the UI and the PDF worker. `fonts` comes with the first request and again
 * whenever the faces changed: the worker then prepares its fonts anew from them.
 */
export type RenderRequest = RenderJob & { readonly id: number; readonly fonts?: InstalledFontFiles };

export type RenderResponse =
  /** `pageKeys` (letters only): equal keys draw equal pages, see page-keys.ts. */
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array; readonly pages: number; readonly pageKeys?: readonly string[] }
  | { readonly id: number; readonly ok: false; readonly problems: readonly Problem[] }
  | { readonly id: number; readonly ok: false; readonly error: string };
