import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate } from '../../../core/letter/templates';
import type { ProgressReport } from '../../../core/progress/progress-schema';
import type { Receipt } from '../../../core/protocol/reference-protocol';
import { FULFILMENT_FIELD_NAMES, fulfilmentProblems, fulfilmentRecord } from '../../../core/records/fulfilment-record';
import { saveIdentity } from '../../../platform/identity/identity-file';
import { runRecordsCommand } from '../../../platform/records/records-command';
import { OFFICE } from '../../support/office';
import { auth, expectRefusal } from '../../support/platform-requests';
import { createTestDatabase } from '../../support/postgres-server';
import { POLICY_LETTER, reportWith, SERVICE_LETTER } from '../progress/progress-fixtures';
import { accepted, startProgressPlatform, type ProgressPlatform } from '../progress/progress-platform';
import { Collected, recordOf, xlsxRows } from './sheet-rows';

/**
 * `GET /records?stage=fulfilment` and `records export --stage fulfilment` on the real platform over
 * loopback, on either engine: four letters of 2026 and their reports delivered over tus, the export
 * read back with exceljs and csv-parse (not the writer's own library), every row checked against
 * the template's rules. The service centre kept some items, the reform bureau all, the civil
 * servant none; the housing bureau sent a fourth-quarter report but no year-end one.
 */
const PERSON_LETTER = letterFromTemplate('person', { year: 2026 }) as Letter;
const CONTRACT_LETTER = letterFromTemplate('contract', { year: 2026 }) as Letter;
const ENGINES = [
  { name: 'sqlite', database: async (): Promise<string | undefined> => undefined },
  { name: 'postgres', database: async (): Promise<string | undefined> => createTestDatabase() },
];

