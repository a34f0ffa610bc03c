import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { newToken, tokenHash, type CredentialKind } from '../credentials';
import { commitmentCodeOf } from './commitment-code';
import { SubmissionIdTaken, SupersededAlready, type NewSubmission, type PlatformStore, type RecordOutcome, type RecordRequest, type RosterUnit, type StoredProgress } from './platform-store';
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
import { migrateSqlite } from './sqlite/sqlite-migrations';

/**
 * The embedded engine: `<data>/index.sqlite` through better-sqlite3. Synchronous underneath, so
 * within one process a lookup and the insert after it cannot be split; across processes on one
 * file, every write is an IMMEDIATE transaction and waits (busy timeout) for the other's.
 */
export const DATABASE_FILE = 'index.sqlite';

const BUSY_TIMEOUT_MS = 10_000;

export async function openSqliteStore(dataDir: string, packagesDir = join(dataDir, 'packages'), now: () => Date = () => new Date()): Promise<PlatformStore> {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  try {
    await migrateSqlite({ db, packagesDir, dataDir });
  } catch (error) {
    db.close();
    throw error;
  }

  const selectSubmission = db.prepare<[string], SubmissionRow>('SELECT * FROM submissions WHERE submission_id = ?');
  const insertSubmission = db.prepare(
    `INSERT INTO submissions (submission_id, receipt_id, sha256, received_at, unit_name, credit_code, year, size, supersedes, superseded_by,
                              kind, letter_date, person_name, commitment_code)
     VALUES (@submissionId, @receiptId, @sha256, @receivedAt, @unitName, @creditCode, @year, @size, @supersedes,
             (SELECT submission_id FROM submissions WHERE supersedes = @submissionId AND credit_code = @creditCode ORDER BY received_at LIMIT 1),
             @kind, @letterDate, @personName, @commitmentCode)
     ON CONFLICT (submission_id) DO NOTHING`,
  );
  const nextSerial = db.prepare<[string], { last: number }>(
    'INSERT INTO commitment_serials (prefix, last) VALUES (?, 1) ON CONFLICT (prefix) DO UPDATE SET last = last + 1 RETURNING last',
  );
  const selectCorrection = db.prepare<[string], { submission_id: string }>('SELECT submission_id FROM submissions WHERE supersedes = ?');
  const markSuperseded = db.prepare('UPDATE submissions SET superseded_by = ? WHERE submission_id = ? AND superseded_by IS NULL');
  const setPublished = db.prepare('UPDATE submissions SET published_at = ? WHERE submission_id = ?');
  const insertRecord = db.prepare<[string, string]>('INSERT INTO commitment_records (submission_id, record) VALUES (?, ?)');
  const selectKeptRecords = db.prepare<[number], KeptRecordRow>(KEPT_RECORDS_SQL('?'));
  const progressHas = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM progress_reports WHERE submission_id = ?');

  const record = db.transaction((entry: NewSubmission, prefix: string, persist: () => void, nationalRecord: RecordRequest['nationalRecord']): RecordOutcome => {
    const existing = selectSubmission.get(entry.submissionId);
    if (existing) return { fresh: false, submission: submissionOf(existing) };
    if (progressHas.get(entry.submissionId)) throw new SubmissionIdTaken(entry.submissionId);
    const serial = nextSerial.get(prefix)!.last;
    const commitmentCode = commitmentCodeOf(prefix, serial);
    if (entry.supersedes !== undefined) {
      const by = selectCorrection.get(entry.supersedes)?.submission_id;
      if (by !== undefined) throw new SupersededAlready(entry.supersedes, by);
    }
    persist();
    insertSubmission.run({ ...entry, supersedes: entry.supersedes ?? null, personName: entry.personName ?? null, commitmentCode });
    if (entry.supersedes !== undefined) markSuperseded.run(entry.submissionId, entry.supersedes);
    const submission = submissionOf(selectSubmission.get(entry.submissionId)!);
    if (nationalRecord) insertRecord.run(entry.submissionId, JSON.stringify(nationalRecord(submission)));
    return { fresh: true, submission };
  });

  const selectProgress = db.prepare<[string], ProgressRow>('SELECT * FROM progress_reports WHERE submission_id = ?');
  const selectProgressOfLetter = db.prepare<[string], ProgressRow>('SELECT * FROM progress_reports WHERE letter_submission_id = ? ORDER BY received_at, submission_id');
  const selectProgressOfYear = db.prepare<[number], ProgressRow>('SELECT * FROM progress_reports WHERE year = ? ORDER BY received_at, submission_id');
  const insertProgress = db.prepare(`INSERT INTO progress_reports (${PROGRESS_COLUMNS.join(', ')}) VALUES (${PROGRESS_COLUMNS.map(() => '?').join(', ')})`);
  const recordProgress = db.transaction((entry: StoredProgress, persist: () => void) => {
    const existing = selectProgress.get(entry.submissionId);
    if (existing) return { fresh: false, report: progressOf(existing) };
    // Letters and reports share the receipt route, so an id names one submission of either kind.
    if (selectSubmission.get(entry.submissionId)) throw new SubmissionIdTaken(entry.submissionId);
    persist();
    insertProgress.run(...progressValues(entry));
    return { fresh: true, report: progressOf(selectProgress.get(entry.submissionId)!) };
  });

  const credentialColumns = 'id, kind, unit_code, name, created_at, revoked_at';
  const insertCredential = db.prepare<{ hash: string; kind: CredentialKind; unit: string | null; name: string | null; at: string }>(
    'INSERT INTO credentials (token_sha256, kind, unit_code, name, created_at) VALUES (@hash, @kind, @unit, @name, @at)',
  );
  const selectCredentials = db.prepare<[], CredentialRow>(`SELECT ${credentialColumns} FROM credentials ORDER BY id`);
  const selectLiveCredential = db.prepare<[string], CredentialRow>(`SELECT ${credentialColumns} FROM credentials WHERE token_sha256 = ? AND revoked_at IS NULL`);
  const revokeCredential = db.prepare<[string, number]>('UPDATE credentials SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');

  const insertSession = db.prepare<[string, number, string]>('INSERT INTO sessions (token_sha256, credential_id, expires_at) VALUES (?, ?, ?)');
  const selectSession = db.prepare<[string, string], CredentialRow>(
    `SELECT c.id, c.kind, c.unit_code, c.name, c.created_at, c.revoked_at FROM sessions s JOIN credentials c ON c.id = s.credential_id
     WHERE s.token_sha256 = ? AND s.expires_at > ? AND c.revoked_at IS NULL`,
  );
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE token_sha256 = ?');
  const deleteExpiredSessions = db.prepare<[string]>('DELETE FROM sessions WHERE expires_at <= ?');

  const selectRoster = db.prepare<[], RosterUnit>('SELECT credit_code AS creditCode, name, district, type FROM roster ORDER BY district, name, credit_code');
  const upsertRosterUnit = db.prepare<{ creditCode: string; name: string; district: string; type: string; at: string }>(
    `INSERT INTO roster (credit_code, name, district, type, updated_at) VALUES (@creditCode, @name, @district, @type, @at)
     ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, district = excluded.district, type = excluded.type, updated_at = excluded.updated_at`,
  );
  const rosterHas = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM roster WHERE credit_code = ?');
  const upsertRoster = db.transaction((units: readonly RosterUnit[], at: string) => {
    let added = 0;
    for (const unit of units) {
      if (!rosterHas.get(unit.creditCode)) added++;
      upsertRosterUnit.run({ ...unit, at });
    }
    return { added, updated: units.length - added };
  });

  return {
    submissions: {
      find: async (submissionId) => {
        const row = selectSubmission.get(submissionId);
        return row && submissionOf(row);
      },
      record: async ({ entry, commitmentPrefix, persist, nationalRecord }) => record.immediate(entry, commitmentPrefix, persist, nationalRecord),
      list: async (filter = {}) => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        if (filter.creditCode !== undefined) {
          where.push('credit_code = ?');
          params.push(filter.creditCode);
        }
        if (filter.year !== undefined) {
          where.push('year = ?');
          params.push(filter.year);
        }
        const sql = `SELECT * FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at, submission_id`;
        return db.prepare<(string | number)[], SubmissionRow>(sql).all(...params).map(submissionOf);
      },
      setPublished: async (submissionId, at) => setPublished.run(at, submissionId).changes === 1,
    },
    credentials: {
      issue: async (subject, token = newToken()) => {
        const unit = 'unit' in subject ? subject.unit : null;
        const result = insertCredential.run({ hash: tokenHash(token), kind: unit === null ? 'operator' : 'unit', unit, name: subject.name ?? null, at: now().toISOString() });
        return { id: Number(result.lastInsertRowid), token };
      },
      list: async () => selectCredentials.all().map(credentialOf),
      revoke: async (id) => revokeCredential.run(now().toISOString(), id).changes === 1,
      authenticate: async (token) => {
        const row = selectLiveCredential.get(tokenHash(token));
        return row && callerOf(row);
      },
    },
    sessions: {
      open: async (credentialId, expiresAt) => {
        const token = newToken();
        deleteExpiredSessions.run(now().toISOString());
        insertSession.run(tokenHash(token), credentialId, expiresAt.toISOString());
        return token;
      },
      caller: async (sessionToken, at) => {
        const row = selectSession.get(tokenHash(sessionToken), at.toISOString());
        return row && callerOf(row);
      },
      close: async (sessionToken) => void deleteSession.run(tokenHash(sessionToken)),
    },
    roster: {
      upsert: async (units) => upsertRoster.immediate(units, now().toISOString()),
      list: async () => selectRoster.all(),
    },
    records: {
      list: async (year) => selectKeptRecords.all(year).map(keptRecordOf),
    },
    progress: {
      find: async (submissionId) => {
        const row = selectProgress.get(submissionId);
        return row && progressOf(row);
      },
      record: async ({ entry, persist }) => recordProgress.immediate(entry, persist),
      listForLetter: async (letterSubmissionId) => selectProgressOfLetter.all(letterSubmissionId).map(progressOf),
      listOfYear: async (year) => selectProgressOfYear.all(year).map(progressOf),
    },
    close: async () => {
      db.close();
    },
  };
}
