/**
 * Why a ZIP was refused, as a code and its parameters. Callers word it for their own file kind
 * (a backup, a submission package) through `zipRejectionMessage`.
 */
export type ZipProblemCode =
  | 'not-zip'
  | 'trailing-data'
  | 'stray-data'
  | 'too-many-entries'
  | 'unsafe-path'
  | 'duplicate-entry'
  | 'encrypted'
  | 'foreign-field'
  | 'unsupported-compression'
  | 'size-lie'
  | 'too-large'
  | 'structure-mismatch'
  | 'corrupt-entry'
  | 'crc-mismatch'
  | 'missing-entry'
  | 'unlisted-entry'
  | 'entry-size-mismatch'
  | 'entry-hash-mismatch'
  | 'manifest-not-json'
  | 'missing-format'
  | 'unknown-format'
  | 'manifest-invalid';

/** Thrown by the bounded reader; `params` fill the caller's message (`name`, `size`, `max` …). */
export class ZipRejected extends Error {
  constructor(
    readonly code: ZipProblemCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`ZIP refused: ${code}`);
    this.name = 'ZipRejected';
  }
}
