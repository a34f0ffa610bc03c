import { z } from 'zod';

/**
 * What the app keeps about a letter while it is written, reviewed and signed. These are plain
 * data, shared by the local database, the backup file and the tests; the storage engine is not
 * named here. A record read back is parsed with these schemas, and one that does not parse is
 * quarantined and shown rather than dropped.
 */

export const DRAFT_STATUSES = ['draft', 'in-review', 'returned', 'approved'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** Why a snapshot of the letter was kept. */
export const SNAPSHOT_REASONS = [
  'created',
  'autosave',
  'submitted',
  'approved',
  'returned',
  'reopened',
  'before-restore',
  'restored',
  'before-import',
  'upgraded',
  // Imported with a review its PDF does not back; keeps the claimed status and review for the record.
  'unverified-review',
] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

export const epochMs = z.number().int().nonnegative();
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What the list shows, computed when the letter is saved so listing never validates letters. */
export const LetterSummarySchema = z.object({
  kind: z.enum(['unit', 'person', 'unknown']),
  /** The unit, or for a personal letter the person; empty when not filled in yet. */
  name: z.string(),
  year: z.number().int().nullable(),
  itemCount: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
});
export type LetterSummary = z.infer<typeof LetterSummarySchema>;

export const ReviewDecisionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('approved'),
    by: z.string().min(1),
    at: epochMs,
    pdfSha256: sha256,
    /** Set when the approver is not the principal the letter names and confirmed approving on their behalf; older approvals lack it. */
    delegated: z.literal(true).optional(),
  }),
  z.object({ kind: z.literal('returned'), by: z.string().min(1), at: epochMs, pdfSha256: sha256, comments: z.string().min(1) }),
]);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

/** A version frozen for the principal: the exact PDF (by its SHA-256) and what was decided on it. */
export const ReviewRecordSchema = z.object({
  snapshotId: z.string().min(1),
  pdfSha256: sha256,
  submittedAt: epochMs,
  decision: ReviewDecisionSchema.optional(),
});
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;

/**
 * A package made from one approval. Its id and time are fixed when it is first packed, so packing
 * the same approval again gives the same bytes and the platform sees one submission.
 */
export const SubmissionRecordSchema = z.object({
  submissionId: z.string().min(1),
  /** The approved PDF it was packed from. */
  approvalSha256: sha256,
  packedAt: epochMs,
  /** The submission of an earlier approval that this one corrects. */
  supersedes: z.string().optional(),
});
export type SubmissionRecord = z.infer<typeof SubmissionRecordSchema>;

export const DraftRecordSchema = z.object({
  id: z.string().min(1),
  templateKey: z.string(),
  status: z.enum(DRAFT_STATUSES),
  createdAt: epochMs,
  updatedAt: epochMs,
  /** Set while the draft is in the bin. */
  deletedAt: epochMs.optional(),
  summary: LetterSummarySchema,
  /** When the last snapshot was taken, so editing adds one every few minutes. */
  lastSnapshotAt: epochMs,
  review: ReviewRecordSchema.optional(),
  /** Every package made from this letter, oldest first; added in schema v2 without an index, so older records simply lack it. */
  submissions: z.array(SubmissionRecordSchema).optional(),
  /** The staff batch the letter was made in (core/batch); added in schema v5, so older records lack it. */
  batchId: z.string().min(1).optional(),
});
export type DraftRecord = z.infer<typeof DraftRecordSchema>;

/** The letter as typed, valid or not; kept apart from the draft so the list never loads letters. */
export const LetterRecordSchema = z.object({ draftId: z.string().min(1), letter: z.unknown() });
export type LetterRecord = z.infer<typeof LetterRecordSchema>;

export const SnapshotRecordSchema = z.object({
  id: z.string().min(1),
  draftId: z.string().min(1),
  at: epochMs,
  reason: z.enum(SNAPSHOT_REASONS),
  status: z.enum(DRAFT_STATUSES),
  letter: z.unknown(),
  review: ReviewRecordSchema.optional(),
});
export type SnapshotRecord = z.infer<typeof SnapshotRecordSchema>;

export const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected bytes' });

/** A PDF frozen for review, stored under its SHA-256 so the approval can be checked against it. */
export const DocumentRecordSchema = z.object({ sha256, draftId: z.string().min(1), bytes, createdAt: epochMs });
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The signed and sealed copy: scanned pages or a signed PDF. */
export const AttachmentRecordSchema = z.object({
  id: z.string().min(1),
  draftId: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(ATTACHMENT_TYPES),
  size: z.number().int().nonnegative(),
  sha256,
  bytes,
  addedAt: epochMs,
  /** The approved PDF this copy was signed from; a copy of an earlier approval no longer counts. */
  approvalSha256: sha256.optional(),
  /** Place among the letter's copies, from 0; the package numbers them in this order. Copies stored before it existed follow by `addedAt`. */
  position: z.number().int().nonnegative().optional(),
  /** Quarter turns clockwise applied when packed, so the platform sees the page upright; absent is upright. */
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
  /** For a PDF, what was found in it when it was added: a digital signature, images (a scan has them). */
  pdfContent: z.object({ signature: z.boolean(), images: z.boolean() }).optional(),
});
export type AttachmentRecord = z.infer<typeof AttachmentRecordSchema>;

export type Rotation = NonNullable<AttachmentRecord['rotation']>;

/**
 * The copies in the order the clerk arranged them (the package's order): by `position`, and those
 * without one after, oldest first.
 */
export function inPackageOrder<T extends Pick<AttachmentRecord, 'position' | 'addedAt'>>(attachments: readonly T[]): T[] {
  const place = (a: T) => a.position ?? Number.MAX_SAFE_INTEGER;
  return [...attachments].sort((a, b) => place(a) - place(b) || a.addedAt - b.addedAt);
}

/** Whether an attachment is the signed copy of the letter as it is approved now. */
export function isCurrentSignedCopy(draft: Pick<DraftRecord, 'status' | 'review'>, attachment: Pick<AttachmentRecord, 'approvalSha256'>): boolean {
  return draft.status === 'approved' && draft.review !== undefined && attachment.approvalSha256 === draft.review.pdfSha256;
}

/** The package of the current approval, once it has been packed: its signed copies can no longer change. */
export function currentSubmission(draft: Pick<DraftRecord, 'status' | 'review' | 'submissions'>): SubmissionRecord | undefined {
  if (draft.status !== 'approved' || !draft.review) return undefined;
  const approval = draft.review.pdfSha256;
  return draft.submissions?.find((submission) => submission.approvalSha256 === approval);
}

/** A stored record that could not be read; kept verbatim so nothing is lost and someone can repair it. */
export interface QuarantineRecord {
  readonly seq?: number;
  /** The table it came from, e.g. `drafts`. */
  readonly source: string;
  readonly key: string;
  /** The record as JSON, or as much of it as could be serialised. */
  readonly raw: string;
  readonly reason: string;
  readonly at: number;
}
