import type { ZipMessageKeys } from '../zip/zip-rejection-message';

/** A reason to refuse a backup, already in words for the user. */
export class BackupRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BackupRejected';
  }
}

/** How a backup words each way the bounded ZIP reader can refuse a file. */
export const BACKUP_ZIP_MESSAGES: ZipMessageKeys = {
  'not-zip': 'backup.error.notZip',
  'trailing-data': 'backup.error.trailingData',
  'stray-data': 'backup.error.strayData',
  'too-many-entries': 'backup.error.tooManyEntries',
  'unsafe-path': 'backup.error.unsafePath',
  'duplicate-entry': 'backup.error.duplicateEntry',
  'encrypted': 'backup.error.encrypted',
  'unsupported-compression': 'backup.error.unsupportedCompression',
  'size-lie': 'backup.error.sizeLie',
  'too-large': 'backup.error.tooLarge',
  'structure-mismatch': 'backup.error.structureMismatch',
  'corrupt-entry': 'backup.error.corruptEntry',
  'crc-mismatch': 'backup.error.crcMismatch',
  'foreign-field': 'backup.error.foreignField',
  'missing-entry': 'backup.error.missingEntry',
  'unlisted-entry': 'backup.error.unlistedEntry',
  'entry-size-mismatch': 'backup.error.entrySizeMismatch',
  'entry-hash-mismatch': 'backup.error.entryHashMismatch',
  'manifest-not-json': 'backup.error.manifestNotJson',
  'missing-format': 'backup.error.missingFormat',
  'unknown-format': 'backup.error.unknownFormat',
  'manifest-invalid': 'backup.error.manifestInvalid',
};
