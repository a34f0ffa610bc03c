import type Database from 'better-sqlite3';
import { Umzug, type UmzugStorage } from 'umzug';
import { readStoredLetterJsonSync } from '../../packages/stored-package';
import { backfillOffice } from '../../records/backfill-office';
import { storedLetterRecord } from '../../records/national-record';

/**
 * The SQLite schema, one migration after another, run by umzug when the store opens. The names
 * match the PostgreSQL migrations where the meaning does (./postgres …), so one list of names
 * tells both engines' history. Never edit a migration that has shipped: add the next one.
 */
export interface MigrationContext {
  readonly db: Database.Database;
  readonly packagesDir: string;
  /** The data folder, whose platform.json names the office the backfilled records were received by. */
  readonly dataDir?: string;
}

const MIGRATIONS: { readonly name: string; up(context: MigrationContext): Promise<void> | void }[] = [
  {
    // What index.sqlite held before migrations existed; IF NOT EXISTS, so such a file is taken as it is.
    name: '0001-submissions-and-credentials',
    up: ({ db }) => {
      db.exec(`
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
      `);
    },
  },
  {
    name: '0002-letters-codes-publication',
    up({ db, packagesDir }) {
      db.exec(`
        ALTER TABLE submissions ADD COLUMN kind TEXT NOT NULL DEFAULT 'unit' CHECK (kind IN ('unit', 'person'));
        ALTER TABLE submissions ADD COLUMN letter_date TEXT;
        ALTER TABLE submissions ADD COLUMN person_name TEXT;
        ALTER TABLE submissions ADD COLUMN commitment_code TEXT;
        ALTER TABLE submissions ADD COLUMN published_at TEXT;
        CREATE UNIQUE INDEX submissions_commitment_code ON submissions (commitment_code);
        CREATE INDEX submissions_credit_code_year ON submissions (credit_code, year);
        -- One correction per submission, decided by the database whichever instance records it.
        DROP INDEX submissions_supersedes;
        CREATE UNIQUE INDEX submissions_supersedes ON submissions (supersedes) WHERE supersedes IS NOT NULL;
        CREATE TABLE commitment_serials (prefix TEXT PRIMARY KEY, last INTEGER NOT NULL);
        CREATE TABLE sessions (
          token_sha256  TEXT PRIMARY KEY,
          credential_id INTEGER NOT NULL REFERENCES credentials (id),
          expires_at    TEXT NOT NULL
        );
        CREATE TABLE roster (
          credit_code TEXT PRIMARY KEY,
          name        TEXT NOT NULL,
          district    TEXT NOT NULL,
          type        TEXT NOT NULL,
          updated_at  TEXT NOT NULL
        );
      `);
      // Submissions accepted before this version: their kind, date and person from the stored letter.
      const rows = db.prepare<[], { submission_id: string; received_at: string }>('SELECT submission_id, received_at FROM submissions').all();
      const update = db.prepare('UPDATE submissions SET kind = ?, letter_date = ?, person_name = ? WHERE submission_id = ?');
      for (const row of rows) {
        const letter = readLetterOrNothing(packagesDir, row.submission_id);
        const kind = letter?.kind === 'person' ? 'person' : 'unit';
        const date = typeof letter?.date === 'string' ? letter.date : row.received_at.slice(0, 10);
        const person = kind === 'person' && typeof letter?.person?.name === 'string' ? letter.person.name : null;
        update.run(kind, date, person, row.submission_id);
      }
    },
  },
  {
    name: '0003-commitment-records',
    up({ db, packagesDir, dataDir }) {
      db.exec(`
        CREATE TABLE commitment_records (
          submission_id TEXT PRIMARY KEY REFERENCES submissions (submission_id),
          record        TEXT NOT NULL
        );
      `);
      // The letters accepted before: their records from the stored letter.json and the receipt the platform gives for them.
      const rows = db.prepare<[], { submission_id: string; commitment_code: string | null }>('SELECT submission_id, commitment_code FROM submissions').all();
      const insert = db.prepare('INSERT INTO commitment_records (submission_id, record) VALUES (?, ?)');
      const office = rows.length === 0 ? undefined : backfillOffice(dataDir);
      for (const row of rows) {
        const record = storedLetterRecord(readLetterOrNothing(packagesDir, row.submission_id), {
          ...(row.commitment_code === null ? {} : { commitmentCode: row.commitment_code }),
          ...(office === undefined ? {} : { platform: office }),
        });
        if (record) insert.run(row.submission_id, JSON.stringify(record));
      }
    },
  },
  {
    // A table of its own, not rows of submissions: coverage, the public column and the records count letters only.
    name: '0004-progress-reports',
    up: ({ db }) => {
      db.exec(`
        CREATE TABLE progress_reports (
          submission_id        TEXT PRIMARY KEY,
          receipt_id           TEXT NOT NULL UNIQUE,
          letter_submission_id TEXT NOT NULL REFERENCES submissions (submission_id),
          sha256               TEXT NOT NULL,
          received_at          TEXT NOT NULL,
          unit_name            TEXT NOT NULL,
          credit_code          TEXT NOT NULL,
          year                 INTEGER NOT NULL,
          period               TEXT NOT NULL,
          size                 INTEGER NOT NULL,
          report_date          TEXT,
          items                TEXT NOT NULL
        );
        CREATE INDEX progress_reports_letter ON progress_reports (letter_submission_id);
        CREATE INDEX progress_reports_credit_code_year ON progress_reports (credit_code, year);
      `);
    },
  },
];

/** A stored letter's fields the backfill needs; nothing for a package that is gone or unreadable. */
function readLetterOrNothing(packagesDir: string, submissionId: string): { kind?: unknown; date?: unknown; person?: { name?: unknown } } | undefined {
  try {
    return readStoredLetterJsonSync(packagesDir, submissionId) as { kind?: unknown; date?: unknown; person?: { name?: unknown } } | undefined;
  } catch {
    return undefined;
  }
}

/**
 * Applies what is missing, inside one write transaction, so two processes opening one file at once
 * migrate it once. Every migration is synchronous (no file read is awaited), so the transaction
 * never waits on I/O with the write lock held.
 */
export async function migrateSqlite(context: MigrationContext): Promise<void> {
  const { db } = context;
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const storage: UmzugStorage<MigrationContext> = {
    executed: async () => db.prepare<[], { name: string }>('SELECT name FROM schema_migrations ORDER BY name').all().map((row) => row.name),
    logMigration: async ({ name }) => void db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(name, new Date().toISOString()),
    unlogMigration: async ({ name }) => void db.prepare('DELETE FROM schema_migrations WHERE name = ?').run(name),
  };
  const umzug = new Umzug<MigrationContext>({
    migrations: MIGRATIONS.map((migration) => ({ name: migration.name, up: async ({ context: c }) => migration.up(c) })),
    context,
    storage,
    logger: undefined,
  });
  // Nothing else uses this connection while the store opens, so awaiting inside the transaction is safe.
  db.exec('BEGIN IMMEDIATE');
  try {
    await umzug.up();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

export const SQLITE_MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((migration) => migration.name);
