/** The platform's messages for the storage engines and their migrations. Placeholders are written `{name}`. */
export const storageMessages = {} as const;
