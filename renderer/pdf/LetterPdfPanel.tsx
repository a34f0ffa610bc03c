import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import { desktop } from '../bridge/desktop';
import { PdfPreview } from './PdfPreview';
import { toBase64 } from './to-base64';
import { useLetterPdf } from './use-letter-pdf';

/** The real PDF of the letter as it stands, with "save PDF as" through the bridge. */
export function LetterPdfPanel({ letter, fileName }: { letter: unknown; fileName: string }) {
  const pdf = useLetterPdf(letter);
  const [saveMessage, setSaveMessage] = useState<string | null>(null);

  const save = async () => {
    if (pdf.status !== 'ready') return;
    try {
      const result = await desktop.call('files.savePdf', { suggestedName: fileName, base64: toBase64(pdf.bytes) });
      setSaveMessage(result.saved && result.path ? t('ui.saved-pdf', { path: result.path }) : t('ui.save-cancelled'));
    } catch (error) {
      setSaveMessage(t('ui.save-failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
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
