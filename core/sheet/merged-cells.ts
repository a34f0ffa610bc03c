import { strFromU8, unzipSync } from 'fflate';
import type { SheetCell, SheetRows } from './sheet-cell';

/** A merged block of cells, 0-based and inclusive, as in the sheet's rows. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * The merged cells of an .xlsx file's first sheet (the first in the workbook's list, as
 * read-excel-file takes it), which that reader does not hand on. None when the file does not say
 * plainly: merges only help reading, so a workbook that hides them is read without.
 */
export function firstSheetMerges(bytes: Uint8Array): CellRange[] {
  try {
    const book = unzipSync(bytes, { filter: ({ name }) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' });
    const workbook = strFromU8(book['xl/workbook.xml'] ?? new Uint8Array());
    const firstSheet = /<(?:\w+:)?sheet\b([^>]*)>/u.exec(workbook)?.[1] ?? '';
    const relationId = /\b\w+:id="([^"]+)"/u.exec(firstSheet)?.[1];
    const relations = strFromU8(book['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
    const target = [...relations.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/gu)]
      .map(([, attributes]) => ({ id: /\bId="([^"]+)"/u.exec(attributes!)?.[1], target: /\bTarget="([^"]+)"/u.exec(attributes!)?.[1] }))
      .find(({ id }) => id !== undefined && id === relationId)?.target;
    if (target === undefined) return [];
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const sheet = unzipSync(bytes, { filter: ({ name }) => name === path })[path];
    if (sheet === undefined) return [];
    return [...strFromU8(sheet).matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/gu)].map(([, left, top, right, bottom]) => ({
      top: Number(top) - 1,
      left: columnIndex(left!),
      bottom: Number(bottom) - 1,
      right: columnIndex(right!),
    }));
  } catch {
    return [];
  }
}

/** A, B, …, Z, AA, … as 0, 1, …, 25, 26, … */
function columnIndex(letters: string): number {
  return [...letters].reduce((index, letter) => index * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/**
 * The rows as a person reads them: every cell of a merged block holds the block's value (a 科室 or
 * 所属区县 merged down over its rows, a header cell merged over two header rows). A row with
 * nothing of its own stays blank, so that the rows a merge runs past are still skipped as empty.
 */
export function withMergesFilled(rows: SheetRows, merges: readonly CellRange[]): SheetRows {
  if (merges.length === 0) return rows;
  const filled: SheetCell[][] = rows.map((row) => [...row]);
  const hasOwnCells = rows.map((row) => row.some((cell) => cell !== null));
  for (const { top, left, bottom, right } of merges) {
    const value = rows[top]?.[left] ?? null;
    if (value === null) continue;
    for (let row = top; row <= Math.min(bottom, filled.length - 1); row += 1) {
      if (!hasOwnCells[row]) continue;
      const cells = filled[row]!;
      for (let column = left; column <= right; column += 1) {
        while (cells.length <= column) cells.push(null);
        if (cells[column] === null) cells[column] = value;
      }
    }
  }
  return filled;
}