describe.each(ENGINES)('the year’s fulfilment records on $name', (engine) => {
  let platform: ProgressPlatform;
  const ids = { service: randomUUID(), bureau: randomUUID(), person: randomUUID(), contract: randomUUID() };
  const receipts = new Map<string, Receipt>();
  /** The year-end report each letter's row must be made from. */
  const yearEnd = new Map<string, ProgressReport>();

  beforeAll(async () => {
    platform = await startProgressPlatform(await engine.database());
    for (const [id, letter] of [[ids.service, SERVICE_LETTER], [ids.bureau, POLICY_LETTER], [ids.person, PERSON_LETTER], [ids.contract, CONTRACT_LETTER]] as const) {
      receipts.set(id, await platform.deliverLetter(letter, id));
    }
    // A first year-end report, corrected by a second: the later accepted is the one.
    await accepted(platform.sendReport(reportWith(SERVICE_LETTER, ids.service, '2026', ['未兑现', '未兑现', '未兑现', '未兑现'], (r) => ({ ...r, accountability: '初稿' }))));
    const service = reportWith(SERVICE_LETTER, ids.service, '2026', ['已兑现', '未兑现', '已调整', '已兑现'], (r) => ({ ...r, date: '2026-12-28', accountability: '已对相关责任人进行约谈，限期整改。' }));
    await accepted(platform.sendReport(service));
    // Accepted after the year-end report, and a later period by acceptance time only: not what the record is made from.
    await accepted(platform.sendReport(reportWith(SERVICE_LETTER, ids.service, '2026-Q4', ['已兑现', '已兑现', '已兑现', '已兑现'])));
    const bureau = reportWith(POLICY_LETTER, ids.bureau, '2026', ['已兑现', '已兑现', '已兑现', '已兑现']);
    await accepted(platform.sendReport(bureau));
    const person = reportWith(PERSON_LETTER, ids.person, '2026', ['未兑现', '未兑现', '已调整', '推进中'], (r) => ({ ...r, date: '2026-12-30', accountability: '已按规定给予提醒谈话。' }));
    await accepted(platform.sendReport(person));
    await accepted(platform.sendReport(reportWith(CONTRACT_LETTER, ids.contract, '2026-Q4', ['已兑现', '推进中'])));
    yearEnd.set(ids.service, service).set(ids.bureau, bureau).set(ids.person, person);
  }, 120_000);

  afterAll(() => platform?.stop());

  const records = (query: string, headers: Record<string, string> = auth(platform.operator)) => fetch(new URL(`/records${query}`, platform.url), { headers });
  const rowsOf = async (response: Response) => xlsxRows(new Uint8Array(await response.arrayBuffer()), FULFILMENT_FIELD_NAMES);

  it('answers the operator one row per letter with a year-end report, as the template’s fulfilment record, in the order received', async () => {
    const response = await records('?year=2026&stage=fulfilment');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="fulfilment-2026.xlsx"; filename*=UTF-8''${encodeURIComponent('信用承诺履行记录-2026.xlsx')}`);
    expect(response.headers.get('x-pledge-without-year-end')).toBe('1');
    const rows = await rowsOf(response);
    expect(rows[0]).toEqual([...FULFILMENT_FIELD_NAMES]);
    const [service, bureau, person] = rows.slice(1).map((cells) => recordOf(FULFILMENT_FIELD_NAMES, cells));
    expect(rows).toHaveLength(4);
    expect(service).toMatchObject({ 承诺编码: receipts.get(ids.service)!.commitmentCode, 承诺履行状态: '部分履行', 违诺责任追究内容: '已对相关责任人进行约谈，限期整改。', 承诺履行状态认定日期: '2026-12-28' });
    expect(service!['未履行的承诺内容']).toContain('（未兑现）');
    expect(service!['未履行的承诺内容']).toContain('上级政策调整');
    expect(bureau).toMatchObject({ 承诺编码: receipts.get(ids.bureau)!.commitmentCode, 承诺履行状态: '全部履行', 未履行的承诺内容: '', 违诺责任追究内容: '', 承诺履行状态认定日期: '2026-12-31' });
    expect(person).toMatchObject({ 承诺编码: receipts.get(ids.person)!.commitmentCode, 承诺履行状态: '全部未履行', 违诺责任追究内容: '已按规定给予提醒谈话。' });
    for (const [id, record] of [[ids.service, service], [ids.bureau, bureau], [ids.person, person]] as const) {
      expect(record).toMatchObject({ 认定单位: OFFICE.name, 认定单位代码: OFFICE.creditCode });
      expect(fulfilmentProblems(record!)).toEqual([]);
      // Every cell as the core's mapping makes it from that report and that letter's receipt.
      const expected = fulfilmentRecord(yearEnd.get(id)!, receipts.get(id));
      expect(record).toEqual(Object.fromEntries(FULFILMENT_FIELD_NAMES.map((name) => [name, (expected as Record<string, string | undefined>)[name] ?? ''])));
    }
    expect(rows.flat()).not.toContain(receipts.get(ids.contract)!.commitmentCode);
  });

  it('answers the same rows as .csv in UTF-8 with a BOM', async () => {
    const xlsx = await rowsOf(await records('?year=2026&stage=fulfilment'));
    const response = await records('?year=2026&stage=fulfilment&format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), { bom: true })).toEqual(xlsx);
  });

  it('writes the same with `records export --stage fulfilment`, naming each letter left out and any missing 认定单位', async () => {
    const { dataDir, database } = platform.location;
    const file = join(dataDir, 'fulfilment.xlsx');
    const args = ['export', '--year', '2026', '--stage', 'fulfilment', '-o', file, '--data', dataDir, ...(database === undefined ? [] : ['--database', database])];
    const bare = { stdout: new Collected(), stderr: new Collected() };
    expect(await runRecordsCommand(args, bare)).toBe(0);
    expect(bare.stderr.text).toContain('没有本机构信息，履行记录缺少认定单位');
    expect((await xlsxRows(await readFile(file), FULFILMENT_FIELD_NAMES))[1]![5]).toBe('');

    await saveIdentity(dataDir, OFFICE);
    const out = { stdout: new Collected(), stderr: new Collected() };
    expect(await runRecordsCommand(args, out)).toBe(0);
    expect(out.stdout.text).toBe(
      `已导出 2026 年度的 3 条信用承诺履行记录到 ${file}。\n另有 1 份承诺书尚未报送年终进展报告，没有履行记录，未导出：\n  ${CONTRACT_LETTER.unit.name}（承诺编码 ${receipts.get(ids.contract)!.commitmentCode}）\n`,
    );
    expect(out.stderr.text).toBe('');
    expect(await xlsxRows(await readFile(file), FULFILMENT_FIELD_NAMES)).toEqual(await rowsOf(await records('?year=2026&stage=fulfilment')));
    expect(await runRecordsCommand(['export', '--year', '2026', '--stage', 'annual', '-o', file, '--data', dataDir], out)).toBe(2);
    expect(out.stderr.text).toContain('记录类别“annual”不正确');
  });

  it('answers another year with the header alone, refuses a stage that is none, and a unit’s token', async () => {
    expect(await rowsOf(await records('?year=2025&stage=fulfilment'))).toEqual([[...FULFILMENT_FIELD_NAMES]]);
    expect(await expectRefusal(await records('?year=2026&stage=annual'), 400, 'bad-request')).toContain('fulfilment');
    await expectRefusal(await records('?year=2026&stage=fulfilment', auth(await platform.tokenOf(SERVICE_LETTER.unit.creditCode))), 403, 'forbidden');
    await expectRefusal(await records('?year=2026&stage=fulfilment', {}), 401, 'unauthorized');
  });

  it('takes the dashboard’s session, and logs the export by counts', async () => {
    const response = await records('?year=2026&stage=fulfilment', { cookie: await platform.dashboardCookie() });
    expect(response.status).toBe(200);
    expect(await rowsOf(response)).toHaveLength(4);
    expect(platform.logged).toContain('records: operator 1 exported 3 fulfilment records of 2026 as xlsx (1 letters without a year-end report, 0 unreadable)');
  });
});
