import type { ErrorBody, ErrorCode } from '../core/protocol/reference-protocol';

/** Why the platform turns a request down: an HTTP status and the protocol's `ErrorBody`. */
export interface PlatformRefusal {
  readonly status: number;
  readonly code: ErrorCode;
  /** Chinese, for the person at the desk. */
  readonly message: string;
}

export function refusalBody(refusal: PlatformRefusal): ErrorBody {
  return { error: { code: refusal.code, message: refusal.message } };
}

/** The shape @tus/server turns into a response when a hook throws it. */
export function tusError(refusal: PlatformRefusal): { status_code: number; body: string } {
  return { status_code: refusal.status, body: JSON.stringify(refusalBody(refusal)) };
}
