/** CRC-32 (IEEE 802.3, the ZIP checksum); fflate computes it but does not export it. */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * A running CRC-32: feed chunks in order, read the value at the end.
 *
 * @example const crc = crc32(); crc.update(strToU8('123456789')); crc.value() // 0xcbf43926
 */
export function crc32(): { update(chunk: Uint8Array): void; value(): number } {
  let c = 0xffffffff;
  return {
    update(chunk) {
      for (let i = 0; i < chunk.length; i++) c = TABLE[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
    },
    value: () => (c ^ 0xffffffff) >>> 0,
  };
}
