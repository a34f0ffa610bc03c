import { describe, expect, it } from 'vitest';
import type { PageCode } from '../../../core/batch-print/page-code';
import type { PageReading } from '../../../core/batch-print/read-page-code';
import { matchText, missingText, setAsideText, splitScan, type PrintedBatch } from '../../../core/batch-print/split-scan';

const KEY = '7K2QMX';
/** Printed: cover (1), blank after it (2), letter 1 of 3 pages (3–5), blank (6), letter 2 of 2 pages (7–8), letter 3 of 1 page (9). */
const BATCH: PrintedBatch = { batchKey: KEY, letters: [{ key: 'a', pages: 3 }, { key: 'b', pages: 2 }, { key: 'c', pages: 1 }] };

const code = (reading: PageCode, upsideDown = false): PageReading => ({ kind: 'code', code: reading, upsideDown });
const page = (letterNo: number, n: number, pages: number, upside = false) => code({ kind: 'letter', batchKey: KEY, letterNo, page: n, pages }, upside);
const cover = code({ kind: 'cover', batchKey: KEY, page: 1, pages: 1 });
const blank = (after: number) => code({ kind: 'blank', batchKey: KEY, after });
const none: PageReading = { kind: 'unreadable' };
const empty: PageReading = { kind: 'empty' };

const pagesOf = (split: ReturnType<typeof splitScan>, key: string) => split.letters.find((letter) => letter.key === key)?.matched.map((m) => [m.scanIndex, m.page, m.presumed ? 'presumed' : 'read'] as const);

describe('splitScan', () => {
  it('matches pages by their codes in any order and either way up, and sets aside the cover and the blank pages', () => {
    const split = splitScan(BATCH, [page(2, 2, 2), cover, page(1, 3, 3), page(3, 1, 1), page(1, 1, 3, true), blank(1), page(2, 1, 2), page(1, 2, 3), blank(0)]);
    expect(pagesOf(split, 'a')).toEqual([[4, 1, 'read'], [7, 2, 'read'], [2, 3, 'read']]);
    expect(pagesOf(split, 'b')).toEqual([[6, 1, 'read'], [0, 2, 'read']]);
    expect(pagesOf(split, 'c')).toEqual([[3, 1, 'read']]);
    expect(split.letters.map((letter) => letter.missing)).toEqual([[], [], []]);
    expect(split.letters[0]?.matched[0]?.upsideDown).toBe(true);
    expect(split.setAside).toEqual([{ scanIndex: 1, reason: 'cover' }, { scanIndex: 5, reason: 'blank' }, { scanIndex: 8, reason: 'blank' }]);
  });

  it('sets aside empty pages, pages of another batch, stale codes and second scans of a page', () => {
    const split = splitScan(BATCH, [
      page(1, 1, 3),
      empty,
      code({ kind: 'letter', batchKey: 'ZZZZZZ', letterNo: 1, page: 2, pages: 3 }),
      page(1, 1, 3),
      // Letter 2 printed when it had three pages: this print's letter 2 has two.
      page(2, 3, 3),
      page(9, 1, 1),
    ]);
    expect(pagesOf(split, 'a')).toEqual([[0, 1, 'read']]);
    expect(split.setAside).toEqual([
      { scanIndex: 1, reason: 'empty' },
      { scanIndex: 2, reason: 'other-batch' },
      { scanIndex: 3, reason: 'duplicate' },
      { scanIndex: 4, reason: 'not-in-batch' },
      { scanIndex: 5, reason: 'not-in-batch' },
    ]);
    expect(split.letters.map((letter) => letter.missing)).toEqual([[2, 3], [1, 2], [1]]);
  });

  it('proposes a page without a code for its place in the print order when the codes around it agree, marked presumed', () => {
    // In print order with page 2 of letter 1 and page 1 of letter 2 unreadable; an empty back and another batch between do not count.
    const split = splitScan(BATCH, [cover, blank(0), page(1, 1, 3), none, empty, page(1, 3, 3), blank(1), none, code({ kind: 'cover', batchKey: 'ZZZZZZ', page: 1, pages: 1 }), page(2, 2, 2)]);
    expect(pagesOf(split, 'a')).toEqual([[2, 1, 'read'], [3, 2, 'presumed'], [5, 3, 'read']]);
    expect(pagesOf(split, 'b')).toEqual([[7, 1, 'presumed'], [9, 2, 'read']]);
    expect(split.setAside.map((p) => p.reason)).toEqual(['cover', 'blank', 'empty', 'blank', 'other-batch']);
  });

  it('never guesses: not when the count between the codes disagrees, not at either end of the scan, not onto a page already read', () => {
    // Two pages without a code where the order has one; one before the first code; one after the last.
    const split = splitScan(BATCH, [none, page(1, 1, 3), none, none, page(1, 3, 3), page(2, 1, 2), none]);
    expect(pagesOf(split, 'a')).toEqual([[1, 1, 'read'], [4, 3, 'read']]);
    expect(pagesOf(split, 'b')).toEqual([[5, 1, 'read']]);
    expect(split.setAside).toEqual([0, 2, 3, 6].map((scanIndex) => ({ scanIndex, reason: 'unreadable' })));
    // The order puts the page on letter 2's page 1, but that page was read elsewhere in the stack.
    const taken = splitScan(BATCH, [page(2, 1, 2), page(1, 3, 3), blank(1), none, page(2, 2, 2)]);
    expect(pagesOf(taken, 'b')).toEqual([[0, 1, 'read'], [4, 2, 'read']]);
    expect(taken.setAside.at(-1)).toEqual({ scanIndex: 3, reason: 'unreadable' });
    // The order puts it on a blank page: not a letter's page, so not proposed.
    const onBlank = splitScan(BATCH, [page(1, 3, 3), none, page(2, 1, 2)]);
    expect(onBlank.setAside).toEqual([{ scanIndex: 1, reason: 'unreadable' }]);
  });

  it('says in Chinese why a page was set aside, how a page was matched and what a letter lacks', () => {
    const split = splitScan(BATCH, [page(1, 1, 3), none, page(1, 3, 3)]);
    expect(matchText(split.letters[0]!.matched[1]!)).toBe('第 2 页（按顺序推定，请核对）');
    expect(matchText(split.letters[0]!.matched[0]!)).toBe('第 1 页（已识别页码标识）');
    expect(missingText(split.letters[0]!)).toBeUndefined();
    expect(missingText(splitScan(BATCH, [page(1, 2, 3)]).letters[0]!)).toBe('缺第 1、3 页');
    expect(missingText(split.letters[1]!)).toBe('扫描件中没有这份承诺书');
    for (const reason of ['cover', 'blank', 'empty', 'other-batch', 'not-in-batch', 'duplicate', 'unreadable'] as const) expect(setAsideText(reason)).toMatch(/\p{Script=Han}/u);
  });
});
