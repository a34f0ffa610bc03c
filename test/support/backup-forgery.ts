import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { BackupManifest } from '../../core/backup/backup-format';
import { sha256Hex } from '../../core/hash/sha256-hex';

/*
 * Forges a backup the way someone who read the format would: the files of a real backup are
 * changed and the manifest is listed again, so every entry matches it and only the change is wrong.
 * Shared by the core and renderer backup tests.
 */

export type BackupFiles = Record<string, Uint8Array>;

export function forgeBackup(zip: Uint8Array, change: (files: BackupFiles) => void): Uint8Array {
  const files: BackupFiles = unzipSync(zip);
  change(files);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as BackupManifest;
  manifest.entries = Object.entries(files)
    .filter(([name]) => name !== 'manifest.json')
    .map(([name, bytes]) => ({ name, size: bytes.length, sha256: sha256Hex(bytes) }));
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files as Zippable);
}

/** Rewrites one table's rows in place. */
export function editRows(files: BackupFiles, table: string, change: (rows: Record<string, unknown>[]) => void): void {
  const name = `tables/${table}.json`;
  const rows = JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>[];
  change(rows);
  files[name] = strToU8(JSON.stringify(rows));
}
