import { t } from '../i18n/translate';
import { breakParagraph, type BrokenLine } from '../layout/break-lines';
import type { FontMetrics, FontMetricsSet } from '../layout/font-metrics';
import { lineRuns } from '../layout/line-runs';
import { MM } from '../layout/page-geometry';
import type { TextRun } from '../layout/page-plan';
import { measureText, type TextStyle, type TextStyles } from '../layout/text-measure';
import type { Letter, LetterItem } from '../letter/letter-schema';
import { qrModuleCount, QR_QUIET_MODULES } from '../pdf/qr-symbol';
import type { CardBox } from './card-sheet';

/** A line of a card as drawn, and its text for tests. */
export interface CardLine {
  readonly text: string;
  readonly runs: readonly TextRun[];
}

/** A card laid out on its sheet: its lines, the rule under its head, and where its QR symbol goes. */
export interface CardPlan {
  readonly lines: readonly CardLine[];
  readonly rule: { readonly x1: number; readonly x2: number; readonly y: number };
  readonly qr?: { readonly x: number; readonly y: number; readonly module: number };
}

/** Why a card cannot be made: which text is too long for it (the QR address is checked apart). */
export type CardFit = { readonly ok: true; readonly plan: CardPlan } | { readonly ok: false; readonly part: 'unit' | 'item' };

/** Measures of a card, in points. */
const CARD = {
  /** Text keeps this far inside the cut, so a cut a little off never touches it. */
  inset: 4 * MM,
  titleSize: 7,
  /** The unit's name starts at this size and shrinks to fit its line, then takes two lines at the least. */
  unitMax: 9.5,
  unitMin: 7,
  /** The service starts at this size and shrinks step by step to fit… */
  contentMax: 11,
  /** …down to this, which still reads in the hand; below it the card is refused. */
  contentMin: 7,
  step: 0.5,
  /** The details (deadline, owner, phones) never stand larger than this. */
  detailMax: 8.5,
  leading: 1.3,
  ruleGap: 1.2 * MM,
  /** Between the service and its details. */
  detailGap: 1.5 * MM,
  /** The QR symbol with its quiet zone, at the card's right; its quiet zone may reach into the inset. */
  qrBox: 22 * MM,
  qrEdge: 2.5 * MM,
  /** Below this a phone camera misses modules at arm's length. */
  qrMinModule: 0.3 * MM,
  captionSize: 6.5,
  captionGap: 0.8 * MM,
  columnGap: 2 * MM,
  qrGap: 1 * MM,
} as const;

/** The smallest size of a card's texts: what a refusal quotes. */
export const LEGIBLE_MINIMUM = CARD.contentMin;

/** The module the QR symbol of `url` gets on a card; below `qrMinModule` the address is refused. */
export function cardQrModule(url: string): number {
  return CARD.qrBox / (qrModuleCount(url) + 2 * QR_QUIET_MODULES);
}

export function qrFitsCard(url: string): boolean {
  return cardQrModule(url) >= CARD.qrMinModule - 1e-9;
}

/**
 * One card at `box`: the unit's name and the card's title at its head over a rule; below it the
 * service set as large as fits, with 办结时限, 责任窗口/责任人, 监督电话 and 12345 under it, the
 * whole centred in the height left; at the right, with an address, the QR symbol and its caption.
 * Text is wrapped and shrunk, never cut: what cannot fit at the legible minimum is refused.
 */
