import { z } from 'zod';
import { epochMs, sha256 } from '../drafts/draft-record';
import { POST_TYPES } from '../staff/staff-member';

/**
 * A batch: the staff of one roster made into personal letters at one sitting, kept as one object
 * the clerk can see. It names each member and the draft made for them; ID numbers are not here,
 * they live only in each person's letter (the national record needs them, nothing else does).
 */

export const BatchMemberSchema = z.object({
  /** Stable within the batch, whatever happens to the draft. */
  memberId: z.string().min(1),
  /** The row as the spreadsheet shows it. */
  row: z.number().int().positive(),
  name: z.string().min(1),
  position: z.string(),
  department: z.string(),
  postType: z.enum(POST_TYPES),
  draftId: z.string().min(1),
});
export type BatchMember = z.infer<typeof BatchMemberSchema>;

/** A roster row that made no letter, with the reason in Chinese; row 0 is the whole file. */
export const BatchRefusalSchema = z.object({ row: z.number().int().nonnegative(), message: z.string().min(1) });
export type BatchRefusal = z.infer<typeof BatchRefusalSchema>;

/** One letter of the print file for signatures, in the cover's order: which approval was printed, and where. */
export const PrintedBatchLetterSchema = z.object({
  draftId: z.string().min(1),
  /** The approved PDF that was printed: a later approval of the letter no longer matches the paper. */
  pdfSha256: sha256,
  pages: z.number().int().positive(),
  /** Its first page in the print file, 1-based. */
  firstPage: z.number().int().positive(),
});
export type PrintedBatchLetter = z.infer<typeof PrintedBatchLetterSchema>;

/** The print file last made for signatures (core/batch-print): what the split of the signed scan needs. */
export const BatchPrintedSchema = z.object({
  batchKey: z.string().min(1),
  printedAt: epochMs,
  letters: z.array(PrintedBatchLetterSchema).min(1),
});
export type BatchPrinted = z.infer<typeof BatchPrintedSchema>;

export const BatchRecordSchema = z.object({
  id: z.string().min(1),
  year: z.number().int(),
  title: z.string().min(1),
  createdAt: epochMs,
  /** The roster file's name, as the clerk picked it. */
  sourceName: z.string(),
  members: z.array(BatchMemberSchema),
  refused: z.array(BatchRefusalSchema),
  /** Absent until the batch is first printed for signatures, and in older batches and backups. */
  printed: BatchPrintedSchema.optional(),
});
export type BatchRecord = z.infer<typeof BatchRecordSchema>;
