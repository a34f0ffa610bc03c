/**
 * A member of the unit's staff as the office's own spreadsheet lists them (DOMAIN.md §7): one
 * accepted roster row. Personal letters (kind `person`) are made from these, one per member.
 */

/** 岗位类别: window (窗口服务) and enforcement (行政执法) staff commit first. */
export const POST_TYPES = ['window', 'enforcement', 'other'] as const;
export type PostType = (typeof POST_TYPES)[number];

/** The order in which missing letters are listed: window and enforcement staff first. */
export const POST_TYPE_PRIORITY: Readonly<Record<PostType, number>> = { window: 0, enforcement: 1, other: 2 };

export interface StaffMember {
  /** The row number as the spreadsheet shows it (1 is the first row). */
  readonly row: number;
  /** 姓名 */
  readonly name: string;
  /** 职务 */
  readonly position: string;
  /** 科室; empty when the sheet leaves it blank. */
  readonly department: string;
  /** 岗位类别 */
  readonly postType: PostType;
  /**
   * 身份证号, checked (core/staff/id-number.ts) and upper-cased. Personal data: it goes only into the
   * national record inside the package for the platform, never into a PDF, a public page or a log.
   */
  readonly idNumber?: string;
}
