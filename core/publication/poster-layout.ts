import { t } from '../i18n/translate';
import { breakParagraph } from '../layout/break-lines';
import type { FontMetrics, FontMetricsSet } from '../layout/font-metrics';
import { formatLetterDate, itemText } from '../layout/letter-blocks';
import { lineRuns } from '../layout/line-runs';
import { MM } from '../layout/page-geometry';
import type { TextRun } from '../layout/page-plan';
import { measureText, type TextStyle } from '../layout/text-measure';
import { titleLines } from '../layout/title-lines';
import { categoryName } from '../letter/categories';
import { printOrder } from '../letter/item-numbers';
import { letterTitle } from '../letter/letter-title';
import { qrModuleCount, QR_QUIET_MODULES } from '../pdf/qr-symbol';
import type { PublicLetter } from './public-letter';

export const POSTER_SIZES = ['a3', 'a4'] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

/** Portrait pages in points; A3 is A4 scaled by √2, so one set of A4 measures serves both. */
const PAGES: Readonly<Record<PosterSize, { readonly width: number; readonly height: number }>> = {
  a4: { width: 210 * MM, height: 297 * MM },
  a3: { width: 297 * MM, height: 420 * MM },
};

/** Measures on A4, in points; an A3 poster multiplies them by its scale. */
const A4 = {
  margin: 15 * MM,
  titleSize: 26,
  infoSize: 12,
  headingSize: 14,
  /** The items start at this size, to be read from across the hall, and shrink step by step to fit the page… */
  itemMax: 20,
  /** …down to this, which still reads at arm's length; below it they are summarised. */
  itemMin: 8,
  footerSize: 12,
  addressSize: 7,
  /** The QR symbol with its quiet zone. */
  qrBox: 42 * MM,
  gap: 4 * MM,
} as const;

/** A line of the poster as drawn, and its text for tests. */
export interface PosterLine {
  readonly text: string;
  readonly runs: readonly TextRun[];
}

export interface PosterRule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * How the items were set: every word (`full`); each item on one line ending in an ellipsis, the
 * letter having the rest (`summary`); or as many as fit that way and a line naming the others (`partial`).
 */
export type PosterFit = { readonly kind: 'full' | 'summary'; readonly itemSize: number } | { readonly kind: 'partial'; readonly itemSize: number; readonly shown: number };

export interface PosterPlan {
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PosterLine[];
  readonly rules: readonly PosterRule[];
  /** The QR symbol's bottom-left corner inside its quiet zone, and its module, in points. */
  readonly qr: { readonly x: number; readonly y: number; readonly module: number };
  readonly fit: PosterFit;
}

export interface PosterFacts {
  readonly letter: PublicLetter;
  /** What the QR code holds and the poster prints under it. */
  readonly address: string;
  readonly size: PosterSize;
}

/**
 * Lays out the service-hall poster (服务窗口公示) on one portrait page: the title, who commits,
 * the items numbered as printed in the letter's words, the supervision channels with 12345, and a
 * QR code to the public letter with its address under it, in the letter's faces. Items too long
 * for the page are set smaller, then each summarised to its opening words; never is an item left
 * out without the poster saying so.
 *
 * @example layoutPoster({ letter, address, size: 'a3' }, fonts.metrics).fit // { kind: 'full', itemSize: 18.4 }
 */
