import { t } from '../../core/i18n/translate';
import { DraftStateError } from './draft-store';
import { errorText } from '../../core/errors/error-text';

/**
 * A failed storage step, worded for the person at the desk: the store's own refusals are already
 * in Chinese; a full disk gets its own advice; anything else keeps its technical text, which the
 * support desk needs.
 */
export function describeStorageError(error: unknown): string {
  if (error instanceof DraftStateError) return error.message;
  // Dexie wraps the browser's error; the name that matters may be on either.
  const names = [errorName(error), errorName((error as { inner?: unknown } | null)?.inner)];
  if (names.includes('QuotaExceededError')) return t('storage.quota');
  return t('storage.other', { reason: errorText(error) });
}

function errorName(value: unknown): string {
  return typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' ? value.name : '';
}
