import { z } from 'zod';
import { ERROR_CODES, ReceiptSchema } from '../protocol/reference-protocol';

/**
 * What the outbox keeps per submission, as zod schemas: entries are saved as JSON by whichever
 * process runs the outbox and cross the bridge to the page, and both ends parse them back.
 */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

/** One package to deliver, known by its submission id and the hash of its bytes. */
export const PackageRefSchema = z.object({
  submissionId: z.string().min(1),
  /** SHA-256 of the whole package file, hex. */
  sha256,
  size: count,
});
export type PackageRef = z.infer<typeof PackageRefSchema>;

/** Where an interrupted upload can go on; only valid for the package bytes it was made for. */
export const ResumePointSchema = z.object({ sha256, url: z.string().min(1), offset: count });
export type ResumePoint = z.infer<typeof ResumePointSchema>;

/** Why one attempt failed, as plain data that can be persisted and shown. */
export const UploadFailureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('network'), message: z.string() }),
  z.object({ kind: z.literal('timeout'), message: z.string() }),
  z.object({ kind: z.literal('platform'), code: z.enum(ERROR_CODES), message: z.string() }),
]);
export type UploadFailure = z.infer<typeof UploadFailureSchema>;

/** Where one submission stands. `attempt` counts failed attempts so far. */
export const SubmissionStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('queued'), attempt: count, lastError: UploadFailureSchema.optional() }),
  z.object({ status: z.literal('sending'), attempt: count, sent: count, total: count }),
  z.object({ status: z.literal('waiting'), attempt: count, retryAt: count, lastError: UploadFailureSchema }),
  z.object({ status: z.literal('delivered'), receipt: ReceiptSchema }),
  /** Final: the platform refused and sending the same again would not change that. `message` is the platform's, in Chinese. */
  z.object({ status: z.literal('rejected'), code: z.enum(ERROR_CODES), message: z.string() }),
]);
export type SubmissionState = z.infer<typeof SubmissionStateSchema>;
export type SubmissionStatus = SubmissionState['status'];

/** What the outbox persists per submission: plain JSON. */
export const OutboxEntrySchema = z.object({
  package: PackageRefSchema,
  /** Position in the queue: lower goes first. */
  seq: count,
  enqueuedAt: count,
  state: SubmissionStateSchema,
  resume: ResumePointSchema.optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
