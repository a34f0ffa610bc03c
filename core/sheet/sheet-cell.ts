/**
 * One cell of a sheet as the readers hand it on: text, or a number cell's digits exactly as the
 * file stores them. A code or ID number that Excel keeps as a number has lost its digits beyond the
 * 15th (or never had them), so a number is kept apart from text and never read as one.
 */
export type SheetCell = string | NumberCell | null;

export interface NumberCell {
  readonly number: string;
}

/** Rows top to bottom; index 0 is the spreadsheet's row 1. */
export type SheetRows = readonly (readonly SheetCell[])[];

export function isNumberCell(cell: SheetCell | undefined): cell is NumberCell {
  return typeof cell === 'object' && cell !== null;
}

/** What a person sees in the cell, trimmed (full-width spaces and no-break spaces too). */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return (isNumberCell(cell) ? cell.number : cell).trim();
}
