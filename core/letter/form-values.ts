import { isRecord } from '../json/is-record';
import { CATEGORY_KEYS, type CategoryKey } from './categories';
import { LETTER_FORMAT, PUBLICITY_KEYS, type Publicity } from './letter-schema';
import { POST_TYPES, type PostType } from '../staff/staff-member';

/**
 * The letter as an editing form holds it: every field a string, nothing missing. A stored
 * letter may be half-written or damaged, so reading is defensive; writing back drops empty
 * optional fields and keeps anything the form does not edit, so saving never loses data.
 */
export interface ItemFormValues {
  category: CategoryKey;
  content: string;
  deadline: string;
  owner: string;
  /** Keys of the item the form does not edit (from a file), written back as they were. */
  extra?: Record<string, unknown>;
}

/** A confirmation that a failing code is nevertheless the unit's real code, bound to that code. */
export interface CreditCodeOverrideValues {
  code: string;
  reason: string;
  confirmedAt: string;
}

export const NO_OVERRIDE: CreditCodeOverrideValues = { code: '', reason: '', confirmedAt: '' };

export interface LetterFormValues {
  kind: 'unit' | 'person';
  year: string;
  title: string;
  statement: string;
  closing: string;
  /** `override` is empty (all '') until someone confirms a code that fails its check. */
  unit: { name: string; creditCode: string; type: string; override: CreditCodeOverrideValues };
  /** `postType` is '' when the letter names none; `idNumber` is the stored number, which the editor shows masked. */
  person: { name: string; position: string; department: string; postType: PostType | ''; idNumber: string };
  items: ItemFormValues[];
  supervision: { phone: string; email: string; hotline: string };
  principal: { name: string; title: string };
  date: string;
  /** 公开类型 of the national record; a letter that names none is public. */
  publicity: Publicity;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

export function toFormValues(letter: unknown): LetterFormValues {
  const l = record(letter);
  const unit = record(l['unit']);
  const person = record(l['person']);
  const supervision = record(l['supervision']);
  const principal = record(l['principal']);
  const items = Array.isArray(l['items']) ? l['items'] : [];
  return {
    kind: l['kind'] === 'person' ? 'person' : 'unit',
    year: text(l['year']),
    title: text(l['title']),
    statement: text(l['statement']),
    closing: text(l['closing']),
    unit: { name: text(unit['name']), creditCode: text(unit['creditCode']), type: text(unit['type']), override: overrideValues(unit['creditCodeOverride']) },
    person: {
      name: text(person['name']),
      position: text(person['position']),
      department: text(person['department']),
      postType: POST_TYPES.find((key) => key === person['postType']) ?? '',
      idNumber: text(person['idNumber']),
    },
    items: items.map((raw) => {
      const item = record(raw);
      const { category: rawCategory, content, deadline, owner, ...extra } = item;
      const category = CATEGORY_KEYS.find((key) => key === rawCategory) ?? 'duty';
      return { category, content: text(content), deadline: text(deadline), owner: text(owner), ...(Object.keys(extra).length > 0 ? { extra } : {}) };
    }),
    supervision: { phone: text(supervision['phone']), email: text(supervision['email']), hotline: text(supervision['hotline']) },
    principal: { name: text(principal['name']), title: text(principal['title']) },
    date: text(l['date']),
    publicity: PUBLICITY_KEYS.find((key) => key === l['publicity']) ?? 'public',
  };
}

function overrideValues(value: unknown): CreditCodeOverrideValues {
  const o = record(value);
  return { code: text(o['code']), reason: text(o['reason']), confirmedAt: text(o['confirmedAt']) };
}

/** A copy without the optional keys the form rewrites, so an emptied one does not come back from the original. */
function without(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

/** Optional fields left empty are omitted, as the letter format expects. */
function optional<K extends string>(key: K, value: string): { [P in K]?: string } {
  return (value.trim() === '' ? {} : { [key]: value }) as { [P in K]?: string };
}

/**
 * The letter to store and validate from the form. `original` is the letter as loaded: keys the
 * form does not edit (the format, a confirmed credit-code override, unknown keys from a file)
 * are carried over unchanged.
 */
export function fromFormValues(values: LetterFormValues, original: unknown): Record<string, unknown> {
  const base = record(original);
  const unit = record(base['unit']);
  const year = values.year.trim();
  const letter: Record<string, unknown> = {
    ...base,
    format: base['format'] ?? LETTER_FORMAT,
    kind: values.kind,
    year: /^\d{1,6}$/.test(year) ? Number(year) : year === '' ? undefined : year,
    ...optional('title', values.title),
    ...optional('statement', values.statement),
    ...optional('closing', values.closing),
    unit: { ...unit, name: values.unit.name, creditCode: values.unit.creditCode, ...optional('type', values.unit.type), creditCodeOverride: values.unit.override },
    items: values.items.map((item) => ({ ...item.extra, category: item.category, content: item.content, ...optional('deadline', item.deadline), ...optional('owner', item.owner) })),
    supervision: { ...without(record(base['supervision']), ['email', 'hotline']), phone: values.supervision.phone, ...optional('email', values.supervision.email), ...optional('hotline', values.supervision.hotline) },
    principal: { ...without(record(base['principal']), ['title']), name: values.principal.name, ...optional('title', values.principal.title) },
    date: values.date,
  };
  // The spread of `base` brought back optional fields the person has just emptied.
  for (const key of ['title', 'statement', 'closing'] as const) if (values[key].trim() === '') delete letter[key];
  const letterUnit = letter['unit'] as Record<string, unknown>;
  if (values.unit.type.trim() === '') delete letterUnit['type'];
  if (Object.values(values.unit.override).every((v) => v.trim() === '')) delete letterUnit['creditCodeOverride'];
  if (letter['year'] === undefined) delete letter['year'];
  // Public is what a letter without the key means: left unsaid, so letters written before the key existed keep their bytes.
  if (values.publicity !== 'public' || base['publicity'] !== undefined) letter['publicity'] = values.publicity;
  if (values.kind === 'person') {
    const { name, position, department, postType, idNumber } = values.person;
    letter['person'] = { name, position, ...optional('department', department), ...optional('postType', postType), ...optional('idNumber', idNumber) };
  }
  else delete letter['person'];
  return letter;
}

/** `items[2].content` → `items.2.content`, the dotted path form libraries use. */
export function toDottedPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}
