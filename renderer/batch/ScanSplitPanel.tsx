import { useEffect, useMemo, useState } from 'react';
import { extractLetterPdf, letterImages } from '../../core/batch-print/extract-letter-scan';
import { matchText, missingText, setAsideText, splitScan, type LetterScan, type PrintedBatch, type ScanSplit } from '../../core/batch-print/split-scan';
import { currentSubmission, type DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { FileButton } from '../app/FileButton';
import { addSignedCopy } from '../store/add-signed-copy';
import type { DraftStore } from '../store/draft-store';
import { describeStorageError } from '../store/storage-errors';
import { readScan, type PdfJsLoader, type ScannedStack } from './scan-pages';

/** A letter of the printed batch: its signer's name, and its draft to attach the signed copy to. */
export interface ScanSplitLetter {
  readonly name: string;
  readonly draft: DraftRecord;
}

interface ScanSplitPanelProps {
  /** The batch as its print file was made (buildPrintFile's batchKey and letters, in the cover's order). */
  readonly printed: PrintedBatch;
  /** By key (the draft id). */
  readonly letters: ReadonlyMap<string, ScanSplitLetter>;
  readonly store: DraftStore;
  /** renderer/pdf/PdfPreview.tsx's loadPdfJs in the app. */
  readonly loadPdfJs: PdfJsLoader;
}

type Phase =
  | { readonly kind: 'idle'; readonly message?: string }
  | { readonly kind: 'reading'; readonly done: number; readonly total: number }
  | { readonly kind: 'read'; readonly stack: ScannedStack; readonly split: ScanSplit }
  | { readonly kind: 'attaching' }
  | { readonly kind: 'attached'; readonly messages: readonly string[] };

/**
 * The signed stack, scanned as one PDF or as images, split back to the batch's letters
 * (core/batch-print/split-scan.ts) and shown in full before anything is attached: every letter
 * with its pages (those presumed from the cover's order marked), what is missing, and every page
 * set aside with why, each with a thumbnail. 确认并附加 attaches, only after the clerk ticks that
 * the matches were checked, each complete letter's pages as its signed copy.
 */
export function ScanSplitPanel({ printed, letters, store, loadPdfJs }: ScanSplitPanelProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [checked, setChecked] = useState(false);
  const stack = phase.kind === 'read' ? phase.stack : undefined;
  const thumbnails = useMemo(() => stack?.pages.map((page) => URL.createObjectURL(page.thumbnail)) ?? [], [stack]);
  useEffect(() => () => thumbnails.forEach((url) => URL.revokeObjectURL(url)), [thumbnails]);

  const choose = async (files: readonly File[]) => {
    setChecked(false);
    setPhase({ kind: 'reading', done: 0, total: 0 });
    try {
      const read = await readScan(files, { loadPdfJs, onProgress: (done, total) => setPhase({ kind: 'reading', done, total }) });
      if (!read.ok) return setPhase({ kind: 'idle', message: read.message });
      setPhase({ kind: 'read', stack: read.stack, split: splitScan(printed, read.stack.pages.map((page) => page.reading)) });
    } catch {
      setPhase({ kind: 'idle', message: t('ui.batch-print.scan.failed') });
    }
  };

  const attach = async (scan: ScannedStack, split: ScanSplit) => {
    setPhase({ kind: 'attaching' });
    const messages: string[] = [];
    const pdfBytes = scan.kind === 'pdf' ? new Uint8Array(await scan.file.arrayBuffer()) : undefined;
    for (const letter of split.letters) {
      const member = letters.get(letter.key);
      if (!member || letter.matched.length === 0) continue;
      const unfit = letter.missing.length > 0 ? missingText(letter) : member.draft.status !== 'approved' ? t('ui.batch-print.scan.not-approved') : currentSubmission(member.draft) ? t('ui.batch-print.scan.packed') : undefined;
      if (unfit !== undefined) {
        messages.push(t('ui.batch-print.scan.skipped', { name: member.name, reason: unfit }));
        continue;
      }
      try {
        messages.push(await attachLetter(store, member, letter, scan, pdfBytes));
      } catch (error) {
        messages.push(t('ui.batch-print.scan.attach-failed', { name: member.name, reason: describeStorageError(error) }));
      }
    }
    setPhase({ kind: 'attached', messages });
  };

  return (
    <section className="scan-split" aria-labelledby="scan-split-title">
      <h3 id="scan-split-title">{t('ui.batch-print.scan.title')}</h3>
      <p>{t('ui.batch-print.scan.explain')}</p>
      <FileButton label={t('ui.batch-print.scan.choose')} accept="application/pdf,image/png,image/jpeg" multiple disabled={phase.kind === 'reading' || phase.kind === 'attaching'} onFiles={(files) => void choose(files)} />
      {phase.kind === 'idle' && phase.message && <p role="alert">{phase.message}</p>}
      {phase.kind === 'reading' && <p role="status">{t('ui.batch-print.scan.reading', { n: phase.done, total: phase.total })}</p>}
      {phase.kind === 'attaching' && <p role="status">{t('ui.batch-print.scan.attaching')}</p>}
      {phase.kind === 'attached' && (
        <ul role="status" data-testid="scan-attached">
          {phase.messages.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
      {phase.kind === 'read' && (
        <>
          <h4>{t('ui.batch-print.scan.letters')}</h4>
          <ul className="scan-split__letters" data-testid="scan-letters">
            {phase.split.letters.map((letter) => (
              <li key={letter.key} data-complete={letter.missing.length === 0}>
                <strong>{letters.get(letter.key)?.name ?? letter.key}</strong> {missingText(letter) ?? t('ui.batch-print.scan.complete')}
                <span className="scan-split__pages">
                  {letter.matched.map((page) => (
                    <figure key={page.scanIndex} data-presumed={page.presumed}>
                      <img src={thumbnails[page.scanIndex]} alt={t('ui.batch-print.scan.page', { n: page.scanIndex + 1 })} width={100} style={page.upsideDown ? { transform: 'rotate(180deg)' } : undefined} />
                      <figcaption>{matchText(page)}</figcaption>
                    </figure>
                  ))}
                </span>
              </li>
            ))}
          </ul>
          {phase.split.setAside.length > 0 && (
            <>
              <h4>{t('ui.batch-print.scan.set-aside')}</h4>
              <ul className="scan-split__set-aside" data-testid="scan-set-aside">
                {phase.split.setAside.map((page) => (
                  <li key={page.scanIndex}>
                    <img src={thumbnails[page.scanIndex]} alt={t('ui.batch-print.scan.page', { n: page.scanIndex + 1 })} width={100} />
                    {t('ui.batch-print.scan.page', { n: page.scanIndex + 1 })}：{setAsideText(page.reason)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <label>
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} /> {t('ui.batch-print.scan.checked')}
          </label>
          <button type="button" disabled={!checked || !phase.split.letters.some((l) => l.matched.length > 0 && l.missing.length === 0)} onClick={() => void attach(phase.stack, phase.split)}>
            {t('ui.batch-print.scan.attach')}
          </button>
        </>
      )}
    </section>
  );
}

/** One complete letter's pages as its signed copy: cut out of the scan PDF as one PDF, or its images one by one, turned upright. */
async function attachLetter(store: DraftStore, member: ScanSplitLetter, letter: LetterScan, scan: ScannedStack, pdfBytes: Uint8Array | undefined): Promise<string> {
  const now = new Date();
  if (scan.kind === 'pdf' && pdfBytes) {
    const added = await addSignedCopy(store, member.draft, t('ui.batch-print.scan.copy-name', { name: member.name }), await extractLetterPdf(pdfBytes, letter.matched), now);
    return added.ok ? t('ui.batch-print.scan.attached', { name: member.name }) : added.message;
  }
  if (scan.kind !== 'images') return t('ui.batch-print.scan.failed');
  for (const { image, rotation } of letterImages(scan.files, letter.matched)) {
    const added = await addSignedCopy(store, member.draft, image.name, new Uint8Array(await image.arrayBuffer()), now);
    if (!added.ok) return added.message;
    // A quarter turn each: two make the page scanned upside down upright.
    if (rotation === 180) for (let turn = 0; turn < 2; turn += 1) await store.rotateAttachment(added.attachment.id, now);
  }
  return t('ui.batch-print.scan.attached', { name: member.name });
}
