import Database from 'better-sqlite3';
import type { Receipt, SubmissionListing } from '../core/protocol/reference-protocol';

/**
 * The platform's record of accepted submissions, one row per submission id, in SQLite
 * (`<data>/index.sqlite`). better-sqlite3 is synchronous, so a check and the insert that follows
 * it run in one turn of the event loop and two finishing uploads of one id cannot both get in.
 */
export interface SubmissionIndex {
  find(submissionId: string): SubmissionListing | undefined;
  /**
   * Adds an accepted submission and links it with the one it supersedes. (A correction stored
   * before its original, which earlier versions allowed, is linked when the original arrives.)
   */
  add(entry: Omit<SubmissionListing, 'supersededBy'>): void;
  /** Every submission, or one unit's. */
  list(creditCode?: string): SubmissionListing[];
  close(): void;
}

interface Row {
  submission_id: string;
  receipt_id: string;
  sha256: string;
  received_at: string;
  unit_name: string;
  credit_code: string;
  year: number;
  size: number;
  supersedes: string | null;
  superseded_by: string | null;
}

const SCHEMA = `
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
`;

export function openSubmissionIndex(file: string): SubmissionIndex {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);

  const select = db.prepare<[string], Row>('SELECT * FROM submissions WHERE submission_id = ?');
  const selectAll = db.prepare<[], Row>('SELECT * FROM submissions ORDER BY received_at, submission_id');
  const selectUnit = db.prepare<[string], Row>('SELECT * FROM submissions WHERE credit_code = ? ORDER BY received_at, submission_id');
  const insert = db.prepare(
    `INSERT INTO submissions (submission_id, receipt_id, sha256, received_at, unit_name, credit_code, year, size, supersedes, superseded_by)
     VALUES (@submissionId, @receiptId, @sha256, @receivedAt, @unitName, @creditCode, @year, @size, @supersedes,
             (SELECT submission_id FROM submissions WHERE supersedes = @submissionId AND credit_code = @creditCode ORDER BY received_at LIMIT 1))`,
  );
  const markSuperseded = db.prepare('UPDATE submissions SET superseded_by = ? WHERE submission_id = ? AND superseded_by IS NULL');
  const add = db.transaction((entry: Omit<SubmissionListing, 'supersededBy'>) => {
    insert.run({ ...entry, supersedes: entry.supersedes ?? null });
    if (entry.supersedes !== undefined) markSuperseded.run(entry.submissionId, entry.supersedes);
  });

  return {
    find: (submissionId) => {
      const row = select.get(submissionId);
      return row && fromRow(row);
    },
    add: (entry) => add(entry),
    list: (creditCode) => (creditCode === undefined ? selectAll.all() : selectUnit.all(creditCode)).map(fromRow),
    close: () => db.close(),
  };
}

/** The receipt part of a listing: what the office was given when the submission was accepted. */
export function receiptOf(listing: SubmissionListing): Receipt {
  const { receiptId, submissionId, sha256, receivedAt, supersedes } = listing;
  return supersedes === undefined ? { receiptId, submissionId, sha256, receivedAt } : { receiptId, submissionId, sha256, receivedAt, supersedes };
}

function fromRow(row: Row): SubmissionListing {
  return {
    receiptId: row.receipt_id,
    submissionId: row.submission_id,
    sha256: row.sha256,
    receivedAt: row.received_at,
    unitName: row.unit_name,
    creditCode: row.credit_code,
    year: row.year,
    size: row.size,
    ...(row.supersedes === null ? {} : { supersedes: row.supersedes }),
    ...(row.superseded_by === null ? {} : { supersededBy: row.superseded_by }),
  };
}