export function layoutPoster(facts: PosterFacts, fonts: FontMetricsSet): PosterPlan {
  const { letter } = facts;
  const page = PAGES[facts.size];
  const k = page.width / PAGES.a4.width;
  const margin = A4.margin * k;
  const left = margin;
  const width = page.width - 2 * margin;
  const lines: PosterLine[] = [];
  const rules: PosterRule[] = [];

  let top = page.height - margin;
  const title = style(fonts.title, A4.titleSize * k);
  const name = letter.kind === 'person' && letter.person ? letter.person.name : letter.unit.name;
  for (const text of titleLines(letterTitle(letter), name, title, width)) {
    top -= title.size * 1.4;
    lines.push(centred(text, left, width, top + title.size * 0.3, title));
  }
  top -= A4.gap * k * 0.5;
  const info = style(fonts.body, A4.infoSize * k);
  for (const text of packed(infoParts(letter), info, width)) {
    top -= info.size * 1.6;
    lines.push(centred(text, left, width, top + info.size * 0.4, info));
  }
  top -= A4.gap * k * 0.5;
  rules.push({ x1: left, y1: top, x2: left + width, y2: top });
  top -= A4.gap * k;

  // The foot, from the page's bottom up: the QR code at the right with the address under it, the channels at its left.
  const qrBox = A4.qrBox * k;
  const modules = qrModuleCount(facts.address) + 2 * QR_QUIET_MODULES;
  const module = qrBox / modules;
  const qrLeft = left + width - qrBox;
  const address = style(fonts.body, A4.addressSize * k);
  const addressLines = wrapped(facts.address, address, qrBox);
  const addressPitch = address.size * 1.35;
  const qrBottom = margin + addressLines.length * addressPitch + address.size * 0.6;
  addressLines.forEach((text, i) => lines.push(centred(text, qrLeft, qrBox, qrBottom - address.size * 1.1 - i * addressPitch, address)));
  const scanNote = style(fonts.body, A4.addressSize * k * 1.2);
  lines.push(centred(t('publication.poster.scan'), qrLeft, qrBox, qrBottom + qrBox + scanNote.size * 0.4, scanNote));
  const footTop = qrBottom + qrBox + scanNote.size * 1.8;

  const footer = style(fonts.body, A4.footerSize * k);
  const channelWidth = width - qrBox - A4.gap * k;
  const channels = [
    t('pdf.supervision.phone', { value: letter.supervision.phone }),
    letter.supervision.email !== undefined ? t('pdf.supervision.email', { value: letter.supervision.email }) : null,
    t('pdf.supervision.hotline', { value: letter.supervision.hotline ?? '12345' }),
  ].filter((text): text is string => text !== null);
  let y = footTop - footer.size * 1.6;
  const heading = style(fonts.heading, A4.headingSize * k);
  lines.push(plain(t('publication.poster.supervision'), left, y, heading));
  for (const text of channels.flatMap((channel) => wrapped(channel, footer, channelWidth))) {
    y -= footer.size * 1.7;
    lines.push(plain(text, left, y, footer));
  }
  const signer = style(fonts.body, A4.infoSize * k);
  y = Math.min(y - footer.size * 2.2, qrBottom + signer.size * 1.6);
  for (const text of [letter.kind === 'person' ? letter.unit.name : name, formatLetterDate(letter.date)]) {
    lines.push(plain(text, left, y, signer));
    y -= signer.size * 1.6;
  }
  rules.push({ x1: left, y1: footTop + A4.gap * k * 0.5, x2: left + width, y2: footTop + A4.gap * k * 0.5 });

  const items = placeItems(letter, fonts, { left, width, top, bottom: footTop + A4.gap * k, k });
  lines.push(...items.lines);
  return { width: page.width, height: page.height, lines, rules, qr: { x: qrLeft + QR_QUIET_MODULES * module, y: qrBottom + QR_QUIET_MODULES * module, module }, fit: items.fit };
}

interface ItemArea {
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  readonly k: number;
}

/** An item of the letter, numbered as printed, under its section's heading when it opens one. */
interface PosterItem {
  readonly heading: string | null;
  readonly text: string;
  /** The width of its number `12.`, where its following lines start. */
  readonly number: string;
}

function placeItems(letter: PublicLetter, fonts: FontMetricsSet, area: ItemArea): { lines: PosterLine[]; fit: PosterFit } {
  const items = posterItems(letter);
  const height = area.top - area.bottom;
  for (let size = A4.itemMax * area.k; size >= A4.itemMin * area.k - 1e-6; size -= 0.5 * area.k) {
    const set = setItems(items, fonts, area, size, 'full');
    if (set.height <= height) return { lines: set.lines, fit: { kind: 'full', itemSize: size } };
  }
  const size = A4.itemMin * area.k;
  const summary = setItems(items, fonts, area, size, 'summary');
  const note = style(fonts.body, size);
  if (summary.height + note.size * 1.5 <= height) {
    const lines = [...summary.lines, plain(t('publication.poster.summary-note'), area.left, area.top - summary.height - note.size * 1.2, note)];
    return { lines, fit: { kind: 'summary', itemSize: size } };
  }
  // Even one line each is too many: the first that fit, and a line saying which are on the letter only.
  let shown = items.length - 1;
  let partial = setItems(items.slice(0, shown), fonts, area, size, 'summary');
  while (shown > 1 && partial.height + note.size * 1.5 > height) {
    shown -= 1;
    partial = setItems(items.slice(0, shown), fonts, area, size, 'summary');
  }
  const rest = t('publication.poster.partial-note', { n: shown + 1, total: items.length });
  const lines = [...partial.lines, plain(rest, area.left, area.top - partial.height - note.size * 1.2, note)];
  return { lines, fit: { kind: 'partial', itemSize: size, shown } };
}

