/** Messages of the batch's print file and the split of its signed scan (core/batch-print). */
export const batchPrint = {} as const;
