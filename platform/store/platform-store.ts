import type { SubmissionListing } from '../../core/protocol/reference-protocol';
import type { ItemStatus } from '../../core/progress/progress-schema';
import type { CommitmentRecord } from '../../core/records/commitment-record';
import type { Caller, Credential, Subject } from '../credentials';

/**
 * Everything the platform keeps apart from the package files: submissions, credentials, dashboard
 * sessions, the 编办 roster and the 承诺编码 serials. One interface, two engines: SQLite in
 * `<data>/index.sqlite` (the embedded default, ./sqlite-store.ts) and PostgreSQL
 * (`--database postgres://…`, ./postgres-store.ts), so several instances can share one database.
 *
 * Every method is async, and every decision that two instances could race for is made by the
 * database (a unique key, a transaction), never by a check in one process followed by a write.
 */
export interface PlatformStore {
  readonly submissions: SubmissionStore;
  readonly credentials: CredentialStore;
  readonly sessions: SessionStore;
  readonly roster: RosterStore;
  readonly records: CommitmentRecordStore;
  /** Progress reports (`pledge-progress-package/1`): submissions of their own, kept apart from the letters. */
  readonly progress: ProgressStore;
  close(): Promise<void>;
}

/** What the platform knows of an accepted submission, beyond what its receipt says. */
export interface StoredSubmission extends SubmissionListing {
  readonly kind: 'unit' | 'person';
  /** 成文日期 of the letter, YYYY-MM-DD. */
  readonly letterDate: string;
  /** The person's name for a personal letter (never an ID number). */
  readonly personName?: string;
  /** The 承诺编码 assigned at acceptance; absent for submissions accepted before the platform assigned them. */
  readonly commitmentCode?: string;
  /** When the operator published it on the public column; absent while unpublished. */
  readonly publishedAt?: string;
}

/** A submission about to be recorded; the store adds the 承诺编码 from {@link RecordRequest.commitmentPrefix}. */
export type NewSubmission = Omit<StoredSubmission, 'supersededBy' | 'commitmentCode' | 'publishedAt'>;

export interface RecordRequest {
  readonly entry: NewSubmission;
  /**
   * The first 14 digits of the 承诺编码: the office's 6-digit 行政区划代码 and the letter's date
   * (YYYYMMDD). The store appends the next 6-digit serial for that prefix, in the same transaction
   * as the insert, so serials never collide whichever instance accepts.
   */
  readonly commitmentPrefix: string;
  /**
   * Moves the package file into place, durably; called inside the transaction, only when this
   * submission id was not recorded before, and before the row becomes visible. A crash between the
   * two leaves a file without a row, which the next upload of that id overwrites; never a row
   * without its file. Synchronous (a rename and two fsyncs), so an embedded engine can run it
   * inside its own synchronous transaction.
   */
  readonly persist: () => void;
  /**
   * The letter's national 信用承诺 record as its receipt completes it (承诺编码, 承诺受理单位), made
   * from the submission as recorded and kept in the same transaction, so no accepted letter is
   * without one. Synchronous, like `persist`. Absent only where a test of the store is about
   * something else; the platform always gives it.
   */
  readonly nationalRecord?: (submission: StoredSubmission) => CommitmentRecord;
}

export type RecordOutcome =
  /** Recorded now, with its 承诺编码. */
  | { readonly fresh: true; readonly submission: StoredSubmission }
  /** The id was recorded before (by this or another instance): what is stored, which may be other bytes. */
  | { readonly fresh: false; readonly submission: StoredSubmission };

export interface SubmissionFilter {
  /** One unit's, by 统一社会信用代码. */
  readonly creditCode?: string;
  readonly year?: number;
}

export interface SubmissionStore {
  find(submissionId: string): Promise<StoredSubmission | undefined>;
  /**
   * Records an accepted submission unless its id is taken, and links it with the one it
   * supersedes (a correction stored before its original, which earlier versions allowed, is linked
   * when the original arrives). Two instances recording one id at once: one gets `fresh: true`,
   * the other waits for it and gets `fresh: false` with the first one's row.
   */
  record(request: RecordRequest): Promise<RecordOutcome>;
  /** Oldest first (received time, then id). */
  list(filter?: SubmissionFilter): Promise<StoredSubmission[]>;
  /** Publishes (a time) or withdraws (`null`) a submission on the public column; false when there is no such submission. */
  setPublished(submissionId: string, at: string | null): Promise<boolean>;
}

export interface CredentialStore {
  /** `token` is for test fixtures that need a fixed one; the command always draws a new one. */
  issue(subject: Subject, token?: string): Promise<{ readonly id: number; readonly token: string }>;
  list(): Promise<Credential[]>;
  /** False when there is no such credential or it was revoked already. */
  revoke(id: number): Promise<boolean>;
  /** The caller a bearer token stands for, or undefined for an unknown or revoked one. */
  authenticate(token: string): Promise<Caller | undefined>;
}

