import { letterFromTemplate } from '../../../core/letter/templates';

/** A valid letter as plain JSON, to break one field at a time. */
export function validLetterJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(letterFromTemplate('key-task', { year: 2026 }))) as Record<string, unknown>;
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
