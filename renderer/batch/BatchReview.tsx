import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import type { MemberProgress } from '../../core/batch/batch-progress';
import { t } from '../../core/i18n/translate';
import { toFormValues } from '../../core/letter/form-values';
import { postTypeLabel } from '../../core/staff/staff-roster-titles';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { PdfPreview } from '../pdf/PdfPreview';
import { renderAndSubmitEach } from '../review/submit-for-review';
import type { DraftStore } from '../store/draft-store';
import { describeStorageError } from '../store/storage-errors';

interface BatchReviewProps {
  readonly members: readonly MemberProgress[];
  readonly store: DraftStore;
  /** The unit's principal from the profile, offered as the reviewer. */
  readonly principalName: string;
  readonly onOpen: (draftId: string) => void;
}

interface Failure {
  readonly name: string;
  readonly reason: string;
}

/** Letters submitted or approved in one transaction: the bar moves and a stop is heard, without a write (and a redraw of the batch) per letter. */
const AT_ONCE = 20;

type Run = { readonly kind: 'submitting' | 'approving'; readonly done: number; readonly total: number } | null;

/**
 * Review in one sitting: every letter rendered and submitted exactly as a single letter is, 20 in
 * a transaction (a window closed half-way keeps what was done); then the principal reads any
 * letter's PDF and approves all or the ticked ones, each approval bound to its own PDF's hash.
 */
