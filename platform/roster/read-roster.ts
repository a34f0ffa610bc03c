import { readSheetFile, type SheetFileProblem } from '../../core/sheet/read-sheet-file';
import { t } from '../i18n/translate';
import { fieldTitle, findRosterHeader } from './roster-header';
import { refusal, rosterFromRows, type RosterReading } from './roster-rows';

export type { RosterReading, RosterRefusal } from './roster-rows';

/**
 * Reads the 编办's list of units from an .xlsx (its first sheet) or .csv file: the good rows as
 * units, every other row as a refusal naming its row number as the spreadsheet shows it. A file
 * that cannot be read, or has no header row, is one refusal with row 0. Never throws for what the
 * file holds.
 */
export async function readRosterFile(bytes: Uint8Array, fileName: string): Promise<RosterReading> {
  const sheet = await readSheetFile(bytes, fileName);
  if (!sheet.ok) return { units: [], refused: [refusal(0, problemText(sheet, fileName))] };
  const header = findRosterHeader(sheet.rows);
  if (header.found) return rosterFromRows(sheet.rows, header.index, header.columns);
  const quoted = header.missing.map((field) => `“${fieldTitle(field)}”`).join('');
  const message =
    header.index === undefined
      ? t('platform.roster.noHeader', { file: fileName, field: quoted })
      : t('platform.roster.missingColumns', { file: fileName, line: header.index + 1, field: quoted });
  return { units: [], refused: [refusal(0, message)] };
}

function problemText(problem: SheetFileProblem, file: string): string {
  switch (problem.reason) {
    case 'unreadable':
      return t('platform.roster.unreadable', { file });
    case 'old-excel':
      return t('platform.roster.oldExcel', { file });
    case 'unknown-format':
      return t('platform.roster.unknownFormat', { file });
    case 'bad-csv':
      return t('platform.roster.badCsv', { file, line: problem.line });
  }
}
