import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import { saveFile } from '../bridge/save-file';
import { PdfPreview } from './PdfPreview';
import type { LetterPdfState } from './use-letter-pdf';

/** The real PDF of the letter as it stands, with "save PDF as" through the bridge. */
export function LetterPdfPanel({ pdf, fileName }: { pdf: LetterPdfState; fileName: string }) {
  const [saveMessage, setSaveMessage] = useState<string | null>(null);
  const save = async () => {
    if (pdf.status === 'ready') setSaveMessage(await saveFile('pdf', fileName, pdf.bytes));
  };

  return (
    <section className="pdf-panel" aria-labelledby="pdf-panel-title">
      <div className="pdf-panel__bar">
        <h3 id="pdf-panel-title">{t('ui.preview')}</h3>
        <button type="button" onClick={() => void save()} disabled={pdf.status !== 'ready'}>
          {t('ui.save-pdf')}
        </button>
      </div>
      {saveMessage && (
        <p role="status" data-testid="save-status">
          {saveMessage}
        </p>
      )}
      {pdf.status === 'rendering' && <p aria-live="polite">{t('ui.preview.rendering')}</p>}
      {pdf.status === 'problems' && (
        <div role="alert">
          <p>{t('ui.preview.problems')}</p>
          <ul className="problems">
            {pdf.problems.map((p, i) => (
              <li key={`${p.path}-${i}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {pdf.status === 'error' && (
        <p role="alert" className="error">
          {t('ui.preview.error', { reason: pdf.error })}
        </p>
      )}
      {pdf.status === 'ready' && <PdfPreview bytes={pdf.bytes} />}
    </section>
  );
}
