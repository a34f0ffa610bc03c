import { t } from '../i18n/translate';
import { addDays, compactDay } from './calendar-day';
import type { CalendarEvent } from './calendar-events';
import { REMINDER_HOUR, WARNING_DAYS } from './report-days';
import { isSettled } from './warning';

/*
 * The calendar as an iCalendar file (RFC 5545), for the unit's own calendar program: all-day
 * events, an item's deadline with an alarm on the day its warning turns yellow.
 */

export type IcsOptions = {
  /**
   * Makes the events' UIDs unique to one letter, e.g. its submission id: the same seed gives the
   * same UIDs, so importing the file again updates the entries rather than adding copies.
   */
  readonly uidSeed: string;
  /** When the file is made (DTSTAMP). */
  readonly now: Date;
};

const PRODID = '-//Pledge Desk//Commitment Calendar//ZH-CN';
const MAX_LINE_OCTETS = 75;

/** Escapes TEXT (RFC 5545 3.3.11): backslash first, so the escapes it adds are not escaped again. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Octets of one code point in UTF-8; computed rather than encoded, as core has no TextEncoder type. */
function utf8Octets(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1). Counted in UTF-8 octets, not characters, and
 * only between code points: a Chinese character is three octets, and a split one would be
 * invalid UTF-8 in every calendar program that reads the line before unfolding it.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      // The continuation's leading space counts towards its 75.
      [current, octets] = [' ', 1];
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** `20261231T010000Z`: DTSTAMP must be UTC. */
function utcStamp(moment: Date): string {
  return moment.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * How long before an all-day event's start (its day's midnight, in the reader's zone) the alarm
 * fires: {@link WARNING_DAYS} days before, at {@link REMINDER_HOUR}:00, as the app reminds.
 */
const ALARM_TRIGGER = `-P${WARNING_DAYS - 1}DT${24 - REMINDER_HOUR}H`;

function eventLines(event: CalendarEvent, options: IcsOptions, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${event.key}.${options.uidSeed}@pledge-desk`)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compactDay(event.date)}`,
    `DTEND;VALUE=DATE:${compactDay(addDays(event.date, 1))}`,
    `SUMMARY:${escapeText(event.title)}`,
    // An all-day reminder is not a meeting: it must not show the day as busy.
    'TRANSP:TRANSPARENT',
  ];
  if (event.kind === 'item-deadline' && !isSettled(event.item?.status)) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(t('calendar.reminder.due-soon', { n: WARNING_DAYS, title: event.title }))}`, `TRIGGER:${ALARM_TRIGGER}`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

/**
 * The events as one VCALENDAR: CRLF line ends (the last line too), lines folded at 75 octets.
 *
 * @example calendarIcs(calendarEvents(letter, { today }), { uidSeed: submissionId, now: new Date() })
 */
export function calendarIcs(events: readonly CalendarEvent[], options: IcsOptions): string {
  const stamp = utcStamp(options.now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...events.flatMap((event) => eventLines(event, options, stamp)), 'END:VCALENDAR'];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
