import type { ReceivingOffice } from '../../core/protocol/receiving-office';
import { fulfilmentRecord, type FulfilmentRecord } from '../../core/records/fulfilment-record';
import { FULFILMENT_SHEET, recordsCsv, recordsXlsx } from '../../core/records/records-sheet';
import { t } from '../i18n/translate';
import type { StoredReports } from '../packages/stored-progress';
import type { PlatformStore, StoredSubmission } from '../store/platform-store';
import type { RecordsFormat } from './export-records';
import { yearEndLetters } from './year-end-reports';

export interface FulfilmentExport {
  readonly bytes: Uint8Array;
  /** Rows written. */
  readonly count: number;
  /** Letters in force without a year-end report: no row, named to whoever exports. */
  readonly withoutYearEnd: readonly StoredSubmission[];
  /** Letters whose year-end report's package could not be read (its file lost from the data folder). */
  readonly unreadable: number;
}

/**
 * A year's national 信用承诺履行 records, one row per letter in force with a year-end report, in the
 * order the letters were received: the template's second record for the same 承诺编码, with the
 * receiving office as 认定单位. The file holds the rows alone, as the provincial platform's batch
 * import reads them; the letters without a year-end report are told apart (the dashboard, the
 * command's output, a response header), never padded into the sheet as rows it would refuse.
 */
export async function exportFulfilment(
  store: PlatformStore,
  reports: StoredReports,
  office: ReceivingOffice | undefined,
  year: number,
  format: RecordsFormat,
): Promise<FulfilmentExport> {
  const [submissions, accepted] = await Promise.all([store.submissions.list({ year }), store.progress.listOfYear(year)]);
  const { reported, missing } = yearEndLetters(submissions, accepted, year);
  const records: FulfilmentRecord[] = [];
  for (const { letter, report } of reported) {
    const read = await reports.report(report.submissionId);
    if (read) records.push(fulfilmentRecord(read, { ...(letter.commitmentCode === undefined ? {} : { commitmentCode: letter.commitmentCode }), ...(office === undefined ? {} : { platform: office }) }));
  }
  const bytes = format === 'csv' ? recordsCsv(records, FULFILMENT_SHEET) : await recordsXlsx(records, FULFILMENT_SHEET);
  return { bytes, count: records.length, withoutYearEnd: missing, unreadable: reported.length - records.length };
}

export function fulfilmentFileName(year: number, format: RecordsFormat): string {
  return t('platform.records.fulfilmentFileName', { year, format });
}
