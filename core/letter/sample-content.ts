import { isRecord } from '../json/is-record';
import { normalizeCreditCode } from './credit-code';
import type { FieldPath } from './field-path';
import { PERSON_TEMPLATES, UNIT_TEMPLATES } from './template-content';
import { foldWidth } from './text-shapes';

/**
 * Template content left in a letter. The sample set is read from the template definitions, so a
 * new template is covered without a second list; a value counts as sample only when it equals
 * the template's, so a letter filled from the unit's own details passes.
 */
export type SampleFinding =
  /** A field still holding the template's value. */
  | { readonly kind: 'value'; readonly path: FieldPath; readonly value: string }
  /** An e-mail address on a domain reserved for examples, which takes no mail. */
  | { readonly kind: 'email-domain'; readonly path: FieldPath; readonly value: string }
  /** Free text that still names a sample unit, person, phone or e-mail address. */
  | { readonly kind: 'text'; readonly path: FieldPath; readonly value: string };

const unitTemplates = Object.values(UNIT_TEMPLATES);
const compactPhone = (value: string) => foldWidth(value).replace(/[\s\-－—]/gu, '');

const SAMPLE_NAMES = new Set(unitTemplates.map((tpl) => tpl.unit.name));
const SAMPLE_CODES = new Set(unitTemplates.map((tpl) => tpl.unit.creditCode));
const SAMPLE_PEOPLE = new Set([...unitTemplates.map((tpl) => tpl.principal.name), ...Object.values(PERSON_TEMPLATES).map((tpl) => tpl.person.name)]);
const SAMPLE_PHONES = new Set(unitTemplates.map((tpl) => compactPhone(tpl.phone)));
const SAMPLE_EMAILS = new Set(unitTemplates.map((tpl) => tpl.email));

/** Longest first, so a leftover is named by the longest sample it holds. */
const SAMPLE_PHRASES = [...SAMPLE_NAMES, ...SAMPLE_PEOPLE, ...unitTemplates.map((tpl) => tpl.phone), ...SAMPLE_EMAILS].sort((a, b) => b.length - a.length);

/** RFC 2606 names: no real office has an address there. */
const EXAMPLE_DOMAIN = /@(?:[^@\s]+\.)?example\.(?:com|org|net)$|@[^@\s]+\.(?:example|test|invalid)$/iu;

/**
 * Every piece of template content still in a letter as typed (valid or not).
 *
 * @example sampleFindings(letterFromTemplate('service', { year: 2026 }))[0] // { kind: 'value', path: ['unit', 'name'], value: '青山县政务服务中心' }
 */
export function sampleFindings(letter: Record<string, unknown>): SampleFinding[] {
  const findings: SampleFinding[] = [];
  const unit = record(letter['unit']);
  const person = record(letter['person']);
  const principal = record(letter['principal']);
  const supervision = record(letter['supervision']);
  const sameAs = (path: FieldPath, raw: unknown, samples: ReadonlySet<string>, normalise: (v: string) => string = (v) => v.trim()) => {
    if (typeof raw === 'string' && samples.has(normalise(raw))) findings.push({ kind: 'value', path, value: raw.trim() });
  };
  sameAs(['unit', 'name'], unit['name'], SAMPLE_NAMES);
  sameAs(['unit', 'creditCode'], unit['creditCode'], SAMPLE_CODES, normalizeCreditCode);
  if (letter['kind'] === 'person') sameAs(['person', 'name'], person['name'], SAMPLE_PEOPLE);
  sameAs(['principal', 'name'], principal['name'], SAMPLE_PEOPLE);
  sameAs(['supervision', 'phone'], supervision['phone'], SAMPLE_PHONES, compactPhone);
  const email = supervision['email'];
  if (typeof email === 'string') {
    const folded = foldWidth(email);
    if (SAMPLE_EMAILS.has(folded)) findings.push({ kind: 'value', path: ['supervision', 'email'], value: folded });
    else if (EXAMPLE_DOMAIN.test(folded)) findings.push({ kind: 'email-domain', path: ['supervision', 'email'], value: folded });
  }
  for (const [path, text] of freeText(letter)) {
    const phrase = SAMPLE_PHRASES.find((p) => text.includes(p));
    if (phrase !== undefined) findings.push({ kind: 'text', path, value: phrase });
  }
  return findings;
}

/** The fields where a person writes sentences, and so where a sample can hide. */
function freeText(letter: Record<string, unknown>): [FieldPath, string][] {
  const out: [FieldPath, string][] = [];
  for (const key of ['title', 'statement', 'closing'] as const) {
    const value = letter[key];
    if (typeof value === 'string') out.push([[key], value]);
  }
  const items = Array.isArray(letter['items']) ? letter['items'] : [];
  items.forEach((raw, index) => {
    const item = record(raw);
    for (const key of ['content', 'owner'] as const) {
      const value = item[key];
      if (typeof value === 'string') out.push([['items', index, key], value]);
    }
  });
  return out;
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
