import pg from 'pg';
import { newToken, tokenHash, type CredentialKind } from '../credentials';
import { t } from '../i18n/translate';
import { commitmentCodeOf } from './commitment-code';
import { DatabaseRefusal } from './database-refusal';
import { SubmissionIdTaken, type NewSubmission, type PlatformStore, type RecordOutcome, type RecordRequest, type RosterUnit, type StoredProgress, type SubmissionFilter } from './platform-store';
import { migratePostgres } from './postgres/postgres-migrations';
import {
  callerOf,
  credentialOf,
  KEPT_RECORDS_SQL,
  keptRecordOf,
  PROGRESS_COLUMNS,
  progressOf,
  progressValues,
  submissionOf,
  type CredentialRow,
  type KeptRecordRow,
  type ProgressRow,
  type SubmissionRow,
} from './store-rows';

/**
 * The engine for several instances: one PostgreSQL database (`--database postgres://…`) through a
 * pg Pool, with the tables and columns of the SQLite engine (./sqlite-store.ts). Whatever two
 * instances could race for is decided by the database: the submission id's primary key, the
 * serial counter's row lock, the commitment code's unique constraint, and a per-unit advisory lock
 * for linking corrections.
 */
export interface PostgresStoreOptions {
  readonly now?: () => Date;
  /** Connections kept at most; pg's default (10) when absent. */
  readonly maxConnections?: number;
  /** Where an idle connection's failure (the server restarting) is reported; the pool replaces it. */
  readonly log?: (line: string) => void;
  /** The data folder the instances share, read by a migration that needs the stored packages. */
  readonly dataDir?: string;
}

/** pg_advisory_xact_lock's first key for recording one unit's submission; the second is the unit's code hashed. */
const RECORD_LOCK_CLASS = 7_061_502;

/** The connection string as an operator may see it: no password. */
export function shownDatabase(connectionString: string): string {
  return connectionString.replace(/\/\/([^@/:]*)(:[^@/]*)?@/, (_match, user: string) => `//${user}@`);
}

