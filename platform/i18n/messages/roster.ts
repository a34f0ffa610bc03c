/** The platform's messages for the 编办 roster import (command line and dashboard upload). Placeholders are written `{name}`. */
export const rosterMessages = {} as const;
