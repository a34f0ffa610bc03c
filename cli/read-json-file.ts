import { t } from '../core/i18n/translate';
import { isRecord } from '../core/json/is-record';
import { jsonSyntaxPlace } from '../core/json/json-syntax-place';
import { CliFailure, EXIT } from './exit-codes';
import { readInputFile } from './read-input-file';

/** Reads a file that must hold a JSON object; every other outcome is a {@link CliFailure} (exit 2). */
export async function readJsonObjectFile(file: string): Promise<Record<string, unknown>> {
  // A UTF-8 byte-order mark is common in files saved by Windows editors.
  const text = (await readInputFile(file)).toString('utf8').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliFailure(notJsonMessage(file, text, error), EXIT.unusable);
  }
  if (!isRecord(value)) throw new CliFailure(t('cli.not-object', { file }), EXIT.unusable);
  return value;
}

/** V8's reason is English; a person gets the place to look at, in Chinese. */
function notJsonMessage(file: string, text: string, error: unknown): string {
  const place = jsonSyntaxPlace(text, error);
  switch (place.kind) {
    case 'at':
      return t('cli.not-json-at', { file, line: place.line, column: place.column, char: place.char });
    case 'end':
      return t('cli.not-json-end', { file, line: place.line });
    case 'unknown':
      return t('cli.not-json', { file });
  }
}