export function layoutCard(letter: Letter, item: LetterItem, box: CardBox, fonts: FontMetricsSet, url: string | undefined): CardFit {
  const lines: CardLine[] = [];
  const left = box.x + CARD.inset;
  const right = box.x + box.width - CARD.inset;
  const top = box.y + box.height - CARD.inset;

  const title = t('service-cards.card.title');
  const titleStyle = style(fonts.heading, CARD.titleSize);
  const titleWidth = measureText(titleStyle, title);
  lines.push(line(title, right - titleWidth, top - 0.88 * CARD.titleSize, titleStyle));

  const unitWidth = right - titleWidth - CARD.columnGap - left;
  // One line as long as it reads; two only when one would be too small.
  const unit = fitUnitName(letter.unit.name, fonts.title, unitWidth, 1) ?? fitUnitName(letter.unit.name, fonts.title, unitWidth, 2);
  if (!unit) return { ok: false, part: 'unit' };
  let y = top;
  unit.lines.forEach((broken, i) => {
    y -= unit.size * (i === 0 ? 0.88 : CARD.leading);
    lines.push(line(broken.text, left, y, style(fonts.title, unit.size), { width: unitWidth, justify: false }));
  });
  const ruleY = y - 0.12 * unit.size - CARD.ruleGap;
  const bodyTop = ruleY - CARD.ruleGap;
  const bodyBottom = box.y + CARD.inset;

  let qr: CardPlan['qr'];
  let columnRight = right;
  if (url !== undefined) {
    const module = cardQrModule(url);
    const side = qrModuleCount(url) * module;
    const quiet = QR_QUIET_MODULES * module;
    const boxLeft = box.x + box.width - CARD.qrEdge - CARD.qrBox;
    const blockHeight = CARD.qrBox + CARD.captionGap + CARD.captionSize;
    const boxTop = bodyTop - (bodyTop - bodyBottom - blockHeight) / 2;
    qr = { x: boxLeft + quiet, y: boxTop - quiet - side, module };
    const caption = t('service-cards.card.scan');
    const captionStyle = style(fonts.body, CARD.captionSize);
    const captionY = boxTop - CARD.qrBox - CARD.captionGap - 0.88 * CARD.captionSize;
    lines.push(line(caption, boxLeft + (CARD.qrBox - measureText(captionStyle, caption)) / 2, captionY, captionStyle));
    // The quiet zone is the symbol's own white: text keeps a little off it.
    columnRight = boxLeft - CARD.qrGap;
  }

  const body = layoutBody(letter, item, left, columnRight - left, bodyTop - bodyBottom, fonts);
  if (!body) return { ok: false, part: 'item' };
  // The block centred in the height under the rule.
  const offset = bodyTop - (bodyTop - bodyBottom - body.height) / 2;
  for (const placed of body.lines) lines.push({ text: placed.text, runs: placed.runs.map((run) => ({ ...run, y: run.y + offset })) });
  return { ok: true, plan: { lines, rule: { x1: left, x2: right, y: ruleY }, ...(qr ? { qr } : {}) } };
}

interface Body {
  /** Lines with baselines measured down from the block's top (negative). */
  readonly lines: readonly CardLine[];
  readonly height: number;
}

/** The service and its details in `width` × `height`, at the largest size that fits; undefined when none does. */
function layoutBody(letter: Letter, item: LetterItem, x: number, width: number, height: number, fonts: FontMetricsSet): Body | undefined {
  const details: [string, string][] = [];
  if (item.deadline) details.push([t('service-cards.card.deadline'), item.deadline]);
  if (item.owner) details.push([t('service-cards.card.owner'), item.owner]);
  details.push([t('service-cards.card.phone'), letter.supervision.phone]);
  details.push([t('service-cards.card.hotline'), letter.supervision.hotline]);

  for (let size = CARD.contentMax; size >= CARD.contentMin - 1e-9; size -= CARD.step) {
    const detailSize = Math.min(size, CARD.detailMax);
    const lines: CardLine[] = [];
    // Baselines from the block's top down: each line's em box 0.88 above its baseline, 0.12 below.
    let y = 0;
    breakParagraph(item.content, style(fonts.body, size), { width, firstIndent: 0, indent: 0 }).forEach((broken, i) => {
      y -= size * (i === 0 ? 0.88 : CARD.leading);
      lines.push(line(broken.text, x, y, style(fonts.body, size), { width, justify: broken.justify }));
    });
    y -= 0.12 * size + CARD.detailGap + 0.88 * detailSize;
    let first = true;
    for (const [label, value] of details) {
      const styles = (offset: number): TextStyle => style(offset < label.length ? fonts.heading : fonts.body, detailSize);
      for (const broken of breakParagraph(label + value, styles, { width, firstIndent: 0, indent: 0 })) {
        if (!first) y -= detailSize * CARD.leading;
        first = false;
        lines.push(line(broken.text, x, y, (offset) => styles(broken.start + offset), { width, justify: broken.justify }));
      }
    }
    const total = -y + 0.12 * detailSize;
    if (total <= height + 1e-6) return { lines, height: total };
  }
  return undefined;
}

/** The unit's name broken to `width` at the largest size that needs no more than `maxLines` lines. */
function fitUnitName(text: string, metrics: FontMetrics, width: number, maxLines: number): { size: number; lines: BrokenLine[] } | undefined {
  for (let size = CARD.unitMax; size >= CARD.unitMin - 1e-9; size -= CARD.step) {
    const broken = breakParagraph(text, style(metrics, size), { width, firstIndent: 0, indent: 0 });
    if (broken.length <= maxLines) return { size, lines: broken };
  }
  return undefined;
}

function style(metrics: FontMetrics, size: number): TextStyle {
  return { metrics, size, gridAdvance: size };
}

function line(text: string, x: number, y: number, styles: TextStyles, fit?: { readonly width: number; readonly justify: boolean }): CardLine {
  return { text, runs: lineRuns(text, x, y, styles, fit) };
}
