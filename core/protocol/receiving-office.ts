import { z } from 'zod';

/** The receiving office (承诺受理单位) that runs a platform, as its receipts and its well-known document name it. */
export const ReceivingOfficeSchema = z.object({
  /** 承诺受理单位 */
  name: z.string().min(1).max(200),
  /** 统一社会信用代码 */
  creditCode: z.string().length(18),
  /** 行政区划代码, 6 digits: the first digits of every 承诺编码 it assigns. */
  regionCode: z.string().regex(/^\d{6}$/),
});
export type ReceivingOffice = z.infer<typeof ReceivingOfficeSchema>;
