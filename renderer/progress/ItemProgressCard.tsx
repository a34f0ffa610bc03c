import { useCallback, useId, useState } from 'react';
import { beijingDay } from '../../core/calendar/calendar-day';
import type { CalendarEvent } from '../../core/calendar/calendar-events';
import { t } from '../../core/i18n/translate';
import type { EvidenceRecord, ItemProgressRecord, ProgressChange } from '../../core/progress/item-progress';
import { ITEM_STATUSES, PROGRESS_LIMITS } from '../../core/progress/progress-schema';
import { useDebouncedSave } from '../app/use-debounced-save';
import type { ProgressStore } from '../store/progress-store';
import { describeStorageError } from '../store/storage-errors';
import { EvidenceList } from './EvidenceList';
import { WarningMark } from './WarningMark';

interface ItemProgressCardProps {
  readonly store: ProgressStore;
  readonly submissionId: string;
  /** The printed number. */
  readonly number: number;
  readonly content: string;
  readonly deadline?: string | undefined;
  /** The item's deadline in the calendar, when the deadline names a day. */
  readonly event?: CalendarEvent | undefined;
  readonly today: Date;
  /** Undefined while nothing has been recorded: the item is 未启动. */
  readonly record?: ItemProgressRecord | undefined;
  readonly evidence: readonly EvidenceRecord[];
  readonly letterBytes: number;
}

const ADJUSTED = '已调整';

/**
 * One item of the delivered letter: its status (已调整 with its reason), dated notes and evidence.
 * Every change is written through the store and shown from what the store then holds; a refusal
 * is said beside the item, and the status the store still holds is named while it differs.
 */
