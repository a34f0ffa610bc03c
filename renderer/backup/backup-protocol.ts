import type { BackupContents, ReadBackupResult } from '../../core/backup/backup-file';

/** Messages between the UI and the backup worker. */
export type BackupJob =
  | { readonly kind: 'write'; readonly contents: BackupContents; readonly exportedAt: number; readonly appVersion: string }
  | { readonly kind: 'read'; readonly bytes: Uint8Array; /** The UI's clock, so the reading and the import plan agree on what "now" is. */ readonly now: number };

export type BackupReply =
  | { readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly kind: 'written'; readonly bytes: Uint8Array }
  | { readonly kind: 'read'; readonly result: ReadBackupResult }
  | { readonly kind: 'failed'; readonly error: string };
