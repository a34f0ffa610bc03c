/** The platform's messages for the public column (政务承诺专栏). Placeholders are written `{name}`. */
export const publicColumnMessages = {} as const;