export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<PlatformStore> {
  const now = options.now ?? (() => new Date());
  const pool = new pg.Pool({ connectionString, ...(options.maxConnections === undefined ? {} : { max: options.maxConnections }) });
  pool.on('error', (error) => (options.log ?? ((line: string) => console.error(line)))(`platform: an idle database connection failed: ${error.message}`));
  const refusal = (key: 'platform.storage.unreachable' | 'platform.storage.migrationFailed', error: unknown) =>
    new DatabaseRefusal(t(key, { url: shownDatabase(connectionString), detail: error instanceof Error ? error.message : String(error) }), { cause: error });
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw refusal('platform.storage.unreachable', error);
  }
  try {
    await migratePostgres(client, options.dataDir);
  } catch (error) {
    client.release();
    await pool.end();
    throw refusal('platform.storage.migrationFailed', error);
  }
  client.release();

  const query = async <Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> => (await pool.query<Row>(sql, params)).rows;
  /** Runs `use` in one transaction on one connection; any throw rolls it back. */
  const transaction = async <T>(use: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const result = await use(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      client.release();
    }
  };
  const findSubmission = async (client: pg.ClientBase | pg.Pool, submissionId: string) =>
    (await client.query<SubmissionRow>('SELECT * FROM submissions WHERE submission_id = $1', [submissionId])).rows[0];

  const record = (entry: NewSubmission, prefix: string, persist: () => void, nationalRecord: RecordRequest['nationalRecord']): Promise<RecordOutcome> =>
    transaction(async (client) => {
      // One unit's records one at a time, so a correction and its original arriving together on two instances still find each other.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECORD_LOCK_CLASS, entry.creditCode]);
      // Under the unit's lock, which a progress report of the unit takes too: one id, one submission of either kind.
      if ((await client.query('SELECT 1 FROM progress_reports WHERE submission_id = $1', [entry.submissionId])).rowCount) throw new SubmissionIdTaken(entry.submissionId);
      // A second inserter of one id waits here on the primary key until the first commits, and then inserts nothing.
      const inserted = await client.query(
        `INSERT INTO submissions (submission_id, receipt_id, sha256, received_at, unit_name, credit_code, year, size, supersedes, superseded_by,
                                  kind, letter_date, person_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
                 (SELECT submission_id FROM submissions WHERE supersedes = $1 AND credit_code = $6 ORDER BY received_at LIMIT 1),
                 $10, $11, $12)
         ON CONFLICT (submission_id) DO NOTHING`,
        [entry.submissionId, entry.receiptId, entry.sha256, entry.receivedAt, entry.unitName, entry.creditCode, entry.year, entry.size, entry.supersedes ?? null, entry.kind, entry.letterDate, entry.personName ?? null],
      );
      if (inserted.rowCount === 0) return { fresh: false, submission: submissionOf((await findSubmission(client, entry.submissionId))!) };
      const serial = await client.query<{ last: number }>(
        'INSERT INTO commitment_serials (prefix, last) VALUES ($1, 1) ON CONFLICT (prefix) DO UPDATE SET last = commitment_serials.last + 1 RETURNING last',
        [prefix],
      );
      await client.query('UPDATE submissions SET commitment_code = $1 WHERE submission_id = $2', [commitmentCodeOf(prefix, serial.rows[0]!.last), entry.submissionId]);
      if (entry.supersedes !== undefined) await client.query('UPDATE submissions SET superseded_by = $1 WHERE submission_id = $2 AND superseded_by IS NULL', [entry.submissionId, entry.supersedes]);
      const submission = submissionOf((await findSubmission(client, entry.submissionId))!);
      if (nationalRecord) await client.query('INSERT INTO commitment_records (submission_id, record) VALUES ($1, $2)', [entry.submissionId, JSON.stringify(nationalRecord(submission))]);
      // Last before COMMIT: the file is in place before any instance can see the row, and a failure here takes the row back.
      persist();
      return { fresh: true, submission };
    });

  const findProgress = async (client: pg.ClientBase | pg.Pool, submissionId: string) =>
    (await client.query<ProgressRow>('SELECT * FROM progress_reports WHERE submission_id = $1', [submissionId])).rows[0];

  const recordProgress = (entry: StoredProgress, persist: () => void): Promise<{ fresh: boolean; report: StoredProgress }> =>
    transaction(async (client) => {
      // The unit's lock, as for its letters, so a letter and a report recorded under one id at once see each other.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECORD_LOCK_CLASS, entry.creditCode]);
      // Letters and reports share the receipt route, so an id names one submission of either kind.
      if (await findSubmission(client, entry.submissionId)) throw new SubmissionIdTaken(entry.submissionId);
      // A second inserter of one id waits here on the primary key until the first commits, and then inserts nothing.
      const inserted = await client.query(
        `INSERT INTO progress_reports (${PROGRESS_COLUMNS.join(', ')}) VALUES (${PROGRESS_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (submission_id) DO NOTHING`,
        progressValues(entry),
      );
      const report = progressOf((await findProgress(client, entry.submissionId))!);
      if (inserted.rowCount === 0) return { fresh: false, report };
      // Last before COMMIT, as for letters: the file is in place before any instance can see the row.
      persist();
      return { fresh: true, report };
    });

  const list = async (filter: SubmissionFilter = {}) => {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.creditCode !== undefined) where.push(`credit_code = $${params.push(filter.creditCode)}`);
    if (filter.year !== undefined) where.push(`year = $${params.push(filter.year)}`);
    const rows = await query<SubmissionRow>(`SELECT * FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at, submission_id`, params);
    return rows.map(submissionOf);
  };

  const credentialColumns = 'id, kind, unit_code, name, created_at, revoked_at';

  const upsertRoster = (units: readonly RosterUnit[]) =>
    transaction(async (client) => {
      const at = now().toISOString();
      let added = 0;
      for (const unit of units) {
        // xmax is 0 only on a row this statement inserted: added rather than updated.
        const result = await client.query<{ added: boolean }>(
          `INSERT INTO roster (credit_code, name, district, type, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, district = excluded.district, type = excluded.type, updated_at = excluded.updated_at
           RETURNING (xmax = 0) AS added`,
          [unit.creditCode, unit.name, unit.district, unit.type, at],
        );
        if (result.rows[0]!.added) added++;
      }
      return { added, updated: units.length - added };
    });

  return {
    submissions: {
      find: async (submissionId) => {
        const row = await findSubmission(pool, submissionId);
        return row && submissionOf(row);
      },
      record: ({ entry, commitmentPrefix, persist, nationalRecord }) => record(entry, commitmentPrefix, persist, nationalRecord),
      list,
      setPublished: async (submissionId, at) => ((await pool.query('UPDATE submissions SET published_at = $1 WHERE submission_id = $2', [at, submissionId])).rowCount ?? 0) === 1,
    },
    credentials: {
      issue: async (subject, token = newToken()) => {
        const unit = 'unit' in subject ? subject.unit : null;
        const kind: CredentialKind = unit === null ? 'operator' : 'unit';
        const [row] = await query<{ id: number }>(
          'INSERT INTO credentials (token_sha256, kind, unit_code, name, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [tokenHash(token), kind, unit, subject.name ?? null, now().toISOString()],
        );
        return { id: row!.id, token };
      },
      list: async () => (await query<CredentialRow>(`SELECT ${credentialColumns} FROM credentials ORDER BY id`)).map(credentialOf),
      revoke: async (id) => ((await pool.query('UPDATE credentials SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now().toISOString(), id])).rowCount ?? 0) === 1,
      authenticate: async (token) => {
        const [row] = await query<CredentialRow>(`SELECT ${credentialColumns} FROM credentials WHERE token_sha256 = $1 AND revoked_at IS NULL`, [tokenHash(token)]);
        return row && callerOf(row);
      },
    },
    sessions: {
      open: async (credentialId, expiresAt) => {
        const token = newToken();
        await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now().toISOString()]);
        await pool.query('INSERT INTO sessions (token_sha256, credential_id, expires_at) VALUES ($1, $2, $3)', [tokenHash(token), credentialId, expiresAt.toISOString()]);
        return token;
      },
      caller: async (sessionToken, at) => {
        const [row] = await query<CredentialRow>(
          `SELECT c.id, c.kind, c.unit_code, c.name, c.created_at, c.revoked_at FROM sessions s JOIN credentials c ON c.id = s.credential_id
           WHERE s.token_sha256 = $1 AND s.expires_at > $2 AND c.revoked_at IS NULL`,
          [tokenHash(sessionToken), at.toISOString()],
        );
        return row && callerOf(row);
      },
      close: async (sessionToken) => void (await pool.query('DELETE FROM sessions WHERE token_sha256 = $1', [tokenHash(sessionToken)])),
    },
    roster: {
      upsert: upsertRoster,
      list: () => query<RosterUnit>('SELECT credit_code AS "creditCode", name, district, type FROM roster ORDER BY district, name, credit_code'),
    },
    records: {
      list: async (year) => (await query<KeptRecordRow>(KEPT_RECORDS_SQL('$1'), [year])).map(keptRecordOf),
    },
    progress: {
      find: async (submissionId) => {
        const row = await findProgress(pool, submissionId);
        return row && progressOf(row);
      },
      record: ({ entry, persist }) => recordProgress(entry, persist),
      listForLetter: async (letterSubmissionId) =>
        (await query<ProgressRow>('SELECT * FROM progress_reports WHERE letter_submission_id = $1 ORDER BY received_at, submission_id', [letterSubmissionId])).map(progressOf),
      listOfYear: async (year) => (await query<ProgressRow>('SELECT * FROM progress_reports WHERE year = $1 ORDER BY received_at, submission_id', [year])).map(progressOf),
    },
    close: () => pool.end(),
  };
}
