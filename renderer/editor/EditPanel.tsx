import { useCallback, useMemo, useRef, useState } from 'react';
import { t } from '../../core/i18n/translate';
import type { DraftRecord } from '../../core/drafts/draft-record';
import type { Problem } from '../../core/letter/problem';
import { useDebouncedSave } from '../app/use-debounced-save';
import { LetterPdfPanel } from '../pdf/LetterPdfPanel';
import { useLetterPdf } from '../pdf/use-letter-pdf';
import { ExtraProblemsContext, extraProblemsByField } from './extra-problems';
import { LetterEditor } from './LetterEditor';

interface EditPanelProps {
  readonly draft: DraftRecord;
  /** The stored letter when the panel opened. */
  readonly letter: unknown;
  readonly fileName: string;
  readonly onSave: (letter: unknown) => Promise<void>;
  /** The one-shot save for a page that is going away; false when it cannot be used. */
  readonly onSaveUrgently: (letter: unknown) => boolean;
  readonly onReopen: () => void;
}

/**
 * The form beside the live PDF. Each change is saved within a second (a pause of 300 ms, or
 * every 800 ms of continuous typing), and at once when a field loses focus or the page goes away.
 */
export function EditPanel({ draft, letter, fileName, onSave, onSaveUrgently, onReopen }: EditPanelProps) {
  const [current, setCurrent] = useState<unknown>(letter);
  const lastSaved = useRef(JSON.stringify(letter));
  const { schedule, flush } = useDebouncedSave(onSave, onSaveUrgently);
  const pdf = useLetterPdf(current);
  // Every field listens to these; keep the same map while they stay the same, so a new PDF
  // does not re-render the whole form.
  const coverageKey = pdf.status === 'problems' ? JSON.stringify(pdf.problems.filter((p) => p.code === 'coverage.missing')) : '[]';
  const extraProblems = useMemo(() => extraProblemsByField(JSON.parse(coverageKey) as Problem[]), [coverageKey]);
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
      <ExtraProblemsContext.Provider value={extraProblems}>
        <LetterEditor letter={letter} readOnly={frozen} onChange={onChange} onFlush={flush} />
      </ExtraProblemsContext.Provider>
      <LetterPdfPanel pdf={pdf} fileName={fileName} />
    </div>
  );
}
