import { writeFile } from 'node:fs/promises';
import { t } from '../core/i18n/translate';
import { CliFailure, EXIT } from './exit-codes';

/** Writes a command's output file; a failure is a {@link CliFailure} (exit 2) naming the file. */
export async function writeOutputFile(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(file, bytes);
  } catch (error) {
    throw new CliFailure(t('cli.write-failed', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), EXIT.unusable);
  }
}
