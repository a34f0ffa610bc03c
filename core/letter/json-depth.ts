import type { FieldPath } from './field-path';

/**
 * How deep a letter's values may nest, counting the letter itself: a letter needs three levels
 * (letter → `unit` → `creditCodeOverride`, letter → `items` → one item); the rest is room for
 * honest mistakes that the schema then names field by field.
 */
export const MAX_LETTER_DEPTH = 16;

/** How much of the path to a too-deep value is reported: enough to name the field, not 100 000 brackets. */
const REPORTED_SEGMENTS = 3;

/**
 * Looks for an array or object nested deeper than `maxDepth`, without recursion, so a file of
 * 100 000 nested arrays is measured instead of overflowing the stack of whatever walks it next
 * (zod, the coverage check, the layout). Returns the first few keys of the path to the first such
 * value in document order, or `undefined` when every value is shallow enough.
 *
 * @example findTooDeep({ statement: [[[]]] }, 2) // ['statement', 0]
 */
export function findTooDeep(value: unknown, maxDepth: number = MAX_LETTER_DEPTH): FieldPath | undefined {
  const pending: { value: unknown; depth: number; path: FieldPath }[] = [{ value, depth: 1, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth > maxDepth) return next.path;
    const entries: [PropertyKey, unknown][] = Array.isArray(next.value) ? next.value.map((v, i) => [i, v]) : Object.entries(next.value);
    // Pushed last to first, so values come off the stack in document order.
    for (const [key, child] of entries.reverse()) {
      const path = next.path.length < REPORTED_SEGMENTS ? [...next.path, key] : next.path;
      pending.push({ value: child, depth: next.depth + 1, path });
    }
  }
  return undefined;
}
