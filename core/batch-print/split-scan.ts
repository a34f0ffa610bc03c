import { t, type MessageKey } from '../i18n/translate';
import { encodePageCode } from './page-code';
import { printSequence } from './print-sequence';
import type { PageReading } from './read-page-code';

/** The batch as it was printed: its key and its letters in the cover's order. */
export interface PrintedBatch {
  readonly batchKey: string;
  readonly letters: readonly { readonly key: string; readonly pages: number }[];
}

/** A scanned page matched to a page of a letter. */
export interface MatchedPage {
  /** The page's place in the scan, 0-based. */
  readonly scanIndex: number;
  /** The letter's page it is, 1-based. */
  readonly page: number;
  /** Scanned upside down: to be turned 180° when attached. */
  readonly upsideDown: boolean;
  /** 按顺序推定: no code was read, the cover's order and the codes around it put it here. The clerk confirms. */
  readonly presumed: boolean;
}

export interface LetterScan {
  readonly key: string;
  readonly letterNo: number;
  readonly pages: number;
  /** In the letter's page order. */
  readonly matched: readonly MatchedPage[];
  /** The letter's pages no scanned page was matched to. */
  readonly missing: readonly number[];
}

export type SetAsideReason = 'cover' | 'blank' | 'empty' | 'other-batch' | 'not-in-batch' | 'duplicate' | 'unreadable';

export interface SetAsidePage {
  readonly scanIndex: number;
  readonly reason: SetAsideReason;
}

export interface ScanSplit {
  /** Every letter of the batch, in the cover's order, matched or not. */
  readonly letters: readonly LetterScan[];
  /** Every scanned page not matched to a letter, in scan order, with why. */
  readonly setAside: readonly SetAsidePage[];
}

/**
 * Splits a signed scan back to the batch's letters. Each page with a readable code of this batch
 * goes to the letter and page it names, whatever the order of the stack and whichever way up.
 * A page without a readable code is proposed for the page the cover's print order puts there only
 * when the codes read before and after it agree with that order: exactly as many pages without a
 * code lie between them as the print order has between their two pages. Such a match is marked
 * presumed. Anything else stays unmatched and is shown, never guessed. Pages without ink, of
 * another batch, the cover, the inserted blank pages and second scans of a page are set aside.
 *
 * @example splitScan({ batchKey, letters: [{ key: 'draft-1', pages: 2 }] }, readings).letters[0].missing // [] when both pages were found
 */
export function splitScan(batch: PrintedBatch, readings: readonly PageReading[]): ScanSplit {
  const sequence = printSequence(batch.batchKey, batch.letters.map((letter) => letter.pages));
  const slotOf = new Map(sequence.map((code, slot) => [encodePageCode(code), slot]));
  /** Scan index of the page matched to each slot of the print order. */
  const taken = new Map<number, MatchedPage & { readonly letterNo: number }>();
  const setAside = new Map<number, SetAsideReason>();
  /** The pages that take part in the order: a code of this batch (with its slot), or no code (null). */
  const ordered: { readonly scanIndex: number; readonly slot: number | null }[] = [];

  readings.forEach((reading, scanIndex) => {
    if (reading.kind === 'empty') return setAside.set(scanIndex, 'empty');
    if (reading.kind === 'unreadable') return ordered.push({ scanIndex, slot: null });
    const { code } = reading;
    if (code.batchKey !== batch.batchKey) return setAside.set(scanIndex, 'other-batch');
    const slot = slotOf.get(encodePageCode(code));
    // A code of this batch for a page its print has not got: printed before a letter changed length.
    if (slot === undefined) return setAside.set(scanIndex, 'not-in-batch');
    ordered.push({ scanIndex, slot });
    if (code.kind !== 'letter') return setAside.set(scanIndex, code.kind);
    if (taken.has(slot)) return setAside.set(scanIndex, 'duplicate');
    taken.set(slot, { scanIndex, letterNo: code.letterNo, page: code.page, upsideDown: reading.upsideDown, presumed: false });
  });

  for (const run of runsWithoutCode(ordered)) {
    const agrees = run.before !== undefined && run.after !== undefined && run.after - run.before - 1 === run.pages.length;
    run.pages.forEach((scanIndex, j) => {
      const slot = (run.before ?? 0) + 1 + j;
      const code = sequence[slot];
      if (agrees && code?.kind === 'letter' && !taken.has(slot)) {
        taken.set(slot, { scanIndex, letterNo: code.letterNo, page: code.page, upsideDown: false, presumed: true });
      } else {
        setAside.set(scanIndex, 'unreadable');
      }
    });
  }

  const matched = [...taken.values()];
  return {
    letters: batch.letters.map((letter, i) => {
      const pages = matched.filter((page) => page.letterNo === i + 1).sort((a, b) => a.page - b.page);
      const found = new Set(pages.map((page) => page.page));
      return {
        key: letter.key,
        letterNo: i + 1,
        pages: letter.pages,
        matched: pages.map(({ scanIndex, page, upsideDown, presumed }) => ({ scanIndex, page, upsideDown, presumed })),
        missing: Array.from({ length: letter.pages }, (_, p) => p + 1).filter((page) => !found.has(page)),
      };
    }),
    setAside: [...setAside.entries()].sort(([a], [b]) => a - b).map(([scanIndex, reason]) => ({ scanIndex, reason })),
  };
}

/** Each stretch of pages without a code, with the print-order slots of the codes read just before and after it. */
function runsWithoutCode(ordered: readonly { readonly scanIndex: number; readonly slot: number | null }[]) {
  const runs: { before: number | undefined; after: number | undefined; pages: number[] }[] = [];
  let before: number | undefined;
  let current: { before: number | undefined; after: number | undefined; pages: number[] } | undefined;
  for (const page of ordered) {
    if (page.slot === null) {
      current ??= { before, after: undefined, pages: [] };
      current.pages.push(page.scanIndex);
      continue;
    }
    if (current) {
      current.after = page.slot;
      runs.push(current);
      current = undefined;
    }
    before = page.slot;
  }
  if (current) runs.push(current);
  return runs;
}

const REASONS: Readonly<Record<SetAsideReason, MessageKey>> = {
  cover: 'batch-print.set-aside.cover',
  blank: 'batch-print.set-aside.blank',
  empty: 'batch-print.set-aside.empty',
  'other-batch': 'batch-print.set-aside.other-batch',
  'not-in-batch': 'batch-print.set-aside.not-in-batch',
  duplicate: 'batch-print.set-aside.duplicate',
  unreadable: 'batch-print.set-aside.unreadable',
};

/** Why a scanned page was set aside, for the clerk. */
export function setAsideText(reason: SetAsideReason): string {
  return t(REASONS[reason]);
}

/** How a match was made, for the clerk: read from its code, or presumed from the order (按顺序推定). */
export function matchText(page: MatchedPage): string {
  return t(page.presumed ? 'batch-print.match.presumed' : 'batch-print.match.read', { page: page.page });
}

/** A letter some of whose pages were not found in the scan, for the clerk; undefined when it is complete. */
export function missingText(letter: LetterScan): string | undefined {
  if (letter.missing.length === 0) return undefined;
  if (letter.matched.length === 0) return t('batch-print.letter.not-scanned');
  return t('batch-print.letter.missing', { pages: letter.missing.join('、') });
}
