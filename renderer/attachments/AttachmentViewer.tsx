import { useId, useRef } from 'react';
import type { AttachmentRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { useModalDialog } from '../app/use-modal-dialog';
import { PdfPreview } from '../pdf/PdfPreview';
import { AttachmentImage } from './AttachmentImage';

const VIEW_WIDTH = '90vw';
const VIEW_HEIGHT = 'calc(100vh - 120px)';

/**
 * A signed copy enlarged, to check the signature and seal are legible and the page upright before
 * it is sent. A modal dialog: Esc (the native dialog's cancel) or 关闭 closes it.
 */
export function AttachmentViewer({ attachment, onClose }: { attachment: AttachmentRecord; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog(close);
  const titleId = useId();
  const turned = attachment.rotation === 90 || attachment.rotation === 270;
  return (
    <dialog ref={dialog} className="attachment-viewer" aria-labelledby={titleId} onClose={onClose} data-testid="attachment-viewer">
      <div className="attachment-viewer__bar">
        <h2 id={titleId}>{t('ui.attachments.viewer', { name: attachment.name })}</h2>
        {attachment.rotation ? <span>{t('ui.attachments.rotated', { degrees: attachment.rotation })}</span> : null}
        <button type="button" ref={close} onClick={onClose}>
          {t('ui.attachments.close-viewer')}
        </button>
      </div>
      <div className="attachment-viewer__body">
        {attachment.type === 'application/pdf' ? (
          <PdfPreview bytes={attachment.bytes} />
        ) : (
          // Scaled to fill the view; a quarter turn swaps the sides, so the box swaps too and the turned page still fits.
          <AttachmentImage attachment={attachment} className="attachment-viewer__image" alt={attachment.name} style={turned ? { width: VIEW_HEIGHT, height: VIEW_WIDTH } : { width: VIEW_WIDTH, height: VIEW_HEIGHT }} />
        )}
      </div>
    </dialog>
  );
}
