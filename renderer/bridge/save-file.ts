import type { SaveFileRequest } from '../../core/bridge/desktop-api';
import { t } from '../../core/i18n/translate';
import { toBase64 } from '../shared/to-base64';
import { desktop } from './desktop';
import { errorText } from '../../core/errors/error-text';

/** Saves bytes through the shell ("save as" in Electron, the exports folder on the browser host) and says what happened, in Chinese. */
export async function saveFile(kind: SaveFileRequest['kind'], suggestedName: string, bytes: Uint8Array): Promise<string> {
  try {
    return describeSaved(await desktop.call('files.saveFile', { kind, suggestedName, base64: toBase64(bytes) }));
  } catch (error) {
    return t('ui.save-failed', { reason: errorText(error) });
  }
}

/** What a save through the shell came to, in Chinese: where the file went, or that it was not saved. */
export function describeSaved(result: { saved: boolean; path?: string | undefined }): string {
  return result.saved && result.path ? t('ui.saved-file', { path: result.path }) : t('ui.save-cancelled');
}