export function BatchReview({ members, store, principalName, onOpen }: BatchReviewProps) {
  const id = useId();
  const [run, setRun] = useState<Run>(null);
  const stop = useRef(false);
  const [result, setResult] = useState<string | null>(null);
  const [failures, setFailures] = useState<readonly Failure[]>([]);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [viewing, setViewing] = useState<MemberProgress | null>(null);
  const [by, setBy] = useState(principalName);
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ ids: readonly string[]; delegated: ReadonlySet<string> } | null>(null);

  const editable = members.filter((m) => m.draft && (m.stage === 'draft' || m.stage === 'returned'));
  const ready = editable.filter((m) => m.draft!.summary.errorCount === 0);
  const blocked = editable.filter((m) => m.draft!.summary.errorCount > 0);
  const inReview = members.filter((m) => m.stage === 'in-review' && m.draft?.review);
  const nameOf = new Map(members.map((m) => [m.member.draftId, m.member.name]));

  /**
   * Runs `step` on the letters `size` at a time, counting and collecting what went wrong (the
   * reasons `step` gives by draft id, or the storage error of its chunk); stops when asked.
   */
  const eachLetter = async (kind: 'submitting' | 'approving', ids: readonly string[], size: number, step: (chunk: readonly string[]) => Promise<ReadonlyMap<string, string>>): Promise<number> => {
    stop.current = false;
    setResult(null);
    setFailures([]);
    const failed: Failure[] = [];
    let done = 0;
    setRun({ kind, done, total: ids.length });
    for (let start = 0; start < ids.length && !stop.current; start += size) {
      const chunk = ids.slice(start, start + size);
      try {
        const refused = await step(chunk);
        for (const [draftId, reason] of refused) failed.push({ name: nameOf.get(draftId) ?? '', reason });
      } catch (error) {
        for (const draftId of chunk) failed.push({ name: nameOf.get(draftId) ?? '', reason: describeStorageError(error) });
      }
      done += chunk.length;
      setRun({ kind, done, total: ids.length });
    }
    setRun(null);
    setFailures(failed);
    return done - failed.length;
  };

  const submitAll = async () => {
    const submitted = await eachLetter('submitting', ready.map((m) => m.member.draftId), AT_ONCE, (chunk) => renderAndSubmitEach(store, chunk));
    setResult(t('ui.batch.review.submitted', { count: submitted }));
  };

  const approve = async (ids: readonly string[], confirmed = false) => {
    const reviewer = by.trim();
    if (reviewer === '') return setProblem(t('ui.review.name-required'));
    setProblem(null);
    // Each letter names its own signer; approving one signed by someone else is recorded as on their behalf, as for a single letter.
    const delegated = new Set<string>();
    for (const draftId of ids) if (toFormValues(await store.letter(draftId)).principal.name.trim() !== reviewer) delegated.add(draftId);
    if (delegated.size > 0 && !confirmed) return setAsking({ ids, delegated });
    const hashes = new Map(inReview.map((m) => [m.member.draftId, m.draft!.review!.pdfSha256]));
    const approved = await eachLetter('approving', ids, AT_ONCE, (chunk) =>
      store.decideEach(
        // The hash listed (and shown) for each letter; the store refuses it if the letter has moved on since.
        chunk.map((draftId) => ({ id: draftId, decision: { kind: 'approved', by: reviewer, at: Date.now(), pdfSha256: hashes.get(draftId) ?? '', ...(delegated.has(draftId) ? { delegated: true } : {}) } })),
      ),
    );
    setPicked(new Set());
    setResult(t('ui.batch.review.approved', { count: approved }));
  };

  const toggle = (draftId: string) => {
    const next = new Set(picked);
    if (next.has(draftId)) next.delete(draftId);
    else next.add(draftId);
    setPicked(next);
  };
  const pickedInReview = inReview.filter((m) => picked.has(m.member.draftId)).map((m) => m.member.draftId);
  const busy = run !== null;

  return (
    <div className="batch-review">
      {run && (
        <div className="progress" role="status" data-testid="batch-review-progress">
          {t(run.kind === 'submitting' ? 'ui.batch.review.submitting' : 'ui.batch.review.approving', { count: run.done, total: run.total })}
          <progress value={run.done} max={run.total} />
          <button type="button" onClick={() => (stop.current = true)}>
            {t('ui.batch.review.stop')}
          </button>
        </div>
      )}
      {result && !run && (
        <p role="status" className="notice" data-testid="batch-review-result">
          {result}
        </p>
      )}
      {failures.length > 0 && (
        <div className="error" data-testid="batch-review-failures">
          <p>{t('ui.batch.review.failed-list', { count: failures.length })}</p>
          <ul>
            {failures.map((failure, i) => (
              <li key={i}>{t('ui.batch.review.failed-item', { name: failure.name, reason: failure.reason })}</li>
            ))}
          </ul>
        </div>
      )}

      <section aria-labelledby={`${id}-submit`}>
        <h3 id={`${id}-submit`}>{t('ui.batch.review.submit-title')}</h3>
        <p>{t('ui.batch.review.submit-explain')}</p>
        {ready.length === 0 ? (
          <p>{t('ui.batch.review.nothing-to-submit')}</p>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => void submitAll()}>
            {t('ui.batch.review.submit-all', { count: ready.length })}
          </button>
        )}
        {blocked.length > 0 && (
          <>
            <p>{t('ui.batch.review.fix-first', { count: blocked.length })}</p>
            <ul>
              {blocked.map((m) => (
                <li key={m.member.memberId}>
                  <button type="button" className="link" onClick={() => onOpen(m.member.draftId)} aria-label={t('ui.batch.open-letter-named', { name: m.member.name })}>
                    {m.member.name}
                  </button>{' '}
                  {t('ui.batch.problems', { count: m.draft!.summary.errorCount })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby={`${id}-decide`}>
        <h3 id={`${id}-decide`}>{t('ui.batch.review.decide-title')}</h3>
        <p>{t('ui.batch.review.decide-explain')}</p>
        {inReview.length === 0 ? (
          <p>{t('ui.batch.review.none-in-review')}</p>
        ) : (
          <>
            <div className="actions actions--start">
              <button type="button" onClick={() => setPicked(new Set(inReview.map((m) => m.member.draftId)))}>
                {t('ui.batch.review.select-all')}
              </button>
              <button type="button" onClick={() => setPicked(new Set())}>
                {t('ui.batch.review.select-none')}
              </button>
            </div>
            <ul className="batch-review__list" aria-label={t('ui.batch.review.in-review-list')}>
              {inReview.map((m) => (
                <li key={m.member.memberId} data-testid="batch-review-item">
                  <label>
                    <input type="checkbox" checked={picked.has(m.member.draftId)} onChange={() => toggle(m.member.draftId)} aria-label={t('ui.batch.review.pick', { name: m.member.name })} />
                    {m.member.name} · {m.member.position} · {postTypeLabel(m.member.postType)}
                  </label>{' '}
                  <code>{t('ui.batch.review.fingerprint', { sha256: m.draft!.review!.pdfSha256.slice(0, 12) })}</code>{' '}
                  <button type="button" onClick={() => setViewing(m)} aria-label={t('ui.batch.review.view-pdf-named', { name: m.member.name })}>
                    {t('ui.batch.review.view-pdf')}
                  </button>
                </li>
              ))}
            </ul>
            <div className="field">
              <label htmlFor={`${id}-by`}>{t('ui.batch.review.reviewer')}</label>
              <input id={`${id}-by`} value={by} onChange={(e) => setBy(e.target.value)} />
            </div>
            {problem && <p className="field-message">{problem}</p>}
            <div className="actions actions--start">
              <button type="button" className="primary" disabled={busy} onClick={() => void approve(inReview.map((m) => m.member.draftId))}>
                {t('ui.batch.review.approve-all', { count: inReview.length })}
              </button>
              <button type="button" disabled={busy || pickedInReview.length === 0} onClick={() => void approve(pickedInReview)}>
                {t('ui.batch.review.approve-selected', { count: pickedInReview.length })}
              </button>
            </div>
          </>
        )}
      </section>
      {viewing && <ReviewPdf member={viewing} store={store} onClose={() => setViewing(null)} />}
      {asking && (
        <ConfirmDialog
          title={t('ui.batch.review.confirm-delegate-title')}
          message={t('ui.batch.review.confirm-delegate', { count: asking.delegated.size, by: by.trim() })}
          confirmLabel={t('ui.batch.review.confirm-delegate-ok')}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const { ids } = asking;
            setAsking(null);
            void approve(ids, true);
          }}
        />
      )}
    </div>
  );
}

/** The frozen PDF of one letter, checked against its hash, as the single letter's review shows it. */
function ReviewPdf({ member, store, onClose }: { member: MemberProgress; store: DraftStore; onClose: () => void }) {
  const draftId = member.member.draftId;
  // undefined while loading, null when it is gone or no longer matches its hash.
  const document = useLiveQuery(async () => (await store.reviewDocument(draftId)) ?? null, [store, draftId]);
  return (
    <section className="batch-review__pdf" aria-label={t('ui.batch.review.viewing', { name: member.member.name })} data-testid="batch-review-pdf">
      <h3>{t('ui.batch.review.viewing', { name: member.member.name })}</h3>
      <button type="button" onClick={onClose}>
        {t('ui.batch.review.close-pdf')}
      </button>
      {document === null && <p className="error">{t('ui.review.document-missing')}</p>}
      {document && (
        <>
          <p>
            <code data-testid="batch-review-sha256">{document.sha256}</code>
          </p>
          <PdfPreview bytes={document.bytes} />
        </>
      )}
    </section>
  );
}
