import { strFromU8, strToU8 } from 'fflate';

/*
 * Tools to forge ZIPs the way an attacker or a damaged disk would: what the headers declare is
 * rewritten without touching the data. Shared by the backup and package tests.
 */

/** Where an entry's local header and central-directory record sit in a ZIP. */
export function headersOf(zip: Uint8Array, name: string): { local: number; central: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const find = (signature: number, nameAt: number, lengthAt: number) => {
    for (let i = 0; i + nameAt < zip.length; i++) {
      if (view.getUint32(i, true) !== signature) continue;
      const length = view.getUint16(i + lengthAt, true);
      if (strFromU8(zip.subarray(i + nameAt, i + nameAt + length)) === name) return i;
    }
    throw new Error(`no header for ${name}`);
  };
  return { local: find(0x04034b50, 30, 26), central: find(0x02014b50, 46, 28) };
}

/** Writes what the ZIP declares about an entry, in both headers, as a forger would. */
export function declare(zip: Uint8Array, name: string, fields: { originalSize?: number; compression?: number; name?: string }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { local, central } = headersOf(out, name);
  if (fields.originalSize !== undefined) {
    view.setUint32(local + 22, fields.originalSize, true);
    view.setUint32(central + 24, fields.originalSize, true);
  }
  if (fields.compression !== undefined) {
    view.setUint16(local + 8, fields.compression, true);
    view.setUint16(central + 10, fields.compression, true);
  }
  if (fields.name !== undefined) {
    out.set(strToU8(fields.name), local + 30);
    out.set(strToU8(fields.name), central + 46);
  }
  return out;
}

