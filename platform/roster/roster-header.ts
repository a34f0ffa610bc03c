import { t } from '../i18n/translate';
import { cellText, type SheetCell, type SheetRows } from './sheet-cell';

export const ROSTER_FIELDS = ['name', 'creditCode', 'district', 'type'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/**
 * The column titles the 编办's lists use for each field, as {@link fieldOfTitle} compares them: the
 * title in the notice's words and the obvious variants (所属区（县）, 区县, 类型, a required-field star).
 */
const TITLES: Readonly<Record<RosterField, readonly string[]>> = {
  name: ['单位名称', '单位全称', '名称'],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码'],
  district: ['所属区县', '区县', '所属县区', '县区', '所在区县'],
  type: ['单位类型', '类型', '单位类别', '单位性质'],
};

/** The field's title in the notice's words, for messages. */
export function fieldTitle(field: RosterField): string {
  const titles = {
    name: t('platform.roster.column.name'),
    creditCode: t('platform.roster.column.creditCode'),
    district: t('platform.roster.column.district'),
    type: t('platform.roster.column.type'),
  } as const;
  return titles[field];
}

const FIELD_OF_KEY = new Map(ROSTER_FIELDS.flatMap((field) => TITLES[field].map((title) => [title, field] as const)));

/**
 * The field a title names. Compared with full-width forms folded and spaces, stars and a trailing
 * colon dropped; brackets either kept out (所属区（县） is 所属区县) or dropped with what they hold
 * (统一社会信用代码（18 位）).
 */
function fieldOfTitle(cell: SheetCell | undefined): RosterField | undefined {
  const title = cellText(cell).normalize('NFKC').replace(/[\s*:]/gu, '');
  const keys = [title.replace(/[()[\]【】]/gu, ''), title.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/gu, '')];
  return keys.map((key) => FIELD_OF_KEY.get(key)).find((field) => field !== undefined);
}

export type Columns = Readonly<Record<RosterField, number>>;

export type HeaderSearch =
  | { readonly found: true; readonly index: number; readonly columns: Columns }
  /** `index` is the row that names some of the columns, when there is one. */
  | { readonly found: false; readonly index?: number; readonly missing: readonly RosterField[] };

/**
 * The header row: the first one that names every field (any order, other columns beside them).
 * Rows above it are the sheet's title. A row naming only some of the fields is reported with
 * what it lacks, since that is most likely the header with a column renamed.
 */
export function findHeader(rows: SheetRows): HeaderSearch {
  let partial: { index: number; missing: RosterField[] } | undefined;
  for (const [index, row] of rows.entries()) {
    const columns: Partial<Record<RosterField, number>> = {};
    row.forEach((cell, column) => {
      const field = fieldOfTitle(cell);
      if (field !== undefined && columns[field] === undefined) columns[field] = column;
    });
    const missing = ROSTER_FIELDS.filter((field) => columns[field] === undefined);
    if (missing.length === 0) return { found: true, index, columns: columns as Columns };
    if (missing.length <= 2 && partial === undefined) partial = { index, missing };
  }
  return partial ? { found: false, ...partial } : { found: false, missing: ROSTER_FIELDS };
}
