import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { checkAttachment, checkAttachmentSize, megabytes } from '../../core/attachments/check-attachment';
import { currentSubmission, isCurrentSignedCopy, type AttachmentRecord, type DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { FileButton } from '../app/FileButton';
import type { DraftStore } from '../drafts/draft-store';
import { describeStorageError } from '../drafts/storage-errors';
import { SubmitSection } from '../outbox/SubmitSection';

/**
 * The signed and sealed copy: scanned pages (PNG, JPEG) or a signed PDF of the approved letter,
 * checked before they are kept. Copies signed from an earlier approval stay listed but no longer count.
 */
export function AttachmentsPanel({ draft, store, onOpenOutbox }: { draft: DraftRecord; store: DraftStore; onOpenOutbox: () => void }) {
  const attachments = useLiveQuery(() => store.attachments(draft.id), [store, draft.id]);
  const [messages, setMessages] = useState<string[]>([]);
  const approved = draft.status === 'approved';
  const packed = currentSubmission(draft) !== undefined;
  const signedCount = attachments?.filter((a) => isCurrentSignedCopy(draft, a)).length ?? 0;

  const add = async (files: readonly File[]) => {
    const found: string[] = [];
    let total = (attachments ?? []).filter((a) => isCurrentSignedCopy(draft, a)).reduce((sum, a) => sum + a.size, 0);
    for (const file of files) {
      try {
        const sizeProblem = checkAttachmentSize(file.name, file.size, total);
        if (sizeProblem) {
          found.push(sizeProblem);
          continue;
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        const check = checkAttachment(file.name, bytes, total);
        if (!check.ok) {
          found.push(check.message);
          continue;
        }
        await store.addAttachment(draft.id, { name: file.name, type: check.type, bytes }, new Date());
        total += bytes.byteLength;
        found.push(t('attachment.added', { name: file.name }));
      } catch (error) {
        found.push(t('attachment.failed', { name: file.name, reason: describeStorageError(error) }));
      }
    }
    setMessages(found);
  };

  const remove = (attachment: AttachmentRecord) => {
    if (!window.confirm(t('ui.attachments.confirm-remove', { name: attachment.name }))) return;
    store.removeAttachment(attachment.id, new Date()).catch((error: unknown) => setMessages([describeStorageError(error)]));
  };

  return (
    <section className="attachments-panel" aria-label={t('ui.tab.signed')}>
      <p>{t('ui.attachments.explain')}</p>
      {approved && packed && (
        <p className="banner" data-testid="attachments-locked">
          {t('ui.submit.locked')}
        </p>
      )}
      {approved && !packed && <FileButton label={t('ui.attachments.add')} accept="image/png,image/jpeg,application/pdf" multiple onFiles={(files) => void add(files)} />}
      {approved ? (
        <SubmitSection draft={draft} store={store} signedCount={signedCount} onOpenOutbox={onOpenOutbox} />
      ) : (
        <p className="banner" data-testid="attachments-not-approved">
          {t('ui.attachments.approve-first')}
        </p>
      )}
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
            <span className="attachment__meta">
              {megabytes(a.size)}
              {!isCurrentSignedCopy(draft, a) && ` · ${t('ui.attachments.stale')}`}
            </span>
            {!(packed && isCurrentSignedCopy(draft, a)) && (
              <button type="button" className="danger" onClick={() => remove(a)} aria-label={t('ui.attachments.remove', { name: a.name })}>
                {t('ui.remove')}
              </button>
            )}
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
