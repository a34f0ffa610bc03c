import { useState } from 'react';
import { checkAttachmentSize } from '../../core/attachments/check-attachment';
import { beijingDay } from '../../core/calendar/calendar-day';
import { formatSize } from '../../core/i18n/format-size';
import { t } from '../../core/i18n/translate';
import type { EvidenceRecord } from '../../core/progress/item-progress';
import { FileButton } from '../app/FileButton';
import type { ProgressStore } from '../store/progress-store';
import { describeStorageError } from '../store/storage-errors';

interface EvidenceListProps {
  readonly store: ProgressStore;
  readonly submissionId: string;
  /** The item the files document; absent: the whole letter. */
  readonly number?: number;
  readonly files: readonly EvidenceRecord[];
  /** Bytes of all the letter's evidence: the 60 MB is per letter. */
  readonly letterBytes: number;
  readonly addLabel: string;
}

interface Message {
  readonly text: string;
  readonly refused: boolean;
}

/** Evidence files of an item or of the whole letter: added through the picker, checked as signed copies are, each markable for publication. */
export function EvidenceList({ store, submissionId, number, files, letterBytes, addLabel }: EvidenceListProps) {
  const [messages, setMessages] = useState<readonly Message[]>([]);

  const add = async (picked: readonly File[]) => {
    const said: Message[] = [];
    let total = letterBytes;
    for (const file of picked) {
      try {
        // Before reading it: a file far over the limit is not loaded into memory only to be refused.
        const tooLarge = checkAttachmentSize(file.name, file.size, total);
        if (tooLarge) {
          said.push({ text: t('ui.progress.evidence-failed', { name: file.name, reason: tooLarge }), refused: true });
          continue;
        }
        const added = await store.addEvidence(submissionId, number, file.name, new Uint8Array(await file.arrayBuffer()), new Date());
        if (!added.ok) {
          said.push({ text: added.message, refused: true });
          continue;
        }
        total += added.record.size;
        said.push({ text: t('ui.progress.evidence-added', { name: file.name }), refused: false });
      } catch (error) {
        said.push({ text: t('ui.progress.evidence-failed', { name: file.name, reason: describeStorageError(error) }), refused: true });
      }
    }
    setMessages(said);
  };

  const run = (work: Promise<unknown>) => void work.catch((error: unknown) => setMessages([{ text: t('ui.progress.change-failed', { reason: describeStorageError(error) }), refused: true }]));
  // Bumped when a change is refused or fails: the box is drawn again from what is stored.
  const [redraws, setRedraws] = useState(0);
  const setPublic = (file: EvidenceRecord, isPublic: boolean) =>
    void store.setEvidencePublic(file.id, isPublic).then(
      (result) => {
        setMessages(result.ok ? [] : [{ text: result.message, refused: true }]);
        if (!result.ok) setRedraws((n) => n + 1);
      },
      (error: unknown) => {
        setMessages([{ text: t('ui.progress.change-failed', { reason: describeStorageError(error) }), refused: true }]);
        setRedraws((n) => n + 1);
      },
    );
  const remove = (file: EvidenceRecord) => {
    if (!window.confirm(t('ui.progress.confirm-remove-evidence', { name: file.name }))) return;
    run(store.removeEvidence(file.id).then(() => setMessages([])));
  };

  return (
    <div className="evidence">
      {files.length === 0 ? (
        <p className="evidence__none">{t('ui.progress.no-evidence')}</p>
      ) : (
        <ul className="evidence__list">
          {files.map((file) => (
            <li key={file.id} className="evidence__file" data-testid="evidence-file">
              <span className="evidence__name">{file.name}</span>
              <span className="evidence__meta">{t('ui.progress.evidence-meta', { size: formatSize(file.size), at: beijingDay(new Date(file.addedAt)) })}</span>
              <label className="evidence__public">
                {/* Left to the browser while the write is on its way (a controlled box would spring back until the store answers); drawn again from the store once it has. */}
                <input
                  key={`${String(file.public === true)}-${redraws}`}
                  type="checkbox"
                  defaultChecked={file.public === true}
                  onChange={(e) => setPublic(file, e.target.checked)}
                  aria-label={t('ui.progress.public-named', { name: file.name })}
                />
                {t('ui.progress.public')}
              </label>
              <button type="button" className="danger" onClick={() => remove(file)} aria-label={t('ui.progress.remove-evidence-named', { name: file.name })}>
                {t('ui.progress.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FileButton label={addLabel} accept="image/png,image/jpeg,application/pdf" multiple onFiles={(picked) => void add(picked)} />
      {/* Always there: a live region added with its text is not read out. */}
      <div role="status" className="evidence__messages" data-testid="evidence-messages">
        {messages.map((message, i) => (
          <p key={i} className={message.refused ? 'evidence__message--refused' : undefined}>
            {message.text}
          </p>
        ))}
      </div>
    </div>
  );
}
