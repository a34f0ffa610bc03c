import { strFromU8 } from 'fflate';

/**
 * UTF-8 bytes parsed as JSON, or `undefined` when they are not JSON: for files read out of an
 * archive, where "not JSON" is a reason to give the user rather than an exception.
 *
 * @example parseJsonBytes(strToU8('{"a":1}')) // { a: 1 }
 */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    return undefined;
  }
}
