/** The platform's messages for the operator's dashboard and coverage. Placeholders are written `{name}`. */
export const dashboardMessages = {} as const;
