import { useCallback, useRef, useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { DraftRecord } from '../../core/drafts/draft-record';
import { useDebouncedSave } from '../app/use-debounced-save';
import { LetterPdfPanel } from '../pdf/LetterPdfPanel';
import { useLetterPdf } from '../pdf/use-letter-pdf';
import { ReturnedComments } from '../review/ReturnedComments';
import { LetterEditor } from './LetterEditor';
import { createProblemVisibility, ProblemVisibilityContext } from './problem-visibility';

interface EditPanelProps {
  readonly draft: DraftRecord;
  /** The stored letter when the panel opened. */
  readonly letter: unknown;
  readonly fileName: string;
  readonly onSave: (letter: unknown) => Promise<void>;
  /** The one-shot save for a page that is going away; false when it cannot be used. */
  readonly onSaveUrgently: (letter: unknown) => boolean;
  readonly onReopen: () => void;
  /** Opened because submitting was refused: every field shows its problem at once. */
  readonly revealProblems?: boolean;
}

/**
 * The form beside the live PDF. Each change is saved within a second (a pause of 300 ms, or
 * every 800 ms of continuous typing), and at once when a field loses focus or the page goes away.
 */
export function EditPanel({ draft, letter, fileName, onSave, onSaveUrgently, onReopen, revealProblems = false }: EditPanelProps) {
  const [current, setCurrent] = useState<unknown>(letter);
  const lastSaved = useRef(JSON.stringify(letter));
  const { schedule, flush } = useDebouncedSave(onSave, onSaveUrgently);
  const pdf = useLetterPdf(current);
  const [visibility] = useState(() => createProblemVisibility(revealProblems));
  const frozen = draft.status === 'in-review' || draft.status === 'approved';

  const onChange = useCallback(
    (next: Record<string, unknown>) => {
      const json = JSON.stringify(next);
      if (json === lastSaved.current) return; // a re-validation is not an edit
      lastSaved.current = json;
      setCurrent(next);
      schedule(next);
    },
    [schedule],
  );

  return (
    <div className="edit-panel">
      {frozen && (
        <div className="banner" role="note">
          <p>{draft.status === 'approved' ? t('ui.frozen.approved') : t('ui.frozen.in-review')}</p>
          <button type="button" onClick={onReopen}>
            {t('ui.reopen')}
          </button>
        </div>
      )}
      <ReturnedComments draft={draft} />
      <ProblemVisibilityContext.Provider value={visibility}>
        <LetterEditor letter={letter} readOnly={frozen} onChange={onChange} onFlush={flush} />
      </ProblemVisibilityContext.Provider>
      <LetterPdfPanel pdf={pdf} fileName={fileName} onBlocked={visibility.revealAll} />
    </div>
  );
}
