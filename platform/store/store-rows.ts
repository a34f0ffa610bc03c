import type { Caller, Credential, CredentialKind } from '../credentials';
import type { StoredSubmission } from './platform-store';

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

