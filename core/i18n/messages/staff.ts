/** Messages of staff-roster and the staff letters made from it (core/staff, pledge staff). */
export const staff = {} as const;
