import { z } from 'zod';
import { bytes, epochMs, ReviewDecisionSchema, sha256 } from '../drafts/draft-record';
import { ProgressReportSchema } from '../progress/progress-schema';

/*
 * A progress report of a delivered letter as the app keeps it (renderer/store/progress-report-store.ts),
 * through its own workflow: 草稿 → 待审核 (frozen: the PDF the principal reads, by its SHA-256)
 * → 已批准 (the decision bound to that hash; or 退回 to 草稿 with the comments) → packed and added
 * to the outbox, where the outbox alone says whether the platform has it. Plain data, shared by
 * the local database and the backup file.
 */

export const REPORT_STATUSES = ['draft', 'in-review', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The principal's return of a frozen report, kept after it goes back to 草稿 so the clerk sees what to change. */
export const ReportReturnSchema = z.strictObject({ by: z.string().min(1), at: epochMs, pdfSha256: sha256, comments: z.string().min(1) });
export type ReportReturn = z.infer<typeof ReportReturnSchema>;

/** The report frozen for the principal: the exact PDF and its hash, and what was decided on it. */
export const ReportReviewSchema = z.strictObject({
  submittedAt: epochMs,
  pdfSha256: sha256,
  pdf: bytes,
  /** Only an approval stays here; a return sends the report back to 草稿 and into `returns`. */
  decision: ReviewDecisionSchema.optional(),
});
export type ReportReview = z.infer<typeof ReportReviewSchema>;

/**
 * What the package is made with, fixed at approval so that packing again gives the same bytes:
 * the outbox then takes it as the same submission (`duplicate`), never a second one.
 */
export const ReportPackingSchema = z.strictObject({
  /** The report's own submission id (a UUID): a report is a submission of its own, with its own receipt. */
  submissionId: z.uuid(),
  createdAt: epochMs,
  /** Set once the outbox took the package: its SHA-256 and when. Where it stands is the outbox's to say. */
  queued: z.strictObject({ sha256, at: epochMs }).optional(),
});
export type ReportPacking = z.infer<typeof ReportPackingSchema>;

export const ProgressReportRecordSchema = z.strictObject({
  id: z.string().min(1),
  /** The letter's draft, for naming it (a backup names a damaged report by it). */
  draftId: z.string().min(1),
  /** The delivered letter's submission id: what `report.submissionId` says too. */
  submissionId: z.string().min(1),
  period: z.string().min(1),
  status: z.enum(REPORT_STATUSES),
  /** The report as it will be packed (`pledge-progress/1`), its evidence listed in the package's order. */
  report: ProgressReportSchema,
  /** The evidence records (renderer/store/progress-store.ts) the report lists, in `report.evidence`'s order. */
  evidenceIds: z.array(z.string().min(1)),
  createdAt: epochMs,
  updatedAt: epochMs,
  review: ReportReviewSchema.optional(),
  returns: z.array(ReportReturnSchema).optional(),
  packing: ReportPackingSchema.optional(),
});
export type ProgressReportRecord = z.infer<typeof ProgressReportRecordSchema>;
