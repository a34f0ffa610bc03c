import { strToU8 } from 'fflate';

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the bytes a receipt's signature is made over, the
 * same on the platform that signs and in every program that checks.
 *
 * JCS is defined on ECMAScript's own serialisation: strings and numbers exactly as JSON.stringify
 * writes them, object members sorted by their names' UTF-16 code units (what Array#sort does by
 * default), no whitespace. So this is a sort and JSON.stringify, applied all the way down.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // JCS has no spelling for them; JSON.stringify would quietly write null.
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number.`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>).filter(([, member]) => member !== undefined);
    members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} is not JSON.`);
}

/** {@link canonicalJson} as UTF-8, what is signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return strToU8(canonicalJson(value));
}
