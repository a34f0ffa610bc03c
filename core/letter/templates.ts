import { validateLetter } from './validate-letter';
import { CATEGORY_KEYS, type CategoryKey } from './categories';
import { LIMITS, type Letter, type LetterInput, type LetterItem } from './letter-schema';
import { PERSON_TEMPLATE, PERSON_TEMPLATES, UNIT_TEMPLATES, unitStatement, UNIT_CLOSING } from './template-content';
import { POST_TYPES, type PostType } from '../staff/staff-member';

/**
 * Ready letters so a unit starts from a realistic example rather than a blank page. The sample
 * unit, code, people, phone and e-mail are placeholders (`template-content.ts`): a letter still
 * holding them validates only with `allowSampleContent`, so it previews but cannot go to review.
 */

export const TEMPLATE_KEYS = ['key-task', 'policy', 'contract', 'service', 'duty', 'person'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface TemplateOptions {
  /** The commitment year, e.g. 2026. */
  readonly year: number;
  /** 成文日期 as `YYYY-MM-DD`; defaults to 20 April of the year, before the 1 May deadline. */
  readonly date?: string;
}

function unitLetter(key: CategoryKey, options: TemplateOptions): LetterInput {
  const tpl = UNIT_TEMPLATES[key];
  return {
    format: 'pledge-letter/1',
    kind: 'unit',
    year: options.year,
    unit: { ...tpl.unit },
    statement: unitStatement(tpl.unit.name, tpl.focus),
    items: tpl.items(options.year),
    closing: tpl.closing ?? UNIT_CLOSING,
    supervision: { phone: tpl.phone, email: tpl.email, hotline: '12345' },
    principal: { ...tpl.principal },
    date: options.date ?? `${options.year}-04-20`,
  };
}

function personLetter(postType: PostType, options: TemplateOptions): LetterInput {
  const tpl = PERSON_TEMPLATES[postType];
  const sample = PERSON_TEMPLATE;
  return {
    format: 'pledge-letter/1',
    kind: 'person',
    year: options.year,
    unit: { ...sample.unit },
    person: { ...tpl.person, postType },
    statement: tpl.statement,
    items: tpl.items(options.year),
    closing: tpl.closing,
    supervision: { phone: sample.phone, email: sample.email, hotline: '12345' },
    principal: personSigner(tpl.person),
    date: options.date ?? `${options.year}-04-20`,
  };
}

/**
 * A ready letter for one template, valid but for its sample content (which
 * `core/profile/apply-profile.ts` replaces with the unit's own). Throws only if the template
 * itself is broken, which the tests guard against.
 *
 * @example letterFromTemplate('service', { year: 2026 }).unit.name // '青山县政务服务中心'
 */
export function letterFromTemplate(key: TemplateKey, options: TemplateOptions): Letter {
  return checkedTemplate(key, key === 'person' ? personLetter('window', options) : unitLetter(key, options));
}

/**
 * The personal template for one 岗位类别, the sample civil servant in the sample unit; `person` is
 * the window one.
 *
 * @example personTemplateLetter('enforcement', { year: 2026 }).items[0].content // '亮证执法，…'
 */
export function personTemplateLetter(postType: PostType, options: TemplateOptions): Letter {
  return checkedTemplate(`person/${postType}`, personLetter(postType, options));
}

/**
 * A civil servant signs their own letter, under their post when it fits the signer's title (a
 * 职务 may be longer than a 主要负责人职务; the PDF prints the post from \`person\` anyway).
 *
 * @example personSigner({ name: '周文静', position: '科员' }) // { name: '周文静', title: '科员' }
 */
export function personSigner(person: { readonly name: string; readonly position: string }): { name: string; title?: string } {
  const title = person.position.trim();
  return title !== '' && title.length <= LIMITS.principalTitle ? { name: person.name, title } : { name: person.name };
}

function checkedTemplate(name: string, input: LetterInput): Letter {
  const result = validateLetter(input, { allowSampleContent: true });
  if (!result.ok) {
    throw new Error(`Template "${name}" is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  return result.letter;
}

export function isTemplateKey(value: string): value is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(value);
}

/**
 * Every item the templates offer, by category, without duplicates: the snippets a clerk can insert
 * instead of typing a common commitment from scratch.
 */
export function itemSnippets(year: number): Record<CategoryKey, LetterItem[]> {
  const byCategory = Object.fromEntries(CATEGORY_KEYS.map((key) => [key, [] as LetterItem[]])) as Record<CategoryKey, LetterItem[]>;
  const letters = [...TEMPLATE_KEYS.map((key) => letterFromTemplate(key, { year })), ...POST_TYPES.map((postType) => personTemplateLetter(postType, { year }))];
  for (const letter of letters) {
    for (const item of letter.items) {
      if (!byCategory[item.category].some((known) => known.content === item.content)) byCategory[item.category].push(item);
    }
  }
  return byCategory;
}
