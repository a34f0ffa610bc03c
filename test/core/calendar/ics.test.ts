import { describe, expect, it } from 'vitest';
import { calendarEvents, type CalendarEvent } from '../../../core/calendar/calendar-events';
import { calendarIcs, escapeText, foldLine } from '../../../core/calendar/ics';
import { beijing, calendarLetter, progressWith } from './calendar-fixtures';

/*
 * Neither ical.js nor node-ical is installed, and the task forbids adding packages, so this file
 * reads the calendar with its own strict reader of RFC 5545's rules, written apart from
 * core/calendar/ics.ts: octets, line ends, unfolding, nesting, required properties, TEXT escapes.
 */

type Property = { name: string; params: string; value: string };
type Component = { name: string; properties: Property[]; components: Component[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Splits the file's bytes at CRLF and checks each physical line on its own, as a streaming reader sees it. */
function physicalLines(ics: string): string[] {
  const bytes = Buffer.from(ics, 'utf8');
  expect(bytes.subarray(-2).toString('latin1')).toBe('\r\n');
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    expect(line.length, `line ${lines.length + 1} is longer than 75 octets`).toBeLessThanOrEqual(75);
    // fatal: a character cut in two at a fold throws here.
    lines.push(utf8.decode(line));
    start = i + 2;
  }
  expect(start).toBe(bytes.length);
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  return lines;
}

/** RFC 5545 3.1: a line that begins with a space or a tab continues the one before. */
function unfold(lines: readonly string[]): string[] {
  const logical: string[] = [];
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      expect(logical.length).toBeGreaterThan(0);
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  return logical;
}

function parse(ics: string): Component {
  const stack: Component[] = [{ name: 'ROOT', properties: [], components: [] }];
  for (const line of unfold(physicalLines(ics))) {
    const match = /^([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=[^:;]*)*):(.*)$/.exec(line);
    expect(match, `not a content line: ${line}`).not.toBeNull();
    const [, name, params, value] = match as unknown as [string, string, string, string];
    const top = stack[stack.length - 1]!;
    if (name === 'BEGIN') {
      const component = { name: value, properties: [], components: [] };
      top.components.push(component);
      stack.push(component);
    } else if (name === 'END') {
      expect(top.name).toBe(value);
      stack.pop();
    } else top.properties.push({ name, params, value });
  }
  expect(stack).toHaveLength(1);
  return stack[0]!.components[0]!;
}

/** RFC 5545 3.3.11, read back: every backslash must begin one of the four escapes. */
function unescapeText(value: string): string {
  expect(value).not.toMatch(/(?<!\\)(?:\\\\)*[;,]/);
  return value.replace(/\\(.)/g, (_, c: string) => {
    expect('\\;,nN').toContain(c);
    return c === 'n' || c === 'N' ? '\n' : c;
  });
}

const one = (component: Component, name: string) => {
  const found = component.properties.filter((p) => p.name === name);
  expect(found, `${component.name} must have one ${name}`).toHaveLength(1);
  return found[0]!;
};

const now = new Date('2026-06-01T02:03:04.567Z');
const letter = calendarLetter([
  { category: 'key-task', content: '完成老旧小区供水管网改造，惠及居民 620 户；新建高标准农田 2000 亩，配套完成田间道路和灌排设施，建成农村生活垃圾分类收集点 12 处，实现行政村收运全覆盖。', deadline: '2026年10月31日前' },
  { category: 'service', content: '涉农补贴资金 10 个工作日内发放到户。', deadline: '2026-12-31' },
]);
const events = calendarEvents(letter, { today: beijing('2026-06-01') });
const ics = calendarIcs(events, { uidSeed: '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b', now });

describe('calendarIcs', () => {
  it('writes one VCALENDAR with its version and product, and a VEVENT per event', () => {
    const calendar = parse(ics);
    expect(calendar.name).toBe('VCALENDAR');
    expect(one(calendar, 'VERSION').value).toBe('2.0');
    expect(one(calendar, 'PRODID').value).toMatch(/^-\/\/Pledge Desk\/\//);
    expect(calendar.components.map((c) => c.name)).toEqual(events.map(() => 'VEVENT'));
  });

  it('gives each event its all-day date, a UTC DTSTAMP and its escaped title', () => {
    const vevents = parse(ics).components;
    vevents.forEach((vevent, i) => {
      const event = events[i]!;
      expect(one(vevent, 'DTSTART')).toEqual({ name: 'DTSTART', params: ';VALUE=DATE', value: event.date.replaceAll('-', '') });
      expect(one(vevent, 'DTEND').params).toBe(';VALUE=DATE');
      expect(one(vevent, 'DTSTAMP').value).toBe('20260601T020304Z');
      expect(unescapeText(one(vevent, 'SUMMARY').value)).toBe(event.title);
    });
    // The long item title really was folded, and came back whole.
    expect(physicalLines(ics).some((line) => line.startsWith(' '))).toBe(true);
  });

  it('keeps UIDs unique in the file and the same when the file is made again', () => {
    const uids = (text: string) => parse(text).components.map((c) => one(c, 'UID').value);
    const first = uids(ics);
    expect(new Set(first).size).toBe(first.length);
    expect(uids(calendarIcs(calendarEvents(letter, { today: beijing('2026-09-01') }), { uidSeed: '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b', now: new Date('2026-09-01T00:00:00Z') }))).toEqual(first);
    expect(uids(calendarIcs(events, { uidSeed: 'another-letter', now }))).not.toContain(first[0]);
  });

  it('alarms on an open item’s deadline, at 09:00 ten days before, and on nothing else', () => {
    const vevents = parse(ics).components;
    const withAlarm = vevents.filter((c) => c.components.length > 0).map((c) => unescapeText(one(c, 'SUMMARY').value));
    expect(withAlarm).toEqual(events.filter((e) => e.kind === 'item-deadline').map((e) => e.title));
    const alarm = vevents.find((c) => c.components.length > 0)!.components[0]!;
    expect(alarm.name).toBe('VALARM');
    expect(one(alarm, 'ACTION').value).toBe('DISPLAY');
    expect(one(alarm, 'TRIGGER').value).toBe('-P9DT15H');
    expect(unescapeText(one(alarm, 'DESCRIPTION').value)).toMatch(/^还有 10 天到期：第 1 项承诺事项到期：/);

    const kept = calendarEvents(letter, { today: beijing('2026-06-01'), progress: progressWith(letter, { 1: '已兑现' }) });
    const keptAlarms = parse(calendarIcs(kept, { uidSeed: 'x', now })).components.filter((c) => c.components.length > 0);
    expect(keptAlarms.map((c) => unescapeText(one(c, 'SUMMARY').value))).toEqual([kept.find((e) => e.key === 'item-2')!.title]);
  });

  it('escapes backslash, semicolon, comma and line breaks in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const title = '路径 C:\\承诺\\;第一行，含 ASCII, 逗号\n第二行';
    const event: CalendarEvent = { key: 'odd', kind: 'commitment', date: '2026-05-01', title };
    const summary = one(parse(calendarIcs([event], { uidSeed: 's', now })).components[0]!, 'SUMMARY');
    expect(unescapeText(summary.value)).toBe(title);
  });
});

describe('foldLine', () => {
  const octets = (text: string) => Buffer.byteLength(text, 'utf8');

  it('leaves a line of exactly 75 octets whole and folds the 76th', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
  });

  it('counts UTF-8 octets and never cuts a character, three- and four-octet ones alike', () => {
    for (const text of [`SUMMARY:${'承诺'.repeat(60)}`, `SUMMARY:x${'𠀀诚'.repeat(40)}`, `SUMMARY:ab${'信'.repeat(100)}`]) {
      const lines = foldLine(text).split('\r\n');
      for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
      expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
      expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(text);
      // Each fold is as late as a whole character allows.
      for (const line of lines.slice(0, -1)) expect(octets(line)).toBeGreaterThan(71);
    }
  });
});
