import { readFile } from 'node:fs/promises';
import { t } from '../core/i18n/translate';
import { CliFailure, EXIT } from './exit-codes';

/** Reads a file named on the command line; a missing or unreadable file is a {@link CliFailure} (exit 2). */
export async function readInputFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliFailure(t('cli.file-missing', { file }), EXIT.unusable);
    throw new CliFailure(t('cli.file-unreadable', { file, reason: code ?? String(error) }), EXIT.unusable);
  }
}
