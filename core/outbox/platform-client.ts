import { ERROR_CODES, type ErrorCode, type Receipt } from '../protocol/reference-protocol';
import type { PackageRef, UploadFailure } from './outbox-entry';

export type { UploadFailure } from './outbox-entry';

/** What the outbox asks of one receiving platform; the reference tus client is one implementation, another city's protocol would be another. */
export interface PlatformClient {
  /** Whether the endpoint answers right now (the health route), never `navigator.onLine`. Resolves `false` rather than throwing. */
  probe(): Promise<boolean>;
  /**
   * Sends one package, resuming at `resumeUrl` when given. Resolves with the platform's receipt;
   * rejects with {@link NetworkError}, {@link UploadTimeoutError} or {@link PlatformRejection}.
   * The client finds the package's bytes by `pkg.sha256` in its own store: bytes never pass through the outbox.
   */
  upload(pkg: PackageRef, options: UploadOptions): Promise<Receipt>;
}

export interface UploadOptions {
  /** Upload URL from an earlier, interrupted attempt at the same package bytes. */
  readonly resumeUrl?: string;
  /** The last offset the platform had confirmed for `resumeUrl`, for display until the client asks the server. */
  readonly resumeOffset?: number;
  /** Called once the platform has created (or confirmed) the upload, so it can be resumed after a cut or a restart. */
  onUploadUrl(url: string): void;
  /** Bytes of the package the platform has taken so far. */
  onProgress(offset: number): void;
}

/** The connection failed or was cut: sending again later may work. */
export class NetworkError extends Error {
  constructor(message = 'network error') {
    super(message);
    this.name = 'NetworkError';
  }
}

/** The platform did not answer in time: sending again later may work. */
export class UploadTimeoutError extends Error {
  constructor(message = 'timed out') {
    super(message);
    this.name = 'UploadTimeoutError';
  }
}

/** The platform answered with an error body; whether it is final is `isFinalRejection(code)`. `message` is the platform's, in Chinese. */
export class PlatformRejection extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformRejection';
  }
}

/**
 * Turns whatever a client threw into an {@link UploadFailure}. Errors that crossed a bridge lose
 * their class, so the `name` is trusted as well; anything unknown counts as a network fault, which
 * is retried rather than dropped.
 */
export function toUploadFailure(error: unknown): UploadFailure {
  const fields: { name?: unknown; message?: unknown; code?: unknown } = typeof error === 'object' && error !== null ? error : {};
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const { name, code } = fields;
  if (name === 'PlatformRejection' && typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
    return { kind: 'platform', code: code as ErrorCode, message };
  }
  if (name === 'UploadTimeoutError') return { kind: 'timeout', message };
  return { kind: 'network', message };
}