export function ItemProgressCard({ store, submissionId, number, content, deadline, event, today, record, evidence, letterBytes }: ItemProgressCardProps) {
  const stored = record?.status ?? '未启动';
  // 已调整 chosen and its reason being typed: not yet what the store holds.
  const [adjusting, setAdjusting] = useState<{ reason: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Starts from the note left unfinished (kept in the store as it is typed), so a closed window loses nothing.
  const [note, setNote] = useState(record?.noteDraft ?? '');
  const headingId = useId();
  const reasonId = useId();
  const messageId = useId();

  // A status chosen and on its way to the store: shown as chosen, not as the one it replaces, until the store has it.
  const [chosen, setChosen] = useState<string | null>(null);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    // The store moved on (this change landing, or a backup restored): what it holds is shown from now on.
    setSeen(stored);
    setChosen(null);
    if (stored !== ADJUSTED) setAdjusting(null);
  }

  const shown = adjusting ? ADJUSTED : (chosen ?? stored);
  const unsaved = adjusting !== null && stored !== ADJUSTED;
  const reason = adjusting?.reason ?? record?.reason ?? '';

  const settle = useCallback(
    (work: Promise<ProgressChange<unknown>>) =>
      work.then(
        (result) => {
          setMessage(result.ok ? null : result.message);
          return result.ok;
        },
        (error: unknown) => {
          setMessage(t('ui.progress.change-failed', { reason: describeStorageError(error) }));
          return false;
        },
      ),
    [],
  );
  const saveReason = useCallback((text: string) => settle(store.setStatus(submissionId, number, { status: ADJUSTED, reason: text }, new Date())), [settle, store, submissionId, number]);
  const reasonSave = useDebouncedSave(saveReason);

  const chooseStatus = (status: string) => {
    // A reason still waiting for its save goes first: the store applies changes in order, so the status chosen now is the one kept.
    reasonSave.flush();
    if (status === ADJUSTED) {
      const kept = record?.reason ?? '';
      setAdjusting({ reason: kept });
      // Asked even without a reason: the store's refusal is what the clerk reads.
      void saveReason(kept);
      return;
    }
    setAdjusting(null);
    setChosen(status === stored ? null : status);
    void settle(store.setStatus(submissionId, number, { status }, new Date())).then((ok) => {
      if (!ok) setChosen(null);
    });
  };

  const typeReason = (text: string) => {
    setAdjusting({ reason: text });
    reasonSave.schedule(text);
  };

  const saveNoteDraft = useCallback((text: string) => settle(store.setNoteDraft(submissionId, number, text, new Date())), [settle, store, submissionId, number]);
  const noteSave = useDebouncedSave(saveNoteDraft);
  const typeNote = (text: string) => {
    setNote(text);
    noteSave.schedule(text);
  };
  const addNote = () => {
    // The unfinished note's last save goes first: adding the note then clears it in the store.
    noteSave.flush();
    void settle(store.addNote(submissionId, number, note, new Date())).then((ok) => {
      if (ok) setNote('');
    });
  };
  const removeNote = (index: number) => void settle(store.removeNote(submissionId, number, index, new Date()));

  const notes = record?.notes ?? [];
  return (
    <li className="progress-item" aria-labelledby={headingId} data-testid="progress-item" data-number={number}>
      <h3 id={headingId} className="progress-item__heading">
        {t('ui.progress.item-heading', { n: number })} {content}
      </h3>
      <p className="progress-item__meta">
        {deadline !== undefined && <span>{t('ui.progress.deadline', { detail: deadline })}</span>}
        {event && <WarningMark event={event} today={today} />}
      </p>
      <div className="progress-item__status">
        <label>
          {t('ui.progress.status', { n: number })}
          <select value={shown} onChange={(e) => chooseStatus(e.target.value)} aria-describedby={message ? messageId : undefined}>
            {ITEM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        {shown === ADJUSTED && (
          <div className="field progress-item__reason">
            <label htmlFor={reasonId}>{t('ui.progress.reason', { n: number })}</label>
            <textarea
              id={reasonId}
              value={reason}
              rows={2}
              maxLength={PROGRESS_LIMITS.reason}
              required
              aria-required="true"
              aria-invalid={reason.trim() === '' ? 'true' : undefined}
              aria-describedby={message ? messageId : undefined}
              onChange={(e) => typeReason(e.target.value)}
              onBlur={reasonSave.flush}
            />
          </div>
        )}
      </div>
      {(message || unsaved) && (
        <p role="alert" id={messageId} className="progress-item__refused" data-testid="progress-refused">
          {message}
          {unsaved && ` ${t('ui.progress.status-not-saved', { status: stored })}`}
          {!unsaved && message && adjusting && record?.reason !== undefined && adjusting.reason.trim() !== record.reason && ` ${t('ui.progress.reason-not-saved', { reason: record.reason })}`}
        </p>
      )}
      <section className="progress-item__notes" aria-label={t('ui.progress.notes', { n: number })}>
        {notes.length === 0 ? (
          <p className="progress-item__none">{t('ui.progress.no-notes')}</p>
        ) : (
          <ol className="progress-notes">
            {notes.map((entry, index) => {
              const day = beijingDay(new Date(entry.at));
              return (
                <li key={`${entry.at}-${index}`} data-testid="progress-note">
                  <time dateTime={entry.at}>{day}</time> <span className="progress-notes__text">{entry.text}</span>{' '}
                  <button type="button" className="danger" onClick={() => removeNote(index)} aria-label={t('ui.progress.remove-note-named', { n: number, at: day })}>
                    {t('ui.progress.remove')}
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        <div className="progress-item__new-note">
          <label>
            {t('ui.progress.new-note', { n: number })}
            <input
              type="text"
              value={note}
              maxLength={PROGRESS_LIMITS.note}
              onChange={(e) => typeNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  addNote();
                }
              }}
            />
          </label>
          <button type="button" onClick={addNote}>
            {t('ui.progress.add-note')}
          </button>
        </div>
      </section>
      <section className="progress-item__evidence" aria-label={t('ui.progress.item-evidence', { n: number })}>
        <EvidenceList store={store} submissionId={submissionId} number={number} files={evidence} letterBytes={letterBytes} addLabel={t('ui.progress.add-item-evidence', { n: number })} />
      </section>
    </li>
  );
}
