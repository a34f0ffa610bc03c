import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { checkAttachment, megabytes } from '../../core/attachments/check-attachment';
import type { AttachmentRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { FileButton } from '../app/FileButton';
import type { DraftStore } from '../drafts/draft-store';

/** The signed and sealed copy: scanned pages (PNG, JPEG) or a signed PDF, checked before they are kept. */
export function AttachmentsPanel({ draftId, store }: { draftId: string; store: DraftStore }) {
  const attachments = useLiveQuery(() => store.attachments(draftId), [store, draftId]);
  const [messages, setMessages] = useState<string[]>([]);

  const add = async (files: readonly File[]) => {
    const found: string[] = [];
    let total = (attachments ?? []).reduce((sum, a) => sum + a.size, 0);
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = checkAttachment(file.name, bytes, total);
      if (!check.ok) {
        found.push(check.message);
        continue;
      }
      await store.addAttachment(draftId, { name: file.name, type: check.type, bytes }, new Date());
      total += bytes.byteLength;
      found.push(t('attachment.added', { name: file.name }));
    }
    setMessages(found);
  };

  return (
    <section className="attachments-panel" aria-label={t('ui.tab.signed')}>
      <p>{t('ui.attachments.explain')}</p>
      <FileButton label={t('ui.attachments.add')} accept="image/png,image/jpeg,application/pdf" multiple onFiles={(files) => void add(files)} />
      {messages.length > 0 && (
        <ul role="status" className="attachment-messages" data-testid="attachment-messages">
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {attachments?.length === 0 && <p className="empty">{t('ui.attachments.none')}</p>}
      <ul className="attachment-list" aria-label={t('ui.attachments.list')}>
        {attachments?.map((a) => (
          <li key={a.id} className="attachment" data-testid="attachment">
            <Thumbnail attachment={a} />
            <span className="attachment__name">{a.name}</span>
            <span className="attachment__meta">{megabytes(a.size)}</span>
            <button type="button" className="danger" onClick={() => void store.removeAttachment(a.id, new Date())} aria-label={t('ui.attachments.remove', { name: a.name })}>
              {t('ui.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Thumbnail({ attachment }: { attachment: AttachmentRecord }) {
  // The object URL lives exactly as long as the <img>: created when it mounts, released when it goes.
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img) return;
      const url = URL.createObjectURL(new Blob([attachment.bytes.slice()], { type: attachment.type }));
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [attachment],
  );
  if (attachment.type === 'application/pdf') return <span className="attachment__thumb attachment__thumb--pdf">PDF</span>;
  return <img className="attachment__thumb" ref={attach} alt={t('ui.attachments.thumbnail', { name: attachment.name })} />;
}
