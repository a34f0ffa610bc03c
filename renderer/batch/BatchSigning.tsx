import { useState } from 'react';
import type { MemberProgress } from '../../core/batch/batch-progress';
import type { BatchPrinted, BatchRecord } from '../../core/batch/batch-record';
import { printState, type PrintState } from '../../core/batch/print-state';
import type { PrintedBatch } from '../../core/batch-print/split-scan';
import { errorText } from '../../core/errors/error-text';
import { t } from '../../core/i18n/translate';
import { toFormValues } from '../../core/letter/form-values';
import { saveFile } from '../bridge/save-file';
import { renderPrintFileInWorker } from '../pdf/pdf-renderer';
import { loadPdfJs } from '../pdf/PdfPreview';
import { formatTime } from '../shared/format-time';
import type { BatchStore } from '../store/batch-store';
import type { DraftStore } from '../store/draft-store';
import { ScanSplitPanel, type ScanSplitLetter } from './ScanSplitPanel';

interface BatchSigningProps {
  readonly batch: BatchRecord;
  readonly members: readonly MemberProgress[];
  readonly drafts: DraftStore;
  readonly batches: BatchStore;
}

/**
 * Paper signatures for the batch: one print file of every approved letter's frozen PDF (never
 * rendered again) behind a cover to sign, kept on the batch as `printed`; then the signed stack's
 * scan split back to those letters (ScanSplitPanel), attached only after the clerk's check.
 */
export function BatchSigning({ batch, members, drafts, batches }: BatchSigningProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const state = printState(batch.printed, members);

  const print = async () => {
    setBusy(true);
    setMessage(t('ui.batch.print.making'));
    try {
      setMessage(await makePrintFile(batch, state, drafts, batches));
    } catch (error) {
      setMessage(t('ui.batch.print.failed', { reason: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };

  const printedBatch: PrintedBatch | undefined = batch.printed && { batchKey: batch.printed.batchKey, letters: batch.printed.letters.map((l) => ({ key: l.draftId, pages: l.pages })) };
  // Only letters whose approval is still the one printed: a scan of old paper is not the signed copy of a new PDF.
  const scanLetters = new Map<string, ScanSplitLetter>(state.matching.flatMap((m) => (m.draft ? [[m.member.draftId, { name: m.member.name, draft: m.draft }] as const] : [])));

  return (
    <div className="batch-signing">
      <section aria-labelledby="batch-print-title">
        <h3 id="batch-print-title">{t('ui.batch.print.title')}</h3>
        <p>{t('ui.batch.print.explain')}</p>
        <p data-testid="batch-print-ready">{state.printable.length > 0 ? t('ui.batch.print.ready', { count: state.printable.length }) : t('ui.batch.print.none')}</p>
        {state.notApproved.length > 0 && (
          <>
            <p>{t('ui.batch.print.not-approved', { count: state.notApproved.length })}</p>
            <ul data-testid="batch-print-left-out">
              {state.notApproved.map((m) => (
                <li key={m.member.memberId}>{m.member.name}</li>
              ))}
            </ul>
          </>
        )}
        {batch.printed && <p data-testid="batch-print-last">{t('ui.batch.print.last', { time: formatTime(batch.printed.printedAt), count: batch.printed.letters.length })}</p>}
        {state.changed.length > 0 && (
          <p role="alert" data-testid="batch-print-stale">
            {t('ui.batch.print.stale', { list: state.changed.map((m) => m.member.name).join('、') })}
          </p>
        )}
        <div className="actions actions--start">
          <button type="button" className="primary" disabled={busy || state.printable.length === 0} onClick={() => void print()}>
            {t('ui.batch.print.button', { count: state.printable.length })}
          </button>
        </div>
        {message && (
          <p role="status" data-testid="batch-print-status">
            {message}
          </p>
        )}
      </section>
      {printedBatch ? <ScanSplitPanel printed={printedBatch} letters={scanLetters} store={drafts} loadPdfJs={loadPdfJs} /> : <p>{t('ui.batch.scan.print-first')}</p>}
    </div>
  );
}

/**
 * Builds the print file from the frozen approved PDFs, keeps it on the batch as `printed`, then
 * saves it. It is kept before the save: the same letters always give the same file, so a save
 * cancelled and made again prints exactly what is kept.
 */
async function makePrintFile(batch: BatchRecord, { printable, changed }: PrintState, drafts: DraftStore, batches: BatchStore): Promise<string> {
  const letters = [];
  for (const { member, pdfSha256 } of printable) {
    const document = await drafts.reviewDocument(member.member.draftId);
    if (!document || document.sha256 !== pdfSha256) return t('ui.batch.print.unreadable', { name: member.member.name });
    letters.push({ key: member.member.draftId, name: member.member.name, position: member.member.position, department: member.member.department || undefined, pdf: document.bytes });
  }
  const first = letters[0];
  if (!first) return t('ui.batch.print.none');
  const title = t('ui.batch.print.file-title', { year: batch.year });
  const unitName = toFormValues(await drafts.letter(first.key)).unit.name;
  const response = await renderPrintFileInWorker({ batchId: batch.id, title, unitName, letters });
  if (!response.ok || !response.printed) return t('ui.batch.print.failed', { reason: 'error' in response ? response.error : '' });
  const hashOf = new Map(printable.map(({ member, pdfSha256 }) => [member.member.draftId, pdfSha256]));
  const printed: BatchPrinted = {
    batchKey: response.printed.batchKey,
    printedAt: Date.now(),
    letters: response.printed.letters.map((l) => ({ draftId: l.key, pdfSha256: hashOf.get(l.key) ?? '', pages: l.pages, firstPage: l.firstPage })),
  };
  await batches.setPrinted(batch.id, printed);
  const saved = await saveFile('pdf', t('ui.batch.print.file-name', { title }), response.bytes);
  const made = t('ui.batch.print.made', { pages: response.pages, count: letters.length });
  // Unchanged letters print the very same file, so the paper printed before still matches it.
  const before = !batch.printed ? '' : changed.length > 0 ? t('ui.batch.print.replaced') : t('ui.batch.print.same');
  return [made, before, saved].filter((part) => part !== '').join('');
}
