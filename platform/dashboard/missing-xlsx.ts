import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import type { Coverage } from '../../core/protocol/reference-protocol';
import { t } from '../i18n/translate';

/**
 * The missing list as the .xlsx the city attaches to its 通报: one row per unit, the 编办's four
 * columns. Every cell is text in Excel's text format ('@'), so an all-digit 统一社会信用代码 is
 * never turned into a number (and its last digits into zeros) when someone edits the sheet.
 */
export async function missingXlsx(coverage: Coverage): Promise<Buffer> {
  const text = (value: string): Cell => ({ value, type: String, format: '@' });
  const header = ['platform.dashboard.unitName', 'platform.dashboard.creditCode', 'platform.dashboard.district', 'platform.dashboard.type'] as const;
  const rows: Cell[][] = [
    header.map((key) => ({ ...(text(t(key)) as object), fontWeight: 'bold' }) as Cell),
    ...coverage.missing.map((unit) => [text(unit.name), text(unit.creditCode), text(unit.district), text(unit.type)]),
  ];
  return writeXlsxFile(rows, { sheet: t('platform.dashboard.missing'), columns: [{ width: 40 }, { width: 22 }, { width: 16 }, { width: 16 }], stickyRowsCount: 1 }).toBuffer();
}
