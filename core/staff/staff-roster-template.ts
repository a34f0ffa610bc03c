import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import { t } from '../i18n/translate';
import { postTypeLabel, staffFieldTitle, type StaffField } from './staff-roster-titles';

const COLUMNS: readonly StaffField[] = ['name', 'position', 'department', 'postType', 'idNumber'];
const WIDTHS = [12, 24, 22, 12, 22];
/**
 * Rows below the examples whose 身份证号 cell is already text: write-excel-file formats cells, not
 * columns, and a township has up to 150 staff.
 */
const TEXT_ROWS = 300;

/** Invented people; the ID number is GB 11643's own worked example, nobody's. */
const EXAMPLES: readonly (readonly string[])[] = [
  ['张晓梅', '综合窗口受理员', '便民服务中心', postTypeLabel('window'), '11010519491231002X'],
  ['李建国', '综合行政执法队队员', '综合行政执法办公室', postTypeLabel('enforcement'), ''],
];

/**
 * The staff list the app offers for download: a title row, a one-line 填写说明, the header in the
 * words {@link readStaffRoster} looks for first, two example rows, and the 身份证号 column formatted
 * as text so that Excel keeps all 18 characters of what is typed there. Through write-excel-file's
 * universal entry, so the page can build it as well as Node.
 */
export async function staffRosterTemplate(): Promise<Uint8Array> {
  const width = COLUMNS.length;
  const idColumn = COLUMNS.indexOf('idNumber');
  const text = (value: string, column: number): Cell => (column === idColumn ? { value, type: String, format: '@' } : value);
  const data: SheetData = [
    [{ value: t('staff.template.title'), fontWeight: 'bold', fontSize: 16, columnSpan: width, align: 'center' }],
    [{ value: t('staff.template.note'), wrap: true, columnSpan: width, height: 48 }],
    COLUMNS.map((field) => ({ value: staffFieldTitle(field), fontWeight: 'bold', align: 'center' })),
    ...EXAMPLES.map((row) => row.map(text)),
    ...Array.from({ length: TEXT_ROWS }, () => COLUMNS.map((_, column) => (column === idColumn ? text('', column) : null))),
  ];
  // The element type is spelled out: core's lib (ES2023 only) does not declare Blob.
  const blob: { arrayBuffer(): Promise<ArrayBuffer> } = await writeXlsxFile(data, {
    sheet: t('staff.template.title'),
    columns: WIDTHS.map((columnWidth) => ({ width: columnWidth })),
    stickyRowsCount: 3,
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
