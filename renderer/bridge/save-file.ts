import type { SaveFileRequest } from '../../core/bridge/desktop-api';
import { t } from '../../core/i18n/translate';
import { toBase64 } from '../pdf/to-base64';
import { desktop } from './desktop';

/** Saves bytes through the shell ("save as" in Electron, the exports folder on the browser host) and says what happened, in Chinese. */
export async function saveFile(kind: SaveFileRequest['kind'], suggestedName: string, bytes: Uint8Array): Promise<string> {
  try {
    const result = await desktop.call('files.saveFile', { kind, suggestedName, base64: toBase64(bytes) });
    return result.saved && result.path ? t('ui.saved-file', { path: result.path }) : t('ui.save-cancelled');
  } catch (error) {
    return t('ui.save-failed', { reason: error instanceof Error ? error.message : String(error) });
  }
}
