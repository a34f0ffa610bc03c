import { z } from 'zod';

/**
 * The reference protocol between Pledge Desk and a receiving platform (DOMAIN.md §5: no public
 * upload specification exists, so we own one and a server that speaks it). The server in
 * `electron/platform` and the client adapter both build on these names and shapes.
 *
 * - `GET  /health`                       → 200 `HealthSchema`, no auth: the connectivity probe.
 * - `POST /files/` … `PATCH` / `HEAD`    → tus 1.0.0 resumable upload of one package (creation,
 *   creation-with-upload, termination). `Upload-Metadata` carries `filename`, `submissionId` and
 *   `sha256` (hex, of the whole package); `submissionId` and `sha256` are required and
 *   `Upload-Length` too (no deferred length), else 400 `bad-metadata`; over the server's limit →
 *   413 `too-large`. The PATCH that completes the upload answers 200 with the receipt as JSON when
 *   the package was accepted (a creation-with-upload POST that completes it answers 201 with the
 *   receipt), or an error status with `ErrorBody`: 422 `hash-mismatch` when the bytes that arrived
 *   do not hash to the declared `sha256` (damaged on the way: the upload is dropped, send it again
 *   from zero), 422 `invalid-package` when the package itself fails the check, 409 `conflict`.
 *   The same bytes again under an accepted id get the original receipt, so a client without an
 *   upload in progress asks for the receipt first and creates an upload only on 404. A finished
 *   upload is removed from `/files/`: if that response was lost, HEAD answers 404 and the client
 *   fetches the receipt by id. An unfinished upload is dropped some days after its creation (a
 *   week on the reference platform); then HEAD and PATCH answer 404 and the client starts afresh.
 *   tus's own refusals (offset mismatch 409, unknown upload 404) come as `bad-request`/`not-found`,
 *   so a client resumes from HEAD rather than treating them as final. Error bodies from the tus
 *   routes may lack a JSON `Content-Type`; parse them as `ErrorBody` regardless.
 * - `GET  /submissions/:id/receipt`      → 200 `ReceiptSchema`, or 404 `ErrorBody`.
 * - `GET  /submissions`                  → 200 `{ submissions: SubmissionListing[] }`, for tests and operators.
 *
 * Every route but `/health` needs `Authorization: Bearer <token>` when the server has a token.
 */

export const PROTOCOL_VERSION = 'pledge-sync/1';

export const ROUTES = {
  health: '/health',
  uploads: '/files/',
  receipt: (submissionId: string) => `/submissions/${encodeURIComponent(submissionId)}/receipt`,
  submissions: '/submissions',
} as const;

/** Keys of tus `Upload-Metadata` the server requires. */
export const UPLOAD_METADATA = { filename: 'filename', submissionId: 'submissionId', sha256: 'sha256' } as const;

export const HealthSchema = z.object({ status: z.literal('ok'), protocol: z.literal(PROTOCOL_VERSION) });

/** What the office keeps as proof of delivery; fetching it again by submission id gives the same receipt. */
export const ReceiptSchema = z.object({
  receiptId: z.string().min(1),
  submissionId: z.string().min(1),
  /** Of the whole package file, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: z.iso.datetime({ offset: true }),
  /** The submission this one replaces, when it corrects an earlier one. */
  supersedes: z.string().optional(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/**
 * Machine-readable reasons a platform refuses; `message` is Chinese, for the person at the desk.
 * `bad-metadata` is a request the platform will refuse however often it is sent; `bad-request`
 * covers protocol hiccups (an offset mismatch) that the next attempt can get past.
 */
export const ERROR_CODES = ['unauthorized', 'invalid-package', 'conflict', 'too-large', 'not-found', 'bad-request', 'server-error', 'bad-metadata', 'hash-mismatch'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * A refusal that sending again will not change, as opposed to a network fault or a 5xx.
 * `hash-mismatch` is not final: bytes damaged on the way arrive intact on another try.
 */
export function isFinalRejection(code: ErrorCode): boolean {
  return code === 'invalid-package' || code === 'conflict' || code === 'too-large' || code === 'unauthorized' || code === 'bad-metadata';
}

export const SubmissionListingSchema = ReceiptSchema.extend({
  unitName: z.string(),
  creditCode: z.string(),
  year: z.number().int(),
  size: z.number().int().nonnegative(),
  /** Set when a later submission replaced this one. */
  supersededBy: z.string().optional(),
});
export type SubmissionListing = z.infer<typeof SubmissionListingSchema>;
