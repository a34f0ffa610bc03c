import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATION_ENGINES, type MigrationEngine } from '../store/migration-engines';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate } from '../../../core/letter/templates';
import { buildPackage } from '../../../core/package/build-package';
import { CREDIT_RECORD_ENTRY } from '../../../core/package/package-format';
import { commitmentRecord, receivedRecord } from '../../../core/records/commitment-record';
import { recordProblems } from '../../../core/records/national-template';
import { saveIdentity } from '../../../platform/identity/identity-file';
import { OFFICE } from '../../support/office';
import { PDF, packageInput } from '../../support/package-fixtures';

/**
 * A data folder and database as the previous version left them: every migration before
 * 0003-commitment-records applied (shipped migrations never change, so today's are those), its
 * submissions recorded without national records, their packages in `packages/`. Opening it with
 * today's store makes each letter's record from its stored letter.json and the receipt the
 * platform gives for it, on SQLite and on PostgreSQL alike.
 */
const RECORDS_MIGRATION = '0003-commitment-records';
const ID_NUMBER = '11010519491231002X';


const unitLetter = letterFromTemplate('service', { year: 2026 }) as Letter;
const template = letterFromTemplate('person', { year: 2026 }) as Letter & { kind: 'person' };
const personLetter: Letter = { ...template, person: { ...template.person, idNumber: ID_NUMBER } };

/** A package whose credit-record.json holds the old mapping: the record must not be taken from it. */
function packageWithOldRecord(letter: Letter, submissionId: string): Uint8Array {
  const files = unzipSync(buildPackage(packageInput({ letter, pdf: PDF, submissionId })));
  files[CREDIT_RECORD_ENTRY] = strToU8(JSON.stringify({ 承诺编码: submissionId, 承诺人名称: '旧的名称', 承诺人类别: '法人和非法人组织', 公开类型: '社会公开', 承诺履行状态: '履行中' }));
  return zipSync(files as Zippable);
}

describe.each(MIGRATION_ENGINES)('the records migration on $name', (engine) => {
  let dataDir: string;
  let database: Awaited<ReturnType<MigrationEngine['setup']>>;
  const ids = { unit: randomUUID(), person: randomUUID(), legacy: randomUUID(), gone: randomUUID() };
  const codes = new Map<string, string>();

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pledge-records-upgrade-'));
    await mkdir(join(dataDir, 'packages'));
    await saveIdentity(dataDir, OFFICE);
    database = await engine.setup(dataDir);
    const store = await database.open();
    try {
      let hour = 1;
      for (const [key, letter] of [['unit', unitLetter], ['person', personLetter], ['legacy', unitLetter], ['gone', unitLetter]] as const) {
        const id = ids[key];
        const bytes = packageWithOldRecord(letter, id);
        const outcome = await store.submissions.record({
          entry: {
            receiptId: `receipt-${key}`,
            submissionId: id,
            sha256: 'c'.repeat(64),
            receivedAt: `2026-04-21T0${hour++}:00:00.000Z`,
            unitName: letter.unit.name,
            creditCode: letter.unit.creditCode,
            year: 2026,
            size: bytes.byteLength,
            kind: letter.kind,
            letterDate: letter.date,
          },
          commitmentPrefix: `${OFFICE.regionCode}20260420`,
          // The package of `gone` is lost since: a record cannot be made for it.
          persist: () => (key === 'gone' ? undefined : writeFileSync(join(dataDir, 'packages', `${id}.zip`), bytes)),
        });
        codes.set(id, outcome.submission.commitmentCode!);
      }
    } finally {
      await store.close();
    }
    await database.exec(`UPDATE submissions SET commitment_code = NULL WHERE submission_id = '${ids.legacy}'`);
    // Back to the previous version's schema: the table and the migration's entry gone.
    await database.exec('DROP TABLE commitment_records');
    await database.exec(`DELETE FROM schema_migrations WHERE name = '${RECORDS_MIGRATION}'`);
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('makes each stored letter’s record from its letter.json and its receipt, once', async () => {
    const reopen = async () => {
      const store = await database.open();
      try {
        return await store.records.list(2026);
      } finally {
        await store.close();
      }
    };
    const kept = await reopen();
    expect(kept.map((entry) => entry.submissionId)).toEqual([ids.unit, ids.person, ids.legacy, ids.gone]);
    const [unit, person, legacy, gone] = kept.map((entry) => entry.record);
    const office = { platform: OFFICE };
    expect(unit).toEqual(receivedRecord(commitmentRecord(unitLetter), { commitmentCode: codes.get(ids.unit)!, ...office }));
    expect(person).toEqual(receivedRecord(commitmentRecord(personLetter), { commitmentCode: codes.get(ids.person)!, ...office }));
    expect(unit).toMatchObject({ 承诺人名称: unitLetter.unit.name, 承诺人类别: '法人及非法人组织', 公开类型: '可向社会公开', 承诺受理单位: OFFICE.name, 承诺受理单位代码: OFFICE.creditCode });
    expect(person).toMatchObject({ 承诺人代码: ID_NUMBER, 承诺人类别: '自然人' });
    expect(recordProblems(unit!)).toEqual([]);
    expect(recordProblems(person!)).toEqual([]);
    // Accepted before the platform numbered its letters: the receipt has no 承诺编码, nor has the record.
    expect(legacy).toEqual(receivedRecord(commitmentRecord(unitLetter), office));
    expect(legacy).not.toHaveProperty('承诺编码');
    expect(gone).toBeUndefined();

    expect(await reopen()).toEqual(kept);
    expect(await database.exec('SELECT name FROM schema_migrations ORDER BY name')).toEqual([...engine.migrations]);
  });
});
