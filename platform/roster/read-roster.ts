import { t } from '../i18n/translate';
import { CsvSyntaxError, csvRows } from './csv-rows';
import { fieldTitle, findHeader } from './roster-header';
import { refusal, rosterFromRows, type RosterReading } from './roster-rows';
import type { SheetRows } from './sheet-cell';
import { xlsxRows } from './xlsx-rows';

export type { RosterReading, RosterRefusal } from './roster-rows';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads the 编办's list of units from an .xlsx (its first sheet) or .csv file: the good rows as
 * units, every other row as a refusal naming its row number as the spreadsheet shows it. A file
 * that cannot be read, or has no header row, is one refusal with row 0. Never throws for what the
 * file holds.
 */
export async function readRosterFile(bytes: Uint8Array, fileName: string): Promise<RosterReading> {
  const sheet = await sheetRows(bytes, fileName);
  if (typeof sheet === 'string') return { units: [], refused: [refusal(0, sheet)] };
  const header = findHeader(sheet);
  if (header.found) return rosterFromRows(sheet, header.index, header.columns);
  const quoted = header.missing.map((field) => `“${fieldTitle(field)}”`).join('');
  const message =
    header.index === undefined
      ? t('platform.roster.noHeader', { file: fileName, field: quoted })
      : t('platform.roster.missingColumns', { file: fileName, line: header.index + 1, field: quoted });
  return { units: [], refused: [refusal(0, message)] };
}

/** The sheet's rows, or why there are none. */
async function sheetRows(bytes: Uint8Array, fileName: string): Promise<SheetRows | string> {
  const extension = /\.([^./\\]+)$/u.exec(fileName)?.[1]?.toLowerCase();
  const zipped = ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
  if (extension === 'xlsx' || (extension !== 'csv' && zipped)) {
    try {
      return await xlsxRows(bytes);
    } catch {
      return t('platform.roster.unreadable', { file: fileName });
    }
  }
  if (extension === 'xls') return t('platform.roster.oldExcel', { file: fileName });
  if (extension !== 'csv') return t('platform.roster.unknownFormat', { file: fileName });
  try {
    return csvRows(bytes);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return t('platform.roster.badCsv', { file: fileName, line: error.line });
    throw error;
  }
}
