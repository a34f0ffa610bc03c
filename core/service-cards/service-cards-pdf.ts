import type { PDFPage } from 'pdf-lib';
import { t } from '../i18n/translate';
import { PAGE } from '../layout/page-geometry';
import { categoryName } from '../letter/categories';
import { findUncoveredCharacters } from '../letter/character-coverage';
import { fieldLabel, formatPath, type FieldPath } from '../letter/field-path';
import { itemNumbers, printOrder } from '../letter/item-numbers';
import type { Letter, LetterItem } from '../letter/letter-schema';
import { letterTitle } from '../letter/letter-title';
import type { Problem, ProblemCode } from '../letter/problem';
import { validateLetter } from '../letter/validate-letter';
import type { DocumentFonts } from '../pdf/document-fonts';
import { qrSymbolOps } from '../pdf/qr-symbol';
import { addBlankPage, createTextDocument, describeDocument, drawRuns, embedFaces, round, saveDocument } from '../pdf/text-document';
import { layoutCard, LEGIBLE_MINIMUM, qrFitsCard, type CardPlan } from './card-layout';
import { cardBox, cropMarks, MARK, SHEET } from './card-sheet';

export type ServiceCardsResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly cards: number; readonly sheets: number; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface ServiceCardsOptions {
  /** The letter's public address, for the QR code; without it the cards carry none. */
  readonly url?: string | undefined;
}

/**
 * `input` checked as `pledge render` checks a letter (the schema, and every character against the
 * document fonts), then its service cards as renderServiceCardsPdf makes them.
 */
export async function serviceCardsFromInput(input: unknown, fonts: DocumentFonts, options: ServiceCardsOptions = {}): Promise<ServiceCardsResult> {
  const validation = validateLetter(input, { allowSampleContent: true });
  const uncovered = findUncoveredCharacters(validation.ok ? validation.letter : input, (cp) => fonts.covers(cp));
  if (!validation.ok || uncovered.length > 0) return { ok: false, problems: [...validation.problems.filter((p) => p.severity === 'error'), ...uncovered] };
  const cards = await renderServiceCardsPdf(validation.letter, fonts, options);
  return cards.ok ? { ...cards, warnings: validation.problems } : cards;
}

/**
 * The 政务承诺服务卡 of a letter: one 90 × 54 mm card per service item (category `service`, in the
 * letter's order), ten to an A4 sheet with crop marks, in the letter's faces, with a vector QR
 * code to `url` when given. A letter without service items, an item or unit name too long for a
 * card at the legible minimum, or an address too long for a scannable code is refused with
 * problems naming it. The same letter and address give the same bytes (the letter's date, never the clock).
 *
 * @example const result = await renderServiceCardsPdf(letter, fonts, { url: 'https://credit.example.gov.cn/public/2026/…' });
 */
export async function renderServiceCardsPdf(letter: Letter, fonts: DocumentFonts, options: ServiceCardsOptions = {}): Promise<ServiceCardsResult> {
  const url = options.url?.trim() || undefined;
  const services = printOrder(letter.items).filter((index) => letter.items[index]?.category === 'service');
  if (services.length === 0) return refused(['items'], 'too-few-items', t('service-cards.problem.no-service-items', { category: categoryName('service') }));
  if (url !== undefined && !qrFitsCard(url)) {
    return { ok: false, problems: [{ path: 'url', field: t('service-cards.field.address'), code: 'too-long', severity: 'error', message: t('service-cards.problem.address-too-long', { n: url.length }) }] };
  }

  const numbers = itemNumbers(letter.items);
  const plans: CardPlan[] = [];
  const problems: Problem[] = [];
  for (const [position, index] of services.entries()) {
    const fit = layoutCard(letter, letter.items[index] as LetterItem, cardBox(position), fonts.metrics, url);
    if (fit.ok) {
      plans.push(fit.plan);
      continue;
    }
    const path: FieldPath = fit.part === 'unit' ? ['unit', 'name'] : ['items', index, 'content'];
    if (fit.part === 'unit' && problems.some((p) => p.path === 'unit.name')) continue;
    const field = fieldLabel(fit.part === 'unit' ? path : ['items', index], (i) => numbers[i] ?? i + 1);
    problems.push({ path: formatPath(path), field, code: 'too-long', severity: 'error', message: t('service-cards.problem.too-long', { field, size: LEGIBLE_MINIMUM }) });
  }
  if (problems.length > 0) return { ok: false, problems };

  const doc = await createTextDocument(fonts.deflate);
  const faces = await embedFaces(doc, plans.flatMap((plan) => plan.lines.flatMap((line) => line.runs)), fonts, 'subset');
  const sheets = Math.ceil(plans.length / SHEET.perSheet);
  for (let sheet = 0; sheet < sheets; sheet += 1) {
    const cards = plans.slice(sheet * SHEET.perSheet, (sheet + 1) * SHEET.perSheet);
    const page = addBlankPage(doc, PAGE.width, PAGE.height);
    drawRuns(page, cards.flatMap((plan) => plan.lines.flatMap((line) => line.runs)), faces);
    drawMarks(page, cards, url);
  }

  const title = letterTitle(letter);
  describeDocument(doc, {
    title: t('service-cards.document.title', { title }),
    author: letter.unit.name,
    subject: t('service-cards.document.subject', { unit: letter.unit.name, count: plans.length }),
    date: new Date(`${letter.date}T00:00:00+08:00`),
  });
  return { ok: true, bytes: await saveDocument(doc), cards: plans.length, sheets, warnings: [] };
}

/** The sheet's crop marks, each card's rule and QR symbol, as one content stream of plain operators. */
function drawMarks(page: PDFPage, cards: readonly CardPlan[], url: string | undefined): void {
  const ops: string[] = ['q', `${MARK.thickness} w`, '0 G'];
  for (const mark of cropMarks()) ops.push(`${round(mark.x1)} ${round(mark.y1)} m ${round(mark.x2)} ${round(mark.y2)} l S`);
  ops.push('0.6 w', '0.62 0.11 0.11 RG');
  for (const { rule } of cards) ops.push(`${round(rule.x1)} ${round(rule.y)} m ${round(rule.x2)} ${round(rule.y)} l S`);
  ops.push('0 g');
  for (const { qr } of cards) if (qr && url !== undefined) ops.push(...qrSymbolOps(url, qr).ops);
  ops.push('Q');
  const { context } = page.doc;
  page.node.addContentStream(context.register(context.flateStream(ops.join('\n'))));
}

function refused(path: FieldPath, code: ProblemCode, message: string): ServiceCardsResult {
  return { ok: false, problems: [{ path: formatPath(path), field: fieldLabel(path), code, severity: 'error', message }] };
}
