import { t } from '../i18n/translate';
import { findHeader, type HeaderColumns, type HeaderSearch } from '../../core/sheet/sheet-header';
import type { SheetRows } from '../../core/sheet/sheet-cell';

export const ROSTER_FIELDS = ['name', 'creditCode', 'district', 'type'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/**
 * The column titles the 编办's lists use for each field, as core/sheet's `titleKeys` compares them: the
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

export type Columns = HeaderColumns<RosterField>;

/** The header row of the 编办's list: every field is required (see {@link findHeader}). */
export function findRosterHeader(rows: SheetRows): HeaderSearch<RosterField> {
  return findHeader(rows, { titles: TITLES, required: ROSTER_FIELDS });
}
