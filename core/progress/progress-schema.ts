import { z } from 'zod';
import { isRealDate } from '../letter/text-shapes';
import { parsePeriod } from './progress-period';

/*
 * The progress report `pledge-progress/1` (docs/domain/progress.md): one report of a delivered
 * letter for a month, a quarter or the year, listing every item of the letter with its status and
 * note, and the evidence files by hash. The statuses are the notice's own words, as offices write
 * them: they are a data format, like the national template's code words.
 */

export const PROGRESS_FORMAT = 'pledge-progress/1';

/** 未启动, 推进中, 已兑现, 未兑现, and 已调整 (changed with a stated reason). */
export const ITEM_STATUSES = ['未启动', '推进中', '已兑现', '未兑现', '已调整'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const PROGRESS_LIMITS = { note: 2000, reason: 500, accountability: 4000, evidence: 50, evidenceName: 120 } as const;

const text = (max: number) => z.string().trim().max(max);

export const ProgressItemSchema = z.strictObject({
  /** The item's printed number in the letter (core/letter/item-numbers.ts). */
  number: z.number().int().min(1),
  /** The item as the letter has it, so the report reads on its own. */
  content: z.string().min(1),
  deadline: z.string().optional(),
  status: z.enum(ITEM_STATUSES),
  note: text(PROGRESS_LIMITS.note),
  /** Why the item was changed; required for 已调整. */
  reason: text(PROGRESS_LIMITS.reason).optional(),
});
export type ProgressItem = z.infer<typeof ProgressItemSchema>;

export const EvidenceFileSchema = z.strictObject({
  name: z.string().min(1).max(PROGRESS_LIMITS.evidenceName),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(1),
  /** The item it documents, by printed number; absent for evidence of the whole report. */
  item: z.number().int().min(1).optional(),
  /** The unit publishes this file beside its letter on the public column; absent: the platform keeps it for the credit office only. */
  public: z.literal(true).optional(),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

export const ProgressReportSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  /** The submission id of the letter's package: the platform ties the report to that letter, and to its unit only. */
  submissionId: z.uuid(),
  year: z.number().int(),
  period: z.string().refine((value) => parsePeriod(value) !== undefined, { params: { rule: 'period' } }),
  /** The letter's title as printed (core/letter/letter-title.ts), so the report names its letter on paper. */
  title: z.string().min(1).max(200),
  /** Who committed, as the letter names them. */
  unit: z.strictObject({ name: z.string().min(1), creditCode: z.string().length(18) }),
  person: z.strictObject({ name: z.string().min(1) }).optional(),
  items: z.array(ProgressItemSchema).min(1),
  /** The day the report was made, YYYY-MM-DD; the year-end record's 承诺履行状态认定日期. */
  date: z.string().refine(isRealDate).optional(),
  /** 违诺责任追究内容: what was done about items not kept; the year-end record needs it unless all were kept. */
  accountability: text(PROGRESS_LIMITS.accountability).optional(),
  evidence: z.array(EvidenceFileSchema).max(PROGRESS_LIMITS.evidence),
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;
