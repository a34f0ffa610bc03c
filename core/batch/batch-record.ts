import { z } from 'zod';
import { epochMs } from '../drafts/draft-record';
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

export const BatchRecordSchema = z.object({
  id: z.string().min(1),
  year: z.number().int(),
  title: z.string().min(1),
  createdAt: epochMs,
  /** The roster file's name, as the clerk picked it. */
  sourceName: z.string(),
  members: z.array(BatchMemberSchema),
  refused: z.array(BatchRefusalSchema),
});
export type BatchRecord = z.infer<typeof BatchRecordSchema>;
