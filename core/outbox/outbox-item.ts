import { z } from 'zod';
import { OutboxEntrySchema } from './outbox-entry';
import { KeyChangeSchema, ReceiptProofSchema } from '../protocol/receipt-proof';

/**
 * What the outbox screen shows: each entry with what its package says about itself, and whether
 * the platform answers. The process that runs the outbox sends these over the bridge.
 */

/** The staff batch a letter was packed for, so the outbox can show the batch's letters together; older entries lack it. */
export const OriginBatchSchema = z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(300) });
export type OriginBatch = z.infer<typeof OriginBatchSchema>;

/**
 * Where a package came from: packed from a letter's draft here (perhaps one of a batch), packed
 * from a progress report of a delivered letter here (renderer/progress-report), or imported from
 * a file (hand-over).
 */
export const PackageOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('app'), draftId: z.string().min(1).max(200), batch: OriginBatchSchema.optional() }),
  z.object({ kind: z.literal('progress'), reportId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('import'), fileName: z.string().min(1).max(300) }),
]);
export type PackageOrigin = z.infer<typeof PackageOriginSchema>;

/** Read from the package's manifest when it was added, so the list never opens packages. */
export const SubmissionDetailsSchema = z.object({
  unitName: z.string(),
  creditCode: z.string(),
  year: z.number().int(),
  /** When the package was made (its manifest), ISO 8601. */
  createdAt: z.string(),
  supersedes: z.string().optional(),
  /** For a personal letter, the person it is from (the package's letter.json); older entries lack it. */
  personName: z.string().optional(),
  /**
   * Set for a progress package (`pledge-progress-package/1`), from its verified manifest: the letter
   * it reports on and the period. Absent: a letter's package, as every entry before reports were.
   */
  progress: z.object({ letterSubmissionId: z.string().min(1), period: z.string().min(1) }).optional(),
  origin: PackageOriginSchema,
  addedAt: z.number().int().nonnegative(),
});
export type SubmissionDetails = z.infer<typeof SubmissionDetailsSchema>;

/** `details` is missing only when its file could not be read; the entry still shows and sends. */
export const OutboxItemSchema = z.object({
  entry: OutboxEntrySchema,
  details: SubmissionDetailsSchema.optional(),
  /** For a delivered submission: whether its receipt is proven by a trusted platform key (core/protocol/receipt-proof.ts). */
  proof: ReceiptProofSchema.optional(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

/**
 * What the last probe found. `not-configured`: no platform address is set; `unknown`: not probed
 * yet; `online` / `offline`: the platform answered and took the credential, or could not be used;
 * `no-token` / `unauthorized`: it answered but wants a token, or refused the one set. Nothing is
 * sent unless `online`: a refused token is the settings' fault, not the letter's.
 */
export const CONNECTION_STATES = ['not-configured', 'unknown', 'online', 'offline', 'no-token', 'unauthorized'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const ConnectionSchema = z.object({
  state: z.enum(CONNECTION_STATES),
  checkedAt: z.number().int().nonnegative().optional(),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const OutboxSnapshotSchema = z.object({
  items: z.array(OutboxItemSchema),
  connection: ConnectionSchema,
  /** The platform now shows another receipt key than the pinned one: a loud warning until the clerk trusts it. */
  keyChange: KeyChangeSchema.optional(),
});
export type OutboxSnapshot = z.infer<typeof OutboxSnapshotSchema>;
