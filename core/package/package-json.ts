import { strToU8 } from 'fflate';

/**
 * The one way a package writes JSON (two-space indent, a final newline, UTF-8 without BOM), so the
 * check can demand that `letter.json` and `credit-record.json` are byte for byte what it would write.
 *
 * @example strFromU8(packageJson({ a: 1 })) // '{\n  "a": 1\n}\n'
 */
export function packageJson(value: unknown): Uint8Array {
  return strToU8(`${JSON.stringify(value, null, 2)}\n`);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
