/** The platform's messages for signed receipts and the platform's identity. Placeholders are written `{name}`. */
export const receiptMessages = {} as const;
