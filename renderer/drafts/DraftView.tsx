import { useState } from 'react';
import { t } from '../../core/i18n/translate';
import { useDebouncedSave } from '../app/use-debounced-save';
import { LetterPdfPanel } from '../pdf/LetterPdfPanel';
import { isRecord } from '../../core/json/is-record';
import type { DraftRecord } from './draft-db';
import { summarizeDraft } from './draft-summary';
import { formatTime } from './format-time';
import { LetterItems } from './LetterItems';

/**
 * One draft: its facts, what still needs fixing, the statement to edit and the live PDF.
 * The full editor comes with its own issue; editing the statement already proves the chain.
 */
export function DraftView({ draft, onBack, onSave }: { draft: DraftRecord; onBack: () => void; onSave: (letter: unknown) => unknown }) {
  // One debounce per open draft: leaving it (unmount) flushes its pending save, so switching
  // drafts quickly never drops the last edit of the one left behind.
  const saveLater = useDebouncedSave(onSave);
  // Typing edits this copy; the parent saves it. The stored draft is read only when opened.
  const [letterInput, setLetterInput] = useState<unknown>(draft.letter);
  const summary = summarizeDraft({ ...draft, letter: letterInput });
  const letter = isRecord(letterInput) ? letterInput : {};
  const editStatement = (statement: string) => {
    const next = { ...letter, statement };
    setLetterInput(next);
    saveLater(next);
  };
  const unit = isRecord(letter['unit']) ? letter['unit'] : {};
  const principal = isRecord(letter['principal']) ? letter['principal'] : {};
  const supervision = isRecord(letter['supervision']) ? letter['supervision'] : {};
  const rows: [string, unknown][] = [
    [t('ui.field.unit'), unit['name']],
    [t('ui.field.credit-code'), unit['creditCode']],
    [t('ui.field.year'), letter['year']],
    [t('ui.field.principal'), principal['name']],
    [t('ui.field.supervision'), supervision['phone']],
    [t('ui.created-at'), formatTime(draft.createdAt)],
    [t('ui.updated-at'), formatTime(draft.updatedAt)],
  ];
  return (
    <section className="draft-view" aria-labelledby="draft-title">
      <button type="button" onClick={onBack}>
        ← {t('ui.back')}
      </button>
      <h2 id="draft-title">
        {summary.unitName} {summary.year && t('ui.letter-title', { year: summary.year })}
      </h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{typeof value === 'string' || typeof value === 'number' ? value : '—'}</dd>
          </div>
        ))}
      </dl>
      {summary.errors.length === 0 ? (
        <p className="badge badge--ok" data-testid="validation-ok">
          {t('ui.no-problems')}
        </p>
      ) : (
        <ProblemList title={t('ui.problems')} problems={summary.errors} />
      )}
      {summary.warnings.length > 0 && <ProblemList title={t('ui.warnings')} problems={summary.warnings} />}
      <label className="statement">
        <span>{t('ui.field.statement')}</span>
        <textarea value={typeof letter['statement'] === 'string' ? letter['statement'] : ''} rows={5} onChange={(e) => editStatement(e.target.value)} />
      </label>
      <LetterItems items={letter['items']} />
      <LetterPdfPanel letter={letterInput} fileName={`${summary.unitName}${summary.year}年度政务诚信承诺书.pdf`} />
    </section>
  );
}

function ProblemList({ title, problems }: { title: string; problems: ReturnType<typeof summarizeDraft>['errors'] }) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul className="problems">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>{p.message}</li>
        ))}
      </ul>
    </section>
  );
}