function posterItems(letter: PublicLetter): PosterItem[] {
  let category: string | undefined;
  let section = 0;
  return printOrder(letter.items).map((index, position) => {
    const item = letter.items[index]!;
    const opens = item.category !== category;
    category = item.category;
    if (opens) section += 1;
    const heading = opens ? t('pdf.heading', { ordinal: t('pdf.ordinals').charAt(section - 1), name: categoryName(item.category) }) : null;
    return { heading, text: itemText(item, position + 1, letter.kind), number: `${position + 1}.` };
  });
}

/** The items' lines from `area.top` down, and the height they take; `summary` keeps each item to one line. */
function setItems(items: readonly PosterItem[], fonts: FontMetricsSet, area: ItemArea, size: number, mode: 'full' | 'summary'): { lines: PosterLine[]; height: number } {
  const body = style(fonts.body, size);
  const heading = style(fonts.heading, size * 1.1);
  const pitch = size * 1.5;
  const lines: PosterLine[] = [];
  let y = area.top;
  for (const item of items) {
    if (item.heading !== null) {
      y -= heading.size * (lines.length === 0 ? 1.2 : 1.9);
      lines.push(plain(item.heading, area.left, y, heading));
    }
    const indent = measureText(body, item.number);
    const texts =
      mode === 'full'
        ? breakParagraph(item.text, body, { width: area.width, firstIndent: 0, indent }).map((line) => ({ text: line.text, indent: line.indent }))
        : [{ text: ellipsis(item.text, body, area.width), indent: 0 }];
    for (const line of texts) {
      y -= pitch;
      lines.push(plain(line.text, area.left + line.indent, y + size * 0.3, body));
    }
  }
  return { lines, height: area.top - y };
}

function infoParts(letter: PublicLetter): string[] {
  const parts =
    letter.kind === 'person' && letter.person
      ? [t('pdf.person', { name: letter.person.name }), t('pdf.person.position', { value: letter.person.position }), t('pdf.person.unit', { value: letter.unit.name })]
      : [t('pdf.unit', { value: letter.unit.name }), t('pdf.credit-code', { value: letter.unit.creditCode })];
  return [...parts, t('pdf.year', { year: letter.year })];
}

const IDEOGRAPHIC_SPACE = '\u3000';

/** Parts set side by side, a full-width space apart, as many to a line as fit: a part is never broken unless alone too wide. */
function packed(parts: readonly string[], textStyle: TextStyle, width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    const joined = `${last ?? ''}${IDEOGRAPHIC_SPACE}${part}`;
    if (last !== undefined && measureText(textStyle, joined) <= width) lines[lines.length - 1] = joined;
    else lines.push(...wrapped(part, textStyle, width));
  }
  return lines;
}

function style(metrics: FontMetrics, size: number): TextStyle {
  return { metrics, size, gridAdvance: size };
}

function wrapped(text: string, textStyle: TextStyle, width: number): string[] {
  return breakParagraph(text, textStyle, { width, firstIndent: 0, indent: 0 }).map((line) => line.text);
}

function plain(text: string, x: number, y: number, textStyle: TextStyle): PosterLine {
  return { text, runs: lineRuns(text, x, y, textStyle) };
}

function centred(text: string, x: number, width: number, y: number, textStyle: TextStyle): PosterLine {
  return plain(text, x + (width - measureText(textStyle, text)) / 2, y, textStyle);
}

function ellipsis(text: string, textStyle: TextStyle, width: number): string {
  if (measureText(textStyle, text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && measureText(textStyle, `${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('')}…`;
}
