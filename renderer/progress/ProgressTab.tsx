import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { draftTitle } from '../../core/drafts/draft-title';
import { t } from '../../core/i18n/translate';
import { printOrder } from '../../core/letter/item-numbers';
import type { Letter } from '../../core/letter/letter-schema';
import { useWarningClock } from '../reminders/use-now';
import type { LetterProgress, ProgressStore } from '../store/progress-store';
import { describeStorageError } from '../store/storage-errors';
import { useDeliveredLetter, type DeliveredLetterProps } from './delivered-letter';
import { EvidenceList } from './EvidenceList';
import { ItemProgressCard } from './ItemProgressCard';
import { letterCalendar } from './letter-calendar';
import { saveLetterCalendar } from './save-letter-calendar';
import { useProgressStore } from './progress-store-context';

/**
 * The 践诺 tab of a delivered letter: every item as the platform received it, numbered as
 * printed, with what the clerk records of it through the year, and the letter's calendar to export.
 */
export function ProgressTab({ draft, submissionId }: DeliveredLetterProps) {
  const delivered = useDeliveredLetter(submissionId);
  const store = useProgressStore();
  const progress = useLiveQuery(() => store.read(submissionId).catch((error: unknown) => ({ error: describeStorageError(error) })), [store, submissionId]);

  if (delivered.state === 'failed') {
    return (
      <p role="alert" className="error" data-testid="progress-letter-failed">
        {t('ui.progress.letter-failed', { reason: delivered.message })}
      </p>
    );
  }
  if (delivered.state === 'loading' || progress === undefined) return <p>{t('ui.loading')}</p>;
  if ('error' in progress) {
    return (
      <p role="alert" className="error">
        {t('ui.storage-failed', { reason: progress.error })}
      </p>
    );
  }
  return <LetterProgressView store={store} submissionId={submissionId} letter={delivered.letter} progress={progress} name={draftTitle(draft.summary)} />;
}

interface LetterProgressViewProps {
  readonly store: ProgressStore;
  readonly submissionId: string;
  readonly letter: Letter;
  readonly progress: LetterProgress;
  /** The draft's name, for the calendar file. */
  readonly name: string;
}

function LetterProgressView({ store, submissionId, letter, progress, name }: LetterProgressViewProps) {
  const today = useWarningClock();
  const [saved, setSaved] = useState<string | null>(null);
  const events = useMemo(() => letterCalendar(letter, progress.items, today), [letter, progress.items, today]);
  const eventOf = useMemo(() => new Map(events.flatMap((event) => (event.item ? [[event.item.number, event] as const] : []))), [events]);
  const recordOf = useMemo(() => new Map(progress.items.map((record) => [record.number, record])), [progress.items]);
  const letterBytes = progress.evidence.reduce((sum, file) => sum + file.size, 0);
  const letterEvidence = progress.evidence.filter((file) => file.number === undefined);

  const exportCalendar = () => {
    setSaved(null);
    void saveLetterCalendar(letter, progress.items, submissionId, name, new Date()).then(setSaved);
  };

  return (
    <section className="progress-tab" aria-label={t('ui.tab.progress')}>
      <p>{t('ui.progress.explain')}</p>
      <div className="progress-tab__calendar">
        <button type="button" onClick={exportCalendar}>
          {t('ui.progress.export-calendar')}
        </button>
        <span className="progress-tab__hint">{t('ui.progress.calendar-explain')}</span>
        <p role="status" data-testid="calendar-saved">
          {saved}
        </p>
      </div>
      {progress.unreadable > 0 && (
        <p role="alert" className="error" data-testid="progress-unreadable">
          {t('ui.progress.unreadable', { count: progress.unreadable })}
        </p>
      )}
      <p className="progress-tab__hint">{t('ui.progress.public-explain')}</p>
      <ol className="progress-items" aria-label={t('ui.progress.items')}>
        {printOrder(letter.items).map((index, position) => {
          const item = letter.items[index]!;
          const number = position + 1;
          return (
            <ItemProgressCard
              key={number}
              store={store}
              submissionId={submissionId}
              number={number}
              content={item.content}
              deadline={item.deadline}
              event={eventOf.get(number)}
              today={today}
              record={recordOf.get(number)}
              evidence={progress.evidence.filter((file) => file.number === number)}
              letterBytes={letterBytes}
            />
          );
        })}
      </ol>
      <section className="progress-tab__letter-evidence" aria-labelledby="letter-evidence-title">
        <h3 id="letter-evidence-title">{t('ui.progress.letter-evidence')}</h3>
        <p className="progress-tab__hint">{t('ui.progress.letter-evidence-explain')}</p>
        <EvidenceList store={store} submissionId={submissionId} files={letterEvidence} letterBytes={letterBytes} addLabel={t('ui.progress.add-letter-evidence')} />
      </section>
    </section>
  );
}
