import type { Caller, Credential, CredentialKind } from '../credentials';
import type { CommitmentRecord } from '../../core/records/commitment-record';
import type { KeptRecord, ProgressItemStatus, StoredProgress, StoredSubmission } from './platform-store';

/**
 * The tables' rows as both engines return them (the same column names in SQLite and PostgreSQL),
 * and the values the store answers with.
 */
export interface SubmissionRow {
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
  kind: 'unit' | 'person';
  letter_date: string | null;
  person_name: string | null;
  commitment_code: string | null;
  published_at: string | null;
}

/** A submission joined with its row of `commitment_records` (null when it has none). */
export interface KeptRecordRow {
  submission_id: string;
  superseded_by: string | null;
  record: string | null;
}

export interface ProgressRow {
  submission_id: string;
  receipt_id: string;
  letter_submission_id: string;
  sha256: string;
  received_at: string;
  unit_name: string;
  credit_code: string;
  year: number;
  period: string;
  size: number;
  report_date: string | null;
  /** JSON text of ProgressItemStatus[], in both engines. */
  items: string;
}

/** The columns of `progress_reports` in insertion order, named as the store's parameters. */
export const PROGRESS_COLUMNS = [
  'submission_id',
  'receipt_id',
  'letter_submission_id',
  'sha256',
  'received_at',
  'unit_name',
  'credit_code',
  'year',
  'period',
  'size',
  'report_date',
  'items',
] as const;

/** A report's values in {@link PROGRESS_COLUMNS} order. */
export function progressValues(entry: StoredProgress): (string | number | null)[] {
  return [
    entry.submissionId,
    entry.receiptId,
    entry.letterSubmissionId,
    entry.sha256,
    entry.receivedAt,
    entry.unitName,
    entry.creditCode,
    entry.year,
    entry.period,
    entry.size,
    entry.reportDate ?? null,
    JSON.stringify(entry.items.map(({ number, status }) => ({ number, status }))),
  ];
}

export function progressOf(row: ProgressRow): StoredProgress {
  return {
    receiptId: row.receipt_id,
    submissionId: row.submission_id,
    letterSubmissionId: row.letter_submission_id,
    sha256: row.sha256,
    receivedAt: row.received_at,
    unitName: row.unit_name,
    creditCode: row.credit_code,
    year: row.year,
    period: row.period,
    size: row.size,
    ...(row.report_date === null ? {} : { reportDate: row.report_date }),
    // Written by the store itself from the verified report.
    items: JSON.parse(row.items) as ProgressItemStatus[],
  };
}

export interface CredentialRow {
  id: number;
  kind: CredentialKind;
  unit_code: string | null;
  name: string | null;
  created_at: string;
  revoked_at: string | null;
}

export function submissionOf(row: SubmissionRow): StoredSubmission {
  return {
    receiptId: row.receipt_id,
    submissionId: row.submission_id,
    sha256: row.sha256,
    receivedAt: row.received_at,
    unitName: row.unit_name,
    creditCode: row.credit_code,
    year: row.year,
    size: row.size,
    kind: row.kind,
    letterDate: row.letter_date ?? row.received_at.slice(0, 10),
    ...(row.supersedes === null ? {} : { supersedes: row.supersedes }),
    ...(row.superseded_by === null ? {} : { supersededBy: row.superseded_by }),
    ...(row.person_name === null ? {} : { personName: row.person_name }),
    ...(row.commitment_code === null ? {} : { commitmentCode: row.commitment_code }),
    ...(row.published_at === null ? {} : { publishedAt: row.published_at }),
  };
}

export function keptRecordOf(row: KeptRecordRow): KeptRecord {
  return {
    submissionId: row.submission_id,
    ...(row.superseded_by === null ? {} : { supersededBy: row.superseded_by }),
    // Written by the store itself from a CommitmentRecord (JSON text in both engines).
    ...(row.record === null ? {} : { record: JSON.parse(row.record) as CommitmentRecord }),
  };
}

/** The records of a year's submissions, in the order of SubmissionStore.list; `?` is the year, numbered by each engine. */
export const KEPT_RECORDS_SQL = (year: string) => `SELECT s.submission_id, s.superseded_by, r.record FROM submissions s
  LEFT JOIN commitment_records r ON r.submission_id = s.submission_id WHERE s.year = ${year} ORDER BY s.received_at, s.submission_id`;

export function credentialOf(row: CredentialRow): Credential {
  return {
    id: row.id,
    kind: row.kind,
    ...(row.unit_code === null ? {} : { unitCode: row.unit_code }),
    ...(row.name === null ? {} : { name: row.name }),
    createdAt: row.created_at,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}

export function callerOf(row: CredentialRow): Caller {
  const name = row.name === null ? {} : { name: row.name };
  return row.kind === 'unit' ? { kind: 'unit', id: row.id, unitCode: row.unit_code!, ...name } : { kind: 'operator', id: row.id, ...name };
}

