import { t } from '../../core/i18n/translate';
import { isRecord } from '../../core/json/is-record';
import { CliFailure, EXIT } from './exit-codes';
import { readInputFile } from './read-input-file';

/** Reads a file that must hold a JSON object; every other outcome is a {@link CliFailure} (exit 2). */
export async function readJsonObjectFile(file: string): Promise<Record<string, unknown>> {
  const text = (await readInputFile(file)).toString('utf8');
  let value: unknown;
  try {
    // A UTF-8 byte-order mark is common in files saved by Windows editors.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliFailure(t('cli.not-json', { file, reason: (error as Error).message }), EXIT.unusable);
  }
  if (!isRecord(value)) throw new CliFailure(t('cli.not-object', { file }), EXIT.unusable);
  return value;
}
