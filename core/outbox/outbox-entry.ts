import type { ErrorCode, Receipt } from '../sync/reference-protocol';
import type { UploadFailure } from './platform-adapter';

/** One package to deliver, known by its submission id and the hash of its bytes. */
export interface PackageRef {
  readonly submissionId: string;
  /** SHA-256 of the whole package file, hex. */
  readonly sha256: string;
  readonly size: number;
}

/** Where an interrupted upload can go on; only valid for the package bytes it was made for. */
export interface ResumePoint {
  readonly sha256: string;
  readonly url: string;
  readonly offset: number;
}

/** Where one submission stands. `attempt` counts failed attempts so far. */
export type SubmissionState =
  | { readonly status: 'queued'; readonly attempt: number; readonly lastError?: UploadFailure }
  | { readonly status: 'sending'; readonly attempt: number; readonly sent: number; readonly total: number }
  | { readonly status: 'waiting'; readonly attempt: number; readonly retryAt: number; readonly lastError: UploadFailure }
  | { readonly status: 'delivered'; readonly receipt: Receipt }
  /** Final: the platform refused and sending the same again would not change that. `message` is the platform's, in Chinese. */
  | { readonly status: 'rejected'; readonly code: ErrorCode; readonly message: string };

export type SubmissionStatus = SubmissionState['status'];

/** What the outbox persists per submission: plain JSON. */
export interface OutboxEntry {
  readonly package: PackageRef;
  /** Position in the queue: lower goes first. */
  readonly seq: number;
  readonly enqueuedAt: number;
  readonly state: SubmissionState;
  readonly resume?: ResumePoint;
}
