import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate } from '../../../core/letter/templates';
import { buildPackage } from '../../../core/package/build-package';
import { ReceiptSchema, type Receipt } from '../../../core/protocol/reference-protocol';
import { COMMITMENT_FIELD_NAMES, recordProblems } from '../../../core/records/national-template';
import { issueToken } from '../../../platform/credentials';
import { startPlatform, type Platform } from '../../../platform/platform-server';
import { runRecordsCommand } from '../../../platform/records/records-command';
import type { StoreLocation } from '../../../platform/store/open-store';
import { OFFICE } from '../../support/office';
import { packageInput, renderedPdf } from '../../support/package-fixtures';
import { auth, expectRefusal, upload } from '../../support/platform-requests';
import { createTestDatabase } from '../../support/postgres-server';
import { Collected, recordOf, xlsxRows } from './sheet-rows';

/**
 * `GET /records` on the real platform over loopback, on either engine: a unit letter, its
 * correction and a civil servant's letter with an ID number delivered over tus; the export read
 * back with exceljs (not the writer's own reader) and csv-parse, every row checked against the
 * national template's rules.
 */
const ID_NUMBER = '11010519491231002X';
const unitLetter = letterFromTemplate('service', { year: 2026 }) as Letter;
const template = letterFromTemplate('person', { year: 2026 }) as Letter & { kind: 'person' };
const personLetter: Letter = { ...template, person: { ...template.person, idNumber: ID_NUMBER } };

const ENGINES = [
  { name: 'sqlite', database: async (): Promise<string | undefined> => undefined },
  { name: 'postgres', database: async (): Promise<string | undefined> => createTestDatabase() },
];

