import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { buildPackage } from '../../core/package/build-package';
import { tokenHash } from '../../platform/credentials';
import { openSqliteStore, DATABASE_FILE } from '../../platform/store/sqlite-store';
import { SQLITE_MIGRATION_NAMES } from '../../platform/store/sqlite/sqlite-migrations';
import { ID, OTHER_ID, packageInput } from '../support/package-fixtures';
import { UNIT } from '../support/submission-fixtures';

/**
 * A data folder as the platform of issue 14 left it: `index.sqlite` with the two tables it made
 * (copied here from that version, not from today's migrations), one accepted submission, its
 * package file and a unit's credential. Opening it with today's store must keep every row and
 * fill the new columns from the stored letter.
 */
const OLD_SCHEMA = `
  CREATE TABLE IF NOT EXISTS submissions (
    submission_id TEXT PRIMARY KEY,
    receipt_id    TEXT NOT NULL UNIQUE,
    sha256        TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    unit_name     TEXT NOT NULL,
    credit_code   TEXT NOT NULL,
    year          INTEGER NOT NULL,
    size          INTEGER NOT NULL,
    supersedes    TEXT,
    superseded_by TEXT
  );
  CREATE INDEX IF NOT EXISTS submissions_supersedes ON submissions (supersedes);
  CREATE TABLE IF NOT EXISTS credentials (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_sha256 TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('unit', 'operator')),
    unit_code    TEXT,
    name         TEXT,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT,
    CHECK ((kind = 'unit') = (unit_code IS NOT NULL))
  );
`;
const OLD_TOKEN = 'pledge_old-unit-token';
const PACKAGE = buildPackage(packageInput());

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-upgrade-'));
  await mkdir(join(dataDir, 'packages'));
  await writeFile(join(dataDir, 'packages', `${ID}.zip`), PACKAGE);
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.exec(OLD_SCHEMA);
  db.prepare(
    `INSERT INTO submissions (submission_id, receipt_id, sha256, received_at, unit_name, credit_code, year, size)
     VALUES (?, 'receipt-of-2026', ?, '2026-04-21T02:00:00.000Z', ?, ?, 2026, ?)`,
  ).run(ID, sha256Hex(PACKAGE), UNIT.name, UNIT.code, PACKAGE.byteLength);
  db.prepare("INSERT INTO credentials (token_sha256, kind, unit_code, name, created_at) VALUES (?, 'unit', ?, ?, '2026-03-01T00:00:00.000Z')").run(tokenHash(OLD_TOKEN), UNIT.code, UNIT.name);
  db.close();
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('the SQLite store opening a data folder of the previous version', () => {
  it('keeps the submission and the credential, and reads kind and date from the stored letter', async () => {
    const store = await openSqliteStore(dataDir);
    try {
      const old = await store.submissions.find(ID);
      expect(old).toEqual({
        receiptId: 'receipt-of-2026',
        submissionId: ID,
        sha256: sha256Hex(PACKAGE),
        receivedAt: '2026-04-21T02:00:00.000Z',
        unitName: UNIT.name,
        creditCode: UNIT.code,
        year: 2026,
        size: PACKAGE.byteLength,
        kind: 'unit',
        letterDate: '2026-04-20',
      });
      // Accepted before codes were assigned: none is made up afterwards.
      expect(old?.commitmentCode).toBeUndefined();
      expect(await store.credentials.authenticate(OLD_TOKEN)).toMatchObject({ kind: 'unit', unitCode: UNIT.code, name: UNIT.name });
    } finally {
      await store.close();
    }
  });

  it('records its migrations once: opening again changes nothing, and new submissions get the first serial', async () => {
    await (await openSqliteStore(dataDir)).close();
    const store = await openSqliteStore(dataDir);
    try {
      const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
      expect(db.prepare('SELECT name FROM schema_migrations ORDER BY name').all().map((row) => (row as { name: string }).name)).toEqual([...SQLITE_MIGRATION_NAMES]);
      db.close();
      let persisted = 0;
      const entry = { receiptId: 'r2', submissionId: OTHER_ID, sha256: 'b'.repeat(64), receivedAt: '2026-04-22T00:00:00.000Z', unitName: UNIT.name, creditCode: UNIT.code, year: 2026, size: 1, kind: 'unit' as const, letterDate: '2026-04-20' };
      const outcome = await store.submissions.record({ entry, commitmentPrefix: '23990020260420', persist: () => void persisted++ });
      expect(outcome).toMatchObject({ fresh: true, submission: { commitmentCode: '23990020260420000001' } });
      expect(persisted).toBe(1);
      expect((await store.submissions.list()).map((s) => s.submissionId)).toEqual([ID, OTHER_ID]);
    } finally {
      await store.close();
    }
  });

  it('leaves a package it cannot read with the received date and the unit kind, and still opens', async () => {
    await writeFile(join(dataDir, 'packages', `${ID}.zip`), 'not a zip');
    const store = await openSqliteStore(dataDir);
    try {
      expect(await store.submissions.find(ID)).toMatchObject({ kind: 'unit', letterDate: '2026-04-21' });
    } finally {
      await store.close();
    }
  });
});
