import { cellText, type SheetCell, type SheetRows } from './sheet-cell';

/**
 * What a header finder looks for: the titles each field goes by (compared as {@link titleKey}
 * folds them), which fields the list cannot do without, and which it takes when they are there.
 */
export interface HeaderSpec<Required extends string, Optional extends string = never> {
  readonly titles: Readonly<Record<Required | Optional, readonly string[]>>;
  readonly required: readonly Required[];
  readonly optional?: readonly Optional[];
}

/** The column of each required field, and of each optional field the header names. */
export type HeaderColumns<Required extends string, Optional extends string = never> = Readonly<Record<Required, number>> &
  Readonly<Partial<Record<Optional, number>>>;

export type HeaderSearch<Required extends string, Optional extends string = never> =
  | { readonly found: true; readonly index: number; readonly columns: HeaderColumns<Required, Optional> }
  /** `index` is the row that names some of the required columns, when there is one. */
  | { readonly found: false; readonly index?: number; readonly missing: readonly Required[] };

/**
 * A column title as the finder compares it: full-width forms folded, spaces, required-field stars
 * and a trailing colon dropped; brackets either kept out (所属区（县） is 所属区县) or dropped with
 * what they hold (统一社会信用代码（18 位）). Two keys, tried in that order.
 */
export function titleKeys(cell: SheetCell | undefined): readonly [string, string] {
  const title = cellText(cell).normalize('NFKC').replace(/[\s*:]/gu, '');
  return [title.replace(/[()[\]【】]/gu, ''), title.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/gu, '')];
}

/**
 * The header row: the first one that names every required field (any order, other columns beside
 * them). Rows above it are the sheet's title. A row naming at least half of the required fields,
 * but not all, is reported with what it lacks, since that is most likely the header with a column
 * renamed. The first column a field's title appears in is the one taken.
 */
export function findHeader<Required extends string, Optional extends string = never>(
  rows: SheetRows,
  spec: HeaderSpec<Required, Optional>,
): HeaderSearch<Required, Optional> {
  const fields: readonly (Required | Optional)[] = [...spec.required, ...(spec.optional ?? [])];
  const fieldOfKey = new Map(fields.flatMap((field) => spec.titles[field].map((title) => [titleKeys(title)[0], field] as const)));
  const fieldOfTitle = (cell: SheetCell | undefined) => titleKeys(cell).map((key) => fieldOfKey.get(key)).find((field) => field !== undefined);
  let partial: { index: number; missing: Required[] } | undefined;
  for (const [index, row] of rows.entries()) {
    const columns: Partial<Record<Required | Optional, number>> = {};
    row.forEach((cell, column) => {
      const field = fieldOfTitle(cell);
      if (field !== undefined && columns[field] === undefined) columns[field] = column;
    });
    const missing = spec.required.filter((field) => columns[field] === undefined);
    if (missing.length === 0) return { found: true, index, columns: columns as HeaderColumns<Required, Optional> };
    if (partial === undefined && missing.length * 2 <= spec.required.length) partial = { index, missing };
  }
  return partial ? { found: false, ...partial } : { found: false, missing: spec.required };
}
