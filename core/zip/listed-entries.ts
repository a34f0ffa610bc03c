import { sha256Hex } from '../hash/sha256-hex';
import { ZipRejected } from './bounded-unzip';

/** One file as a manifest records it. */
export interface ListedEntry {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Every listed entry present with its size and SHA-256, and nothing present that is not listed
 * (except the manifest itself, which cannot list its own hash).
 *
 * @throws ZipRejected with `missing-entry`, `unlisted-entry`, `entry-size-mismatch` or `entry-hash-mismatch`.
 * @example checkListedEntries(manifest.files, files, 'manifest.json');
 */
export function checkListedEntries(listed: readonly ListedEntry[], files: ReadonlyMap<string, Uint8Array>, manifestName: string): void {
  const names = new Set(listed.map((entry) => entry.name));
  for (const name of files.keys()) {
    if (name !== manifestName && !names.has(name)) throw new ZipRejected('unlisted-entry', { name });
  }
  for (const entry of listed) {
    const bytes = files.get(entry.name);
    if (!bytes) throw new ZipRejected('missing-entry', { name: entry.name });
    if (bytes.byteLength !== entry.size) throw new ZipRejected('entry-size-mismatch', { name: entry.name, actual: bytes.byteLength, expected: entry.size });
    if (sha256Hex(bytes) !== entry.sha256) throw new ZipRejected('entry-hash-mismatch', { name: entry.name });
  }
}
