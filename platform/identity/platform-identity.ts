/**
 * Who the platform is: the receiving office (承诺受理单位) as `/.well-known/pledge-platform.json`
 * names it, the 行政区划代码 that begins every 承诺编码 it assigns, and the key its receipts are
 * signed with.
 */
export interface PlatformIdentity {
  /** 承诺受理单位: the credit office's full name. */
  readonly name: string;
  /** Its 统一社会信用代码 (18 characters). */
  readonly creditCode: string;
  /** 行政区划代码 of the receiving place, 6 digits. */
  readonly regionCode: string;
}
