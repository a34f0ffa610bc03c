/**
 * When the unit's dates and reports fall. The notice (黑诚信办发〔2022〕6号, docs/domain/notice.md)
 * fixes only 5月1日 and 8月31日; it asks for monthly 调度 and quarterly 通报 without naming a day.
 * The report days below are OUR DEFAULTS, chosen so that a period's facts are complete before
 * they are due and the unit has a few working days to write them up; they are not the notice's,
 * and a city that sets its own days should change them here.
 */
export const CALENDAR_DAYS = {
  /** Commitments made and uploaded to the city platform (the city forwarding notice: "5月1日前"). */
  commitment: { month: 5, day: 1 },
  /** Every letter published on the unit's own site, coverage 100 % (the provincial notice: "8月底前"). */
  publication: { month: 8, day: 31 },
  /** Our default: a month's 调度 report is due on this day of the next month. */
  monthReportDay: 5,
  /** Our default: a quarter's 通报 report is due on this day of the month after the quarter ends. */
  quarterReportDay: 10,
  /**
   * Our default: the year-end report is due on this day of the next year. It covers December and
   * the fourth quarter, so those get no report of their own.
   */
  yearReport: { month: 1, day: 15 },
} as const;

/** A warning turns yellow this many days before an item's deadline (三色预警). */
export const WARNING_DAYS = 10;

/** Reminders fire at this hour, Beijing time: the start of an office day. */
export const REMINDER_HOUR = 9;

export const isoDay = (year: number, month: number, date: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** The day the report of a month is due (the month of `year`, 1…11). */
export function monthReportDue(year: number, month: number): string {
  return month === 12 ? isoDay(year + 1, 1, CALENDAR_DAYS.monthReportDay) : isoDay(year, month + 1, CALENDAR_DAYS.monthReportDay);
}

/** The day the report of a quarter is due (1…3; the fourth is the year-end report's). */
export function quarterReportDue(year: number, quarter: number): string {
  const after = quarter * 3 + 1;
  return after > 12 ? isoDay(year + 1, after - 12, CALENDAR_DAYS.quarterReportDay) : isoDay(year, after, CALENDAR_DAYS.quarterReportDay);
}

export function yearReportDue(year: number): string {
  return isoDay(year + 1, CALENDAR_DAYS.yearReport.month, CALENDAR_DAYS.yearReport.day);
}