describe.each(ENGINES)('GET /records on $name', (engine) => {
  let dataDir: string;
  let location: StoreLocation;
  let platform: Platform;
  const logged: string[] = [];
  const tokens = { unit: '', town: '', operator: '' };
  const ids = { original: randomUUID(), person: randomUUID(), correction: randomUUID() };
  const receipts = new Map<string, Receipt>();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pledge-records-'));
    const database = await engine.database();
    location = { dataDir, ...(database === undefined ? {} : { database }) };
    tokens.unit = (await issueToken(location, { unit: unitLetter.unit.creditCode, name: unitLetter.unit.name })).token;
    tokens.town = (await issueToken(location, { unit: personLetter.unit.creditCode, name: personLetter.unit.name })).token;
    tokens.operator = (await issueToken(location, { operator: true, name: '市信用办 王敏' })).token;
    let clock = Date.parse('2026-04-25T02:00:00.000Z');
    platform = await startPlatform({ ...location, port: 0, identity: OFFICE, now: () => new Date((clock += 1000)), log: (line) => logged.push(line) });

    const deliveries: [string, Letter, string, string?][] = [
      [ids.original, unitLetter, tokens.unit],
      [ids.person, personLetter, tokens.town],
      [ids.correction, unitLetter, tokens.unit, ids.original],
    ];
    for (const [submissionId, letter, token, supersedes] of deliveries) {
      const bytes = buildPackage(packageInput({ letter, pdf: await renderedPdf(letter), submissionId, ...(supersedes === undefined ? {} : { supersedes }) }));
      const response = await upload(platform.url, bytes, { submissionId, token });
      expect(response.status, await response.clone().text()).toBeOneOf([200, 201]);
      receipts.set(submissionId, ReceiptSchema.parse(await response.json()));
    }
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const records = (query = '', headers: Record<string, string> = auth(tokens.operator)) => fetch(new URL(`/records${query}`, platform.url), { headers });

  it('answers the operator the year’s records as .xlsx: the template’s columns, text cells, every row passing the template', async () => {
    const response = await records('?year=2026');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="records-2026.xlsx"; filename*=UTF-8''${encodeURIComponent('信用承诺记录-2026.xlsx')}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const rows = await xlsxRows(new Uint8Array(await response.arrayBuffer()), COMMITMENT_FIELD_NAMES);

    expect(rows[0]).toEqual([...COMMITMENT_FIELD_NAMES]);
    const [person, correction] = rows.slice(1).map((cells) => recordOf(COMMITMENT_FIELD_NAMES, cells));
    // One row per letter in force, in the order received: the replaced letter is left out.
    expect(rows).toHaveLength(3);
    expect(person).toMatchObject({ 承诺编码: receipts.get(ids.person)!.commitmentCode, 承诺人名称: template.person.name, 承诺人类别: '自然人', 承诺人代码: ID_NUMBER });
    expect(correction).toMatchObject({ 承诺编码: receipts.get(ids.correction)!.commitmentCode, 承诺人名称: unitLetter.unit.name, 承诺人类别: '法人及非法人组织', 承诺人代码: unitLetter.unit.creditCode });
    for (const record of [person!, correction!]) {
      expect(record['承诺编码']).toMatch(new RegExp(`^${OFFICE.regionCode}20260420\\d{6}$`));
      expect(record).toMatchObject({ 承诺受理单位: OFFICE.name, 承诺受理单位代码: OFFICE.creditCode, 承诺作出日期: '2026-04-20', 承诺有效期: '2026-12-31', 公开类型: '可向社会公开' });
      expect(recordProblems(record)).toEqual([]);
    }
    expect(rows.flat()).not.toContain(receipts.get(ids.original)!.commitmentCode);
  });

  it('answers the same rows as .csv in UTF-8 with a BOM', async () => {
    const xlsx = await xlsxRows(new Uint8Array(await (await records('?year=2026')).arrayBuffer()), COMMITMENT_FIELD_NAMES);
    const response = await records('?year=2026&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), { bom: true })).toEqual(xlsx);
  });

  it('writes the same with `records export`, the format from the file’s extension', async () => {
    const file = join(dataDir, 'export.xlsx');
    const out = { stdout: new Collected(), stderr: new Collected() };
    const args = ['export', '--year', '2026', '-o', file, '--data', dataDir, ...(location.database === undefined ? [] : ['--database', location.database])];
    expect(await runRecordsCommand(args, out)).toBe(0);
    expect(out.stdout.text).toBe(`已导出 2026 年度的 2 条信用承诺记录到 ${file}。\n另有 1 份承诺已被更正替代，未导出。\n`);
    expect(await xlsxRows(await readFile(file), COMMITMENT_FIELD_NAMES)).toEqual(await xlsxRows(new Uint8Array(await (await records('?year=2026')).arrayBuffer()), COMMITMENT_FIELD_NAMES));
    expect(await runRecordsCommand(['export', '--year', '2026', '-o', join(dataDir, 'export.txt'), '--data', dataDir], out)).toBe(2);
    expect(out.stderr.text).toContain('扩展名应为 .xlsx 或 .csv');
  });

  it('answers another year with the header alone, and refuses a year or a format that is none', async () => {
    expect(await xlsxRows(new Uint8Array(await (await records('?year=2025')).arrayBuffer()), COMMITMENT_FIELD_NAMES)).toEqual([[...COMMITMENT_FIELD_NAMES]]);
    await expectRefusal(await records('?year=twenty'), 400, 'bad-request');
    expect(await expectRefusal(await records('?year=2026&format=pdf'), 400, 'bad-request')).toContain('xlsx 或 csv');
    await expectRefusal(await fetch(new URL('/records', platform.url), { method: 'POST', headers: auth(tokens.operator) }), 405, 'bad-request');
  });

  it('refuses a unit’s token with 403 and no token or a wrong one with 401', async () => {
    await expectRefusal(await records('', auth(tokens.unit)), 403, 'forbidden');
    await expectRefusal(await records('', {}), 401, 'unauthorized');
    await expectRefusal(await records('', auth('pledge_not-issued')), 401, 'unauthorized');
  });

  it('is the dashboard’s button, and takes the dashboard’s session', async () => {
    const login = await fetch(new URL('/dashboard/login', platform.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.operator }).toString(),
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await fetch(new URL('/dashboard?year=2026', platform.url), { headers: { cookie } })).text();
    expect(page).toContain('<a href="/records?year=2026" download>导出信用承诺记录（供省平台导入）</a>');
    const response = await records('?year=2026', { cookie });
    expect(response.status).toBe(200);
    expect((await xlsxRows(new Uint8Array(await response.arrayBuffer()), COMMITMENT_FIELD_NAMES)).length).toBe(3);
    await expectRefusal(await records('?year=2026', { cookie: 'pledge_dashboard=ended' }), 401, 'unauthorized');
  });

  it('logs the export by counts, never a person’s ID number', () => {
    expect(logged.filter((line) => line.startsWith('records:'))).toContain('records: operator 3 exported 2 records of 2026 as xlsx (1 replaced left out, 0 without a record)');
    expect(logged.filter((line) => line.includes(ID_NUMBER))).toEqual([]);
  });
});
