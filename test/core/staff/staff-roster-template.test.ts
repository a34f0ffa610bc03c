import { readSheet } from 'read-excel-file/node';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readStaffRoster } from '../../../core/staff/staff-roster';
import { staffRosterTemplate } from '../../../core/staff/staff-roster-template';

describe('staffRosterTemplate', () => {
  it('is an .xlsx that readStaffRoster reads back to its two example rows, under a title and a 填写说明', async () => {
    const bytes = await staffRosterTemplate();
    const { members, refused } = await readStaffRoster(bytes, '工作人员名单模板.xlsx', { today: new Date('2026-12-02T00:00:00Z') });
    expect(refused).toEqual([]);
    expect(members).toEqual([
      { row: 4, name: '张晓梅', position: '综合窗口受理员', department: '便民服务中心', postType: 'window', idNumber: '11010519491231002X' },
      { row: 5, name: '李建国', position: '综合行政执法队队员', department: '综合行政执法办公室', postType: 'enforcement' },
    ]);
    const rows = await readSheet(Buffer.from(bytes));
    expect(rows[0]?.[0]).toBe('工作人员名单');
    expect(String(rows[1]?.[0])).toMatch(/^填写说明：/u);
    expect(rows[2]).toEqual(['姓名', '职务', '科室', '岗位类别', '身份证号']);
  });

  it('formats the 身份证号 column as text (Excel’s “@”) in the example rows and the blank rows below them', async () => {
    const files = unzipSync(await staffRosterTemplate());
    const styles = strFromU8(files['xl/styles.xml']!);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    // Built-in number format 49 is “@”; the library may also declare it as a custom format.
    const textFormatIds = new Set(['49', ...[...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="@"/gu)].map((match) => match[1]!)]);
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/u.exec(styles)?.[1] ?? '').matchAll(/<xf\b([^>]*)>/gu)].map((match) => /numFmtId="(\d+)"/u.exec(match[1]!)?.[1] ?? '0');
    const textStyle = (style: string | undefined) => style !== undefined && textFormatIds.has(xfs[Number(style)] ?? '');
    const idCells = [...sheet.matchAll(/<c r="E(\d+)"(?: s="(\d+)")?/gu)].map((match) => ({ row: Number(match[1]), text: textStyle(match[2]) }));
    expect(idCells.filter(({ row }) => row >= 4).length).toBeGreaterThanOrEqual(150);
    expect(idCells.filter(({ row }) => row >= 4).every(({ text }) => text)).toBe(true);
    expect(idCells.find(({ row }) => row === 3)?.text).toBe(false);
  });
});
