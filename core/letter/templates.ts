import { validateLetter } from './validate-letter';
import { CATEGORY_KEYS, type CategoryKey } from './categories';
import type { Letter, LetterInput, LetterItem } from './letter-schema';
import { PERSON_TEMPLATE, UNIT_TEMPLATES, unitStatement, UNIT_CLOSING } from './template-content';

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

function personLetter(options: TemplateOptions): LetterInput {
  const tpl = PERSON_TEMPLATE;
  return {
    format: 'pledge-letter/1',
    kind: 'person',
    year: options.year,
    unit: { ...tpl.unit },
    person: { ...tpl.person },
    statement: tpl.statement,
    items: tpl.items(options.year),
    closing: tpl.closing,
    supervision: { phone: tpl.phone, email: tpl.email, hotline: '12345' },
    // A civil servant signs their own letter.
    principal: { name: tpl.person.name, title: tpl.principalTitle },
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
  const input = key === 'person' ? personLetter(options) : unitLetter(key, options);
  const result = validateLetter(input, { allowSampleContent: true });
  if (!result.ok) {
    throw new Error(`Template "${key}" is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
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
  for (const key of TEMPLATE_KEYS) {
    for (const item of letterFromTemplate(key, { year }).items) {
      if (!byCategory[item.category].some((known) => known.content === item.content)) byCategory[item.category].push(item);
    }
  }
  return byCategory;
}
