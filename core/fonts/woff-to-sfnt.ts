import { unzlibSync } from 'fflate';
import type { FontFace } from './font-chains';

/**
 * Unpacks a WOFF 1.0 file into the plain TrueType/OpenType font it wraps: HarfBuzz's subsetter
 * and pdf-lib read only the plain form. Each table is stored zlib-compressed (or as it is when
 * that is not smaller); the tables keep their order, padded to four bytes as the format says.
 * Anything that is not WOFF comes back unchanged.
 */
export function woffToSfnt(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 44 || view.getUint32(0) !== WOFF_SIGNATURE) return bytes;
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    return {
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compLength: view.getUint32(at + 8),
      origLength: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    };
  });
  const headerLength = 12 + 16 * numTables;
  const total = tables.reduce((sum, table) => sum + padded(table.origLength), headerLength);
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  const searchRange = 2 ** Math.floor(Math.log2(numTables)) * 16;
  outView.setUint32(0, flavor);
  outView.setUint16(4, numTables);
  outView.setUint16(6, searchRange);
  outView.setUint16(8, Math.floor(Math.log2(numTables)));
  outView.setUint16(10, numTables * 16 - searchRange);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const stored = bytes.subarray(table.offset, table.offset + table.compLength);
    const data = table.compLength < table.origLength ? unzlibSync(stored) : stored;
    if (data.byteLength !== table.origLength) throw new Error(`WOFF table ${i} unpacks to ${data.byteLength} bytes, not ${table.origLength}`);
    const entry = 12 + i * 16;
    outView.setUint32(entry, table.tag);
    outView.setUint32(entry + 4, table.checksum);
    outView.setUint32(entry + 8, offset);
    outView.setUint32(entry + 12, table.origLength);
    out.set(data, offset);
    offset += padded(table.origLength);
  });
  return out;
}

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

function padded(length: number): number {
  return (length + 3) & ~3;
}

/** A bundled face whose WOFF is unpacked (a few hundred ms for LXGW WenKai) only when a letter draws from it. */
export function lazilyUnpacked(postscriptName: string, file: Uint8Array): FontFace {
  let bytes: Uint8Array | undefined;
  return {
    postscriptName,
    index: 0,
    get bytes() {
      bytes ??= woffToSfnt(file);
      return bytes;
    },
  };
}
