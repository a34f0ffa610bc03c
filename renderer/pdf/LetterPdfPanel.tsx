import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import { saveFile } from '../bridge/save-file';
import { PdfPreview } from './PdfPreview';
import type { LetterPdfState } from './use-letter-pdf';

interface LetterPdfPanelProps {
  readonly pdf: LetterPdfState;
  readonly fileName: string;
  /** "另存为 PDF" was pressed while the letter has problems: the form shows them all. */
  readonly onBlocked: () => void;
}

/**
 * The letter as it stands, marked 草稿: drawn from the plan its PDF was made from (PdfPreview),
 * with "save PDF as" writing that PDF through the bridge.
 */
export function LetterPdfPanel({ pdf, fileName, onBlocked }: LetterPdfPanelProps) {
  // A message belongs to the PDF it was about: the next edit makes it old news.
  const [saved, setSaved] = useState<{ readonly about: LetterPdfState; readonly message: string } | null>(null);
  const saveMessage = saved?.about === pdf ? saved.message : null;
  const save = async () => {
    if (pdf.status === 'ready') setSaved({ about: pdf, message: await saveFile('pdf', t('ui.save-pdf.draft-name', { title: fileName }), pdf.bytes) });
    if (pdf.status === 'problems') {
      // The last good PDF is not what the form says now: it is never saved in its place.
      setSaved({ about: pdf, message: t('ui.save-pdf.blocked', { count: pdf.problems.length }) });
      onBlocked();
    }
  };
  const shown = pdf.status === 'ready' ? pdf : pdf.status === 'problems' ? pdf.lastGood : undefined;

  return (
    <section className="pdf-panel" aria-labelledby="pdf-panel-title">
      <div className="pdf-panel__bar">
        <h3 id="pdf-panel-title">{t('ui.preview')}</h3>
        <button type="button" onClick={() => void save()} disabled={pdf.status !== 'ready' && pdf.status !== 'problems'}>
          {t('ui.save-pdf')}
        </button>
      </div>
      <p className="preview-note" data-testid="draft-mark-note">
        {t('ui.preview.draft-mark')}
      </p>
      {saveMessage && (
        <p role="status" data-testid="save-status">
          {saveMessage}
        </p>
      )}
      {pdf.status === 'rendering' && <p aria-live="polite">{t('ui.preview.rendering')}</p>}
      {pdf.status === 'problems' &&
        (pdf.lastGood ? (
          <p className="preview-note" data-testid="preview-last-good">
            {t('ui.preview.last-good')}
          </p>
        ) : (
          <div role="alert">
            <p>{t('ui.preview.problems')}</p>
            <ul className="problems">
              {pdf.problems.map((p, i) => (
                <li key={`${p.path}-${i}`}>{p.message}</li>
              ))}
            </ul>
          </div>
        ))}
      {pdf.status === 'error' && (
        <p role="alert" className="error">
          {t('ui.preview.error', { reason: pdf.error })}
        </p>
      )}
      {shown && <PdfPreview bytes={shown.bytes} pageKeys={shown.pageKeys} drawing={shown.drawing} />}
    </section>
  );
}
