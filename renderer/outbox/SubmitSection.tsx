import { useState } from 'react';
import { currentSubmission, type DraftRecord } from '../../core/drafts/draft-record';
import { t } from '../../core/i18n/translate';
import type { EarlierSubmission } from '../../core/outbox/same-unit-submissions';
import { ConfirmDialog } from '../app/ConfirmDialog';
import type { DraftStore } from '../store/draft-store';
import { findSameUnitSubmissions, submitDraft } from './submit-draft';

type Question =
  | { kind: 'freeze' }
  | { kind: 'same-unit'; unit: { creditCode: string; year: number }; earlier: readonly EarlierSubmission[]; correctionTarget: EarlierSubmission | undefined };

/**
 * "报送到平台" for an approved letter with its signed copy: packs it and puts it in the outbox.
 * Packing freezes the signed copies, so it asks first; when this unit already packed or sent a
 * letter for the year, the question names it and offers to send this one as its correction.
 */
export function SubmitSection({
  draft,
  store,
  signedCount,
  onOpenOutbox,
}: {
  draft: DraftRecord;
  store: DraftStore;
  signedCount: number;
  onOpenOutbox: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [question, setQuestion] = useState<Question | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  // Packed already: the scans are frozen and the package is fixed, so queueing it again asks nothing.
  const packed = currentSubmission(draft) !== undefined;

  const submit = async (options: { supersedes?: string } = {}) => {
    setQuestion(null);
    setBusy(true);
    setResult(null);
    try {
      setResult(await submitDraft(store, draft.id, new Date(), options));
    } finally {
      setBusy(false);
    }
  };

  const ask = async () => {
    if (packed) return submit();
    // A person's letter is one of many of the unit each year: there is no earlier unit letter to correct.
    if (draft.summary.kind === 'person') return setQuestion({ kind: 'freeze' });
    setBusy(true);
    setResult(null);
    try {
      const found = await findSameUnitSubmissions(store, draft.id);
      setQuestion(found.unit && found.earlier.length > 0 ? { kind: 'same-unit', unit: found.unit, earlier: found.earlier, correctionTarget: found.correctionTarget } : { kind: 'freeze' });
    } catch {
      // The check could not run (storage trouble): still ask before freezing.
      setQuestion({ kind: 'freeze' });
    } finally {
      setBusy(false);
    }
  };

  const freezeMessage = t('ui.submit.confirm.message', { count: signedCount });

  return (
    <div className="submit-section">
      <p>{signedCount > 0 ? t('ui.submit.explain') : t('ui.submit.need-signed')}</p>
      <button type="button" className="primary" disabled={busy || signedCount === 0} onClick={() => void ask()}>
        {busy ? t('ui.submit.packing') : t('ui.submit.button')}
      </button>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'notice' : 'error'} data-testid="submit-result">
          {result.message}{' '}
          {result.ok && (
            <button type="button" className="link" onClick={onOpenOutbox}>
              {t('ui.submit.open-outbox')}
            </button>
          )}
        </p>
      )}
      {question?.kind === 'freeze' && (
        <ConfirmDialog
          title={t('ui.submit.confirm.title')}
          message={freezeMessage}
          confirmLabel={t('ui.submit.confirm.ok')}
          onConfirm={() => void submit()}
          onCancel={() => setQuestion(null)}
        />
      )}
      {question?.kind === 'same-unit' && (
        <ConfirmDialog
          title={t('ui.submit.same-unit.title', { year: question.unit.year })}
          message={<SameUnitMessage question={question} freezeMessage={freezeMessage} unitName={draft.summary.name} />}
          danger
          {...(question.correctionTarget
            ? {
                confirmLabel: t('ui.submit.as-correction'),
                onConfirm: () => void submit({ supersedes: question.correctionTarget!.submissionId }),
                alternative: { label: t('ui.submit.independent'), onSelect: () => void submit() },
              }
            : { confirmLabel: t('ui.submit.independent'), onConfirm: () => void submit() })}
          onCancel={() => setQuestion(null)}
        />
      )}
    </div>
  );
}

function SameUnitMessage({ question, freezeMessage, unitName }: { question: Extract<Question, { kind: 'same-unit' }>; freezeMessage: string; unitName: string }) {
  return (
    <>
      <p>{t('ui.submit.same-unit.message', { unit: unitName, code: question.unit.creditCode, year: question.unit.year })}</p>
      <ul data-testid="same-unit-earlier">
        {question.earlier.map((earlier) => (
          <li key={earlier.submissionId}>
            {t('ui.submit.same-unit.entry', {
              title: earlier.title ?? t('ui.submit.same-unit.unknown-title'),
              id: earlier.submissionId,
              state: stateLabel(earlier.state),
            })}
          </li>
        ))}
      </ul>
      <p>{question.correctionTarget ? t('ui.submit.same-unit.explain') : t('ui.submit.same-unit.refused-only')}</p>
      <p>{freezeMessage}</p>
    </>
  );
}

/** The list's own words for where a package stands, so the warning and the list agree. */
function stateLabel(state: EarlierSubmission['state']): string {
  if (state === 'not-queued' || state === 'delivered' || state === 'rejected') return t(`delivery.badge.${state}`);
  return t('delivery.badge.queued');
}
