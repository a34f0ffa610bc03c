import { t } from '../i18n/translate';
import { categoryName } from '../letter/categories';
import { printOrder } from '../letter/item-numbers';
import type { Letter, LetterItem } from '../letter/letter-schema';
import { letterTitle } from '../letter/letter-title';
import { paragraphHeading } from '../letter/paragraph-headings';
import type { FontRole } from '../fonts/font-roles';
import type { LineRole } from './page-plan';

/**
 * The letter as a sequence of blocks in reading order: which words, in which face, with which
 * indent. Where each block lands on a page is pagination's business.
 */
export type Block =
  /** `name` is the unit's or the person's, which a title keeps on one line where it can. */
  | { readonly kind: 'title'; readonly text: string; readonly name: string }
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'paragraph';
      readonly role: Exclude<LineRole, 'title' | 'signature'>;
      readonly text: string;
      /** The role each stretch is set in, ascending by where it starts (the first at 0). */
      readonly fonts: readonly FontSpan[];
      /** Indent of the first line in grid cells; following lines start at the margin. */
      readonly indentCells: number;
    }
  | { readonly kind: 'signature'; readonly signer: string; readonly unitLine: string | null; readonly unitName: string | null; readonly date: string };

/** From UTF-16 offset `from` on, a paragraph is set in `role`. */
export interface FontSpan {
  readonly from: number;
  readonly role: FontRole;
}

/** Paragraphs are indented two characters (GB/T 9704). */
const PARAGRAPH_INDENT = 2;

/** @example formatLetterDate('2026-04-20') // '2026年4月20日' */
export function formatLetterDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return t('pdf.date', { year: year ?? '', month: month ?? '', day: day ?? '' });
}

export function letterBlocks(letter: Letter): Block[] {
  const name = letter.kind === 'person' ? letter.person.name : letter.unit.name;
  const blocks: Block[] = [{ kind: 'title', text: letterTitle(letter), name }, { kind: 'blank' }];
  const info = (text: string): Block => ({ kind: 'paragraph', role: 'info', text, fonts: BODY, indentCells: 0 });
  const body = (text: string, role: 'body' | 'item' = 'body'): Block => ({ kind: 'paragraph', role, text, fonts: BODY, indentCells: PARAGRAPH_INDENT });

  if (letter.kind === 'person') {
    // Only what identifies the person on paper: the ID number goes to the national record, never into the PDF.
    const { name: personName, position, department } = letter.person;
    blocks.push(info(t('pdf.person', { name: personName })), info(t('pdf.person.position', { value: position })));
    blocks.push(info(t('pdf.person.unit', { value: letter.unit.name })));
    if (department) blocks.push(info(t('pdf.person.department', { value: department })));
  } else {
    blocks.push(info(t('pdf.unit', { value: letter.unit.name })));
  }
  blocks.push(info(t('pdf.credit-code', { value: letter.unit.creditCode })));
  if (letter.kind === 'unit') {
    const { name, title } = letter.principal;
    blocks.push(info(title ? t('pdf.principal.titled', { name, title }) : t('pdf.principal', { name })));
  }
  blocks.push(info(t('pdf.year', { year: letter.year })));

  for (const paragraph of paragraphs(letter.statement)) blocks.push(written(paragraph));

  // Items are counted through the sections (item-numbers.ts), so a number names one item everywhere.
  let ordinal = 0;
  let previous: LetterItem['category'] | undefined;
  printOrder(letter.items).forEach((index, position) => {
    const item = letter.items[index] as LetterItem;
    if (letter.kind === 'unit' && item.category !== previous) {
      const heading = t('pdf.heading', { ordinal: t('pdf.ordinals').charAt(ordinal), name: categoryName(item.category) });
      ordinal += 1;
      blocks.push({ kind: 'paragraph', role: 'heading', text: heading, fonts: HEADING, indentCells: PARAGRAPH_INDENT });
    }
    previous = item.category;
    blocks.push(body(itemText(item, position + 1, letter.kind), 'item'));
  });

  for (const paragraph of paragraphs(letter.closing)) blocks.push(written(paragraph));
  blocks.push(body(supervisionText(letter.supervision)));

  blocks.push({
    kind: 'signature',
    signer: t(letter.kind === 'person' ? 'pdf.sign.person' : 'pdf.sign.principal'),
    unitLine: letter.kind === 'person' ? null : t('pdf.sign.unit', { value: letter.unit.name }),
    unitName: letter.kind === 'person' ? null : letter.unit.name,
    date: formatLetterDate(letter.date),
  });
  return blocks;
}

const BODY: readonly FontSpan[] = [{ from: 0, role: 'body' }];
const HEADING: readonly FontSpan[] = [{ from: 0, role: 'heading' }];

/**
 * A paragraph the letter's writer typed: one opened by `一、` or `（一）` is a heading in 黑体 or
 * 楷体 (paragraph-headings.ts), the body text of a run-in heading in the body face again.
 */
function written(text: string): Block {
  const heading = paragraphHeading(text);
  if (heading === null) return { kind: 'paragraph', role: 'body', text, fonts: BODY, indentCells: PARAGRAPH_INDENT };
  const fonts: FontSpan[] = [{ from: 0, role: heading.level === 1 ? 'heading' : 'subheading' }];
  if (heading.end < text.length) fonts.push({ from: heading.end, role: 'body' });
  return { kind: 'paragraph', role: heading.end < text.length ? 'body' : 'heading', text, fonts, indentCells: PARAGRAPH_INDENT };
}

function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** An item as the letter prints it, numbered `n`: the portal page and the poster say it in the same words. */
export function itemText(item: Pick<LetterItem, 'content' | 'deadline' | 'owner'>, n: number, kind: Letter['kind']): string {
  const details = [
    item.deadline ? t('pdf.item.deadline', { value: item.deadline }) : null,
    item.owner ? t(kind === 'person' ? 'pdf.item.owner.person' : 'pdf.item.owner', { value: item.owner }) : null,
  ].filter((d): d is string => d !== null);
  const suffix = details.length > 0 ? t('pdf.item.details', { details: details.join(t('pdf.detail-separator')) }) : '';
  return t('pdf.item', { n, content: item.content }) + suffix;
}

function supervisionText(supervision: Letter['supervision']): string {
  const channels = [
    t('pdf.supervision.phone', { value: supervision.phone }),
    supervision.email ? t('pdf.supervision.email', { value: supervision.email }) : null,
    t('pdf.supervision.hotline', { value: supervision.hotline }),
  ].filter((c): c is string => c !== null);
  return t('pdf.supervision.intro') + channels.join(t('pdf.detail-separator')) + t('pdf.supervision.end');
}
