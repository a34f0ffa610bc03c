import { t } from '../../core/i18n/translate';
import { desktop } from '../bridge/desktop';
import { toBase64 } from '../shared/to-base64';
import { errorText } from '../../core/errors/error-text';

/**
 * Prints through the system's PDF viewer, which knows the printer; where the host has none to
 * open (the browser host), the browser's own viewer opens in a new tab with its print button.
 */
export async function printPdf(bytes: Uint8Array, suggestedName: string): Promise<string> {
  try {
    const result = await desktop.call('files.openPdf', { suggestedName, base64: toBase64(bytes) });
    if (result.opened) return t('ui.print.opened');
    const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/pdf' }));
    window.open(url, '_blank', 'noopener');
    // The new tab keeps its own reference; this one is no longer needed after it loads.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return t('ui.print.tab');
  } catch (error) {
    return t('ui.print.failed', { reason: errorText(error) });
  }
}
