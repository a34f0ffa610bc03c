import { recordsCsv, recordsXlsx } from '../../core/records/records-sheet';
import { t } from '../i18n/translate';
import type { PlatformStore } from '../store/platform-store';

export const RECORDS_FORMATS = ['xlsx', 'csv'] as const;
export type RecordsFormat = (typeof RECORDS_FORMATS)[number];

/** The template's two records: the commitment (信用承诺), made at acceptance, and its fulfilment (信用承诺履行), from the year-end report. */
export const RECORDS_STAGES = ['commitment', 'fulfilment'] as const;
export type RecordsStage = (typeof RECORDS_STAGES)[number];

export const RECORDS_CONTENT_TYPES: Record<RecordsFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface RecordsExport {
  readonly bytes: Uint8Array;
  /** Rows written. */
  readonly count: number;
  /** Letters of the year a correction replaced: their records are kept, not exported. */
  readonly replaced: number;
  /** Letters in force without a record (accepted before records were kept, their package unreadable then). */
  readonly unrecorded: number;
}

/**
 * A year's national 信用承诺 records as the provincial platform imports them, one row per letter in
 * force, in the order they were received. A letter that a correction replaced is left out: the
 * correction is the unit's (or the person's) commitment now, a record of its own with its own
 * 承诺编码, and importing both would put a withdrawn commitment beside it. The replaced record stays
 * in the store, and the count of those left out is told to whoever exports.
 */
export async function exportRecords(store: PlatformStore, year: number, format: RecordsFormat): Promise<RecordsExport> {
  const kept = await store.records.list(year);
  const inForce = kept.filter((entry) => entry.supersededBy === undefined);
  const records = inForce.flatMap((entry) => (entry.record === undefined ? [] : [entry.record]));
  const bytes = format === 'csv' ? recordsCsv(records) : await recordsXlsx(records);
  return { bytes, count: records.length, replaced: kept.length - inForce.length, unrecorded: inForce.length - records.length };
}

export function recordsFileName(year: number, format: RecordsFormat): string {
  return t('platform.records.fileName', { year, format });
}
