import type { Letter } from '../../core/letter/letter-schema';
import { letterFromTemplate, type TemplateKey, type TemplateOptions } from '../../core/letter/templates';

/** A unit's own details, to stand where the templates hold their samples; the code passes its check. */
export const OWN_UNIT = {
  name: '松岭县政务服务中心',
  creditCode: '122399214012771583',
  principal: '周文斌',
  person: '吴晓燕',
  phone: '0459-6234501',
  email: 'zwzx@songling.gov.cn',
} as const;

/**
 * A template letter with the unit's own details in place of the samples, as a clerk would
 * submit it: valid with no problems at all.
 */
export function ownLetter(key: TemplateKey = 'key-task', options: TemplateOptions = { year: 2026 }): Letter {
  const sample = letterFromTemplate(key, options);
  const renamed = (text: string) => text.split(sample.unit.name).join(OWN_UNIT.name);
  const own = {
    ...sample,
    unit: { ...sample.unit, name: OWN_UNIT.name, creditCode: OWN_UNIT.creditCode },
    statement: renamed(sample.statement ?? ''),
    items: sample.items.map((item) => ({ ...item, content: renamed(item.content) })),
    supervision: { ...sample.supervision, phone: OWN_UNIT.phone, email: OWN_UNIT.email },
    principal: { ...sample.principal, name: sample.kind === 'person' ? OWN_UNIT.person : OWN_UNIT.principal },
  };
  return own.kind === 'person' ? { ...own, person: { ...own.person, name: OWN_UNIT.person } } : own;
}

/** A valid letter as plain JSON, to break one field at a time. */
export function validLetterJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(ownLetter('key-task'))) as Record<string, unknown>;
}

/** Sets `path` (keys and indexes) in a JSON object, creating nothing: the parent must exist. */
export function withValue(json: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** `depth` arrays inside each other, built without recursion. */
export function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i += 1) value = [value];
  return value;
}
