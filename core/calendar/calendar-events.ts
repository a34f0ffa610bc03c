import { t } from '../i18n/translate';
import { itemNumbers } from '../letter/item-numbers';
import type { Letter } from '../letter/letter-schema';
import { deadlineDate } from '../letter/text-shapes';
import { periodKey } from '../progress/progress-period';
import type { ItemStatus, ProgressItem, ProgressReport } from '../progress/progress-schema';
import { beijingDay } from './calendar-day';
import { CALENDAR_DAYS, isoDay, monthReportDue, quarterReportDue, yearReportDue } from './report-days';
import { itemWarning, type Warning } from './warning';

export type CalendarEventKind = 'item-deadline' | 'commitment' | 'publication' | 'month-report' | 'quarter-report' | 'year-report';

/** An item's part of its deadline event. */
export type CalendarItem = {
  /** The item's printed number (core/letter/item-numbers.ts). */
  readonly number: number;
  readonly content: string;
  /** As the letter writes it, e.g. 2026年12月31日前. */
  readonly deadline: string;
  /** From the progress report, when one was given and lists the item. */
  readonly status?: ItemStatus;
  readonly warning: Warning;
};

/** One dated thing in a letter's year. */
export type CalendarEvent = {
  /**
   * Names the event within its letter and stays the same when the letter's calendar is made
   * again, so an exported calendar updates its entries rather than adding copies.
   */
  readonly key: string;
  readonly kind: CalendarEventKind;
  /** `YYYY-MM-DD`, a Beijing day. */
  readonly date: string;
  readonly title: string;
  /** For an item's deadline. */
  readonly item?: CalendarItem;
  /** For a report: the period it covers, as core/progress/progress-period.ts writes it. */
  readonly period?: string;
};

/**
 * Where the items' statuses come from: the letter's latest progress report (the command line), or
 * the app's records of it (core/progress/item-progress.ts), which carry the same numbers.
 */
export type CalendarProgress = Pick<ProgressReport, 'year'> & { readonly items: readonly Pick<ProgressItem, 'number' | 'status'>[] };

export type CalendarOptions = {
  /** The moment to judge the warnings at; its Beijing day counts. */
  readonly today: Date;
  /** The items' statuses, for the warnings and alarms. */
  readonly progress?: CalendarProgress;
};

const KIND_ORDER: readonly CalendarEventKind[] = ['item-deadline', 'commitment', 'publication', 'month-report', 'quarter-report', 'year-report'];

/**
 * Every dated event of the letter's year, in date order: each item's deadline when it names a
 * day (a span such as 全年 or 长期 has none to remind of), the unit's 5月1日 and 8月31日, each
 * report's due day (core/calendar/report-days.ts) and the year-end report's.
 *
 * Reports start with the month the letter was made: a unit reports on commitments it has made.
 * An item's deadline is kept even outside the letter's year (validation only warns of it): it is
 * still the day the item is due.
 */
export function calendarEvents(letter: Letter, options: CalendarOptions): CalendarEvent[] {
  const { year } = letter;
  const { progress } = options;
  if (progress !== undefined && progress.year !== year) {
    throw new RangeError(`calendarEvents: the progress report is of ${progress.year}, the letter of ${year}`);
  }
  const today = beijingDay(options.today);
  const statusOf = new Map(progress?.items.map((item) => [item.number, item.status]));
  const events: CalendarEvent[] = [];

  const numbers = itemNumbers(letter.items);
  letter.items.forEach((item, index) => {
    const date = item.deadline === undefined ? undefined : deadlineDate(item.deadline);
    if (item.deadline === undefined || date === undefined) return;
    const number = numbers[index]!;
    const status = statusOf.get(number);
    events.push({
      key: `item-${number}`,
      kind: 'item-deadline',
      date,
      title: t('calendar.item-deadline', { n: number, content: item.content }),
      item: { number, content: item.content, deadline: item.deadline, ...(status === undefined ? {} : { status }), warning: itemWarning(date, today, status) },
    });
  });

  const { commitment, publication } = CALENDAR_DAYS;
  events.push({ key: 'commitment', kind: 'commitment', date: isoDay(year, commitment.month, commitment.day), title: t('calendar.commitment') });
  events.push({ key: 'publication', kind: 'publication', date: isoDay(year, publication.month, publication.day), title: t('calendar.publication') });

  // A letter dated the year before (allowed) reports from January.
  const [madeYear, madeMonth] = letter.date.split('-').map(Number) as [number, number];
  const firstMonth = madeYear < year ? 1 : madeYear > year ? 13 : madeMonth;
  for (let month = firstMonth; month <= 11; month++) {
    const period = periodKey({ kind: 'month', year, month });
    events.push({ key: `report-${period}`, kind: 'month-report', date: monthReportDue(year, month), title: t('calendar.month-report', { month }), period });
  }
  for (let quarter = Math.ceil(firstMonth / 3); quarter <= 3; quarter++) {
    const period = periodKey({ kind: 'quarter', year, quarter });
    events.push({ key: `report-${period}`, kind: 'quarter-report', date: quarterReportDue(year, quarter), title: t('calendar.quarter-report', { n: quarter }), period });
  }
  const period = periodKey({ kind: 'year', year });
  events.push({ key: `report-${period}`, kind: 'year-report', date: yearReportDue(year), title: t('calendar.year-report', { year }), period });

  const rank = (event: CalendarEvent) => KIND_ORDER.indexOf(event.kind);
  // Items are pushed in stored order; on a shared day the printed number orders them, as on paper.
  return events.sort((a, b) => a.date.localeCompare(b.date) || rank(a) - rank(b) || (a.item?.number ?? 0) - (b.item?.number ?? 0));
}