/**
 * The operator's dashboard sessions (an HttpOnly cookie), kept in the store so every instance
 * knows them and revoking the credential ends them.
 */
export interface SessionStore {
  /** A new session for a credential, valid until `expiresAt`; answers the cookie value (only its hash is kept). */
  open(credentialId: number, expiresAt: Date): Promise<string>;
  /** The caller of a live session whose credential is not revoked. */
  caller(sessionToken: string, now: Date): Promise<Caller | undefined>;
  close(sessionToken: string): Promise<void>;
}

/** A submission of a year and the national record kept for it. */
export interface KeptRecord {
  readonly submissionId: string;
  /** Set when a correction replaced this submission; its record is kept all the same. */
  readonly supersededBy?: string;
  /** Absent for a submission stored before records were kept whose package could not be read when they were made. */
  readonly record?: CommitmentRecord;
}

export interface CommitmentRecordStore {
  /** Every submission of the year (corrections and the ones they replaced alike) with its record, oldest first as {@link SubmissionStore.list}. */
  list(year: number): Promise<KeptRecord[]>;
}

/** An item of a progress report as the platform keeps it: enough to count a unit's fulfilment without reading the package. */
export interface ProgressItemStatus {
  /** The item's printed number in the letter. */
  readonly number: number;
  readonly status: ItemStatus;
}

/**
 * An accepted progress report. Its receipt is made from the same fields as a letter's
 * (receipts/issue-receipt.ts), without a 承诺编码: a report commits to nothing new.
 */
export interface StoredProgress {
  readonly receiptId: string;
  readonly submissionId: string;
  /** The letter it reports on, a submission of the same unit on this platform. */
  readonly letterSubmissionId: string;
  readonly sha256: string;
  readonly receivedAt: string;
  readonly unitName: string;
  readonly creditCode: string;
  readonly year: number;
  /** `2026-06`, `2026-Q2` or `2026` (core/progress/progress-period.ts). */
  readonly period: string;
  readonly size: number;
  /** The report's own date (YYYY-MM-DD), when it gives one: the year-end record's 认定日期. */
  readonly reportDate?: string;
  /** Every item of the report, in printed order. */
  readonly items: readonly ProgressItemStatus[];
}

export interface ProgressRecordRequest {
  readonly entry: StoredProgress;
  /** As {@link RecordRequest.persist}: the package file into place, inside the transaction, before the row is visible. */
  readonly persist: () => void;
}

export interface ProgressStore {
  find(submissionId: string): Promise<StoredProgress | undefined>;
  /**
   * Records an accepted report unless its id is taken, as {@link SubmissionStore.record} does for
   * letters: one of two instances recording one id gets `fresh: true`, the other the first one's
   * row. An id a letter already has is refused with {@link SubmissionIdTaken}.
   */
  record(request: ProgressRecordRequest): Promise<{ readonly fresh: boolean; readonly report: StoredProgress }>;
  /** The reports of one letter, oldest first (received time, then id). */
  listForLetter(letterSubmissionId: string): Promise<StoredProgress[]>;
  /** Every report of a year, of any unit, oldest first as {@link listForLetter}: what the year's figures, the column and the records are made from. */
  listOfYear(year: number): Promise<StoredProgress[]>;
}

/** One unit of the 编办 list. */
export interface RosterUnit {
  readonly creditCode: string;
  readonly name: string;
  /** 所属区县 */
  readonly district: string;
  /** 单位类型, as the 编办 words it (机关, 事业单位, …). */
  readonly type: string;
}

export interface RosterStore {
  /** Adds units and updates those whose code is known, in one transaction. */
  upsert(units: readonly RosterUnit[]): Promise<{ readonly added: number; readonly updated: number }>;
  /** By district, then name. */
  list(): Promise<RosterUnit[]>;
}

/** {@link ProgressStore.record} refused a report whose submission id a letter has. */
export class SubmissionIdTaken extends Error {
  constructor(readonly submissionId: string) {
    super(`submission id ${submissionId} is a letter's`);
    this.name = 'SubmissionIdTaken';
  }
}

/**
 * {@link SubmissionStore.record} refused a correction because another correction of the same
 * submission is recorded (a unique key, so two instances cannot both store one).
 */
export class SupersededAlready extends Error {
  constructor(
    readonly supersedes: string,
    /** The correction that got there first. */
    readonly by: string,
  ) {
    super(`submission ${supersedes} is already superseded by ${by}`);
    this.name = 'SupersededAlready';
  }
}
