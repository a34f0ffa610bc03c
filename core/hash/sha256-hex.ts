import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 as lowercase hex. @noble/hashes is audited, has no dependencies and runs the same in
 * Node, Chromium and workers, so core/ needs neither `crypto.subtle` nor `node:crypto`.
 */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}
