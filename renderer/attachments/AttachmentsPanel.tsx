import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { checkAttachmentSize } from '../../core/attachments/check-attachment';
import { megabytes } from '../../core/i18n/format-size';
import { currentSubmission, isCurrentSignedCopy, type AttachmentRecord, type DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import { FileButton } from '../app/FileButton';
import { addSignedCopy } from '../store/add-signed-copy';
import type { DraftStore } from '../store/draft-store';
import { describeStorageError } from '../store/storage-errors';
import { SubmitSection } from '../outbox/SubmitSection';
import { AttachmentImage } from './AttachmentImage';
import { AttachmentViewer } from './AttachmentViewer';

interface Message {
  readonly text: string;
  /** A warning leaves the file added but says it does not look like what it should be. */
  readonly kind: 'info' | 'warning' | 'refused';
}

/**
 * The signed and sealed copy: scanned pages (PNG, JPEG) or a signed PDF of the approved letter,
 * checked before they are kept, in the order and the way up the package will carry them. Copies
 * signed from an earlier approval stay listed but no longer count.
 */
export function AttachmentsPanel({ draft, store, onOpenOutbox }: { draft: DraftRecord; store: DraftStore; onOpenOutbox: () => void }) {
  const attachments = useLiveQuery(() => store.attachments(draft.id), [store, draft.id]);
  const [messages, setMessages] = useState<Message[]>([]);
  const [viewing, setViewing] = useState<string | null>(null);
  const approved = draft.status === 'approved';
  const packed = currentSubmission(draft) !== undefined;
  const signedCount = attachments?.filter((a) => isCurrentSignedCopy(draft, a)).length ?? 0;
  const viewed = attachments?.find((a) => a.id === viewing);

  const add = async (files: readonly File[]) => {
    const found: Message[] = [];
    let total = (attachments ?? []).filter((a) => isCurrentSignedCopy(draft, a)).reduce((sum, a) => sum + a.size, 0);
    for (const file of files) {
      try {
        const sizeProblem = checkAttachmentSize(file.name, file.size, total);
        if (sizeProblem) {
          found.push({ text: sizeProblem, kind: 'refused' });
          continue;
        }
        const added = await addSignedCopy(store, draft, file.name, new Uint8Array(await file.arrayBuffer()), new Date());
        if (!added.ok) {
          found.push({ text: added.message, kind: 'refused' });
          continue;
        }
        total += added.attachment.size;
        found.push({ text: t('attachment.added', { name: file.name }), kind: 'info' });
        const { pdfContent } = added.attachment;
        if (pdfContent && looksUnsigned(pdfContent)) found.push({ text: t('attachment.looks-unsigned', { name: file.name }), kind: 'warning' });
      } catch (error) {
        found.push({ text: t('attachment.failed', { name: file.name, reason: describeStorageError(error) }), kind: 'refused' });
      }
    }
    setMessages(found);
  };

  const change = (work: Promise<void>) => work.catch((error: unknown) => setMessages([{ text: describeStorageError(error), kind: 'refused' }]));
  const remove = (attachment: AttachmentRecord) => {
    if (!window.confirm(t('ui.attachments.confirm-remove', { name: attachment.name }))) return;
    void change(store.removeAttachment(attachment.id, new Date()));
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
        // The live region wraps the list: a role on the <ul> itself would stop it being a list.
        <div role="status" data-testid="attachment-messages">
          <ul className="attachment-messages">
            {messages.map((m, i) => (
              <li key={i} className={`attachment-message attachment-message--${m.kind}`}>
                {m.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {attachments?.length === 0 && <p className="empty">{t('ui.attachments.none')}</p>}
      {attachments !== undefined && attachments.length > 0 && <p>{t('ui.attachments.order-explain')}</p>}
      <ol className="attachment-list" aria-label={t('ui.attachments.list')}>
        {attachments?.map((a, i) => {
          const locked = packed && isCurrentSignedCopy(draft, a);
          return (
            <li key={a.id} className="attachment" data-testid="attachment">
              <button type="button" className="attachment__enlarge" onClick={() => setViewing(a.id)} aria-label={t('ui.attachments.enlarge', { name: a.name })}>
                {a.type === 'application/pdf' ? (
                  <span className="attachment__thumb attachment__thumb--pdf">PDF</span>
                ) : (
                  <AttachmentImage attachment={a} className="attachment__thumb" alt={t('ui.attachments.thumbnail', { name: a.name })} />
                )}
              </button>
              <span className="attachment__name">
                <span className="attachment__order">{t('ui.attachments.order', { n: i + 1 })}</span> {a.name}
              </span>
              <span className="attachment__meta">
                {megabytes(a.size)}
                {a.rotation ? ` · ${t('ui.attachments.rotated', { degrees: a.rotation })}` : ''}
                {!isCurrentSignedCopy(draft, a) && ` · ${t('ui.attachments.stale')}`}
              </span>
              {a.pdfContent && looksUnsigned(a.pdfContent) && (
                <span className="attachment__warning" data-testid="attachment-warning">
                  {t('attachment.looks-unsigned', { name: a.name })}
                </span>
              )}
              {!locked && (
                <span className="attachment__actions">
                  <button type="button" disabled={i === 0} onClick={() => void change(store.moveAttachment(a.id, -1, new Date()))} aria-label={t('ui.attachments.move-up', { name: a.name })}>
                    ↑
                  </button>
                  <button type="button" disabled={i === attachments.length - 1} onClick={() => void change(store.moveAttachment(a.id, 1, new Date()))} aria-label={t('ui.attachments.move-down', { name: a.name })}>
                    ↓
                  </button>
                  {!a.pdfContent?.signature && (
                    <button type="button" onClick={() => void change(store.rotateAttachment(a.id, new Date()))} aria-label={t('ui.attachments.rotate', { name: a.name })}>
                      ↻
                    </button>
                  )}
                  <button type="button" className="danger" onClick={() => remove(a)} aria-label={t('ui.attachments.remove', { name: a.name })}>
                    {t('ui.remove')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {viewed && <AttachmentViewer attachment={viewed} onClose={() => setViewing(null)} />}
    </section>
  );
}

/** Neither a digital signature nor a scanned image: most likely the letter as printed from the app, unsigned. */
function looksUnsigned(content: NonNullable<AttachmentRecord['pdfContent']>): boolean {
  return !content.signature && !content.images;
}
