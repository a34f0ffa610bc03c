import { t } from '../../core/i18n/translate';
import type { SubmissionDetails } from '../../core/outbox/outbox-item';
import type { Receipt } from '../../core/protocol/reference-protocol';
import { saveFile } from '../bridge/save-file';
import { renderReceiptInWorker } from '../pdf/pdf-renderer';

/** Renders the printable receipt (回执单) of a delivered submission and saves it; says what happened, in Chinese. */
export async function saveReceiptPdf(details: SubmissionDetails, receipt: Receipt): Promise<string> {
  const response = await renderReceiptInWorker({ unitName: details.unitName, creditCode: details.creditCode, year: details.year, receipt });
  if (!response.ok) return t('ui.preview.error', { reason: 'error' in response ? response.error : response.problems.map((p) => p.message).join('；') });
  const name = t('ui.outbox.receipt-pdf-file-name', { unit: details.unitName, year: details.year, id: receipt.submissionId.slice(0, 8) });
  return saveFile('pdf', name, response.bytes);
}
