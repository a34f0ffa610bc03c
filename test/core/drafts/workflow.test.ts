import { describe, expect, it } from 'vitest';
import { describeRefusal, type DraftRefusal } from '../../../core/drafts/draft-refusal';
import { DraftRecordSchema, DRAFT_STATUSES, type SnapshotRecord } from '../../../core/drafts/draft-record';
import { summarizeLetter } from '../../../core/drafts/summarize-letter';
import {
  AUTOSAVE_SNAPSHOT_MS,
  decide,
  editLetter,
  editLetterWithoutSnapshot,
  isIntactDocument,
  newDraft,
  purgeRefusal,
  reopen,
  restoreSnapshot,
  submitForReview,
  type Submission,
} from '../../../core/drafts/workflow';
import { approval, approved, byStatus, comments, document, fresh, inReview, LETTER, MINUTE, OTHER_SHA, PDF_SHA, returned, T0 } from './draft-fixtures';

const halfWritten = { ...LETTER, items: [] };
const submission = (extra: Partial<Submission> = {}): Submission => ({ letter: LETTER, renderedFrom: structuredClone(LETTER), pdfSha256: PDF_SHA, snapshotId: 's-new', at: T0 + 10 * MINUTE, ...extra });
const old: SnapshotRecord = { id: 's-old', draftId: 'd1', at: T0, reason: 'created', status: 'draft', letter: halfWritten };

describe('newDraft', () => {
  it('is a draft with the summary of its letter and a created snapshot', () => {
    const { draft, snapshots } = newDraft('d9', 'policy', LETTER, T0);
    expect(DraftRecordSchema.parse(draft)).toEqual({ id: 'd9', templateKey: 'policy', status: 'draft', createdAt: T0, updatedAt: T0, summary: summarizeLetter(LETTER), lastSnapshotAt: T0 });
    expect(snapshots).toEqual([{ at: T0, reason: 'created', status: 'draft', letter: LETTER }]);
  });
});

describe('editLetter', () => {
  it('recomputes the summary and time, keeping a returned letter returned with its review', () => {
    const edit = editLetter(returned, halfWritten, returned.lastSnapshotAt + MINUTE);
    expect(edit).toMatchObject({ ok: true, snapshots: [] });
    expect(edit.ok && edit.draft).toEqual({ ...returned, summary: summarizeLetter(halfWritten), updatedAt: returned.lastSnapshotAt + MINUTE });
  });

  it('keeps an autosave snapshot once AUTOSAVE_SNAPSHOT_MS have passed since the last one, not before', () => {
    expect(editLetter(fresh, halfWritten, T0 + AUTOSAVE_SNAPSHOT_MS - 1)).toMatchObject({ ok: true, draft: { lastSnapshotAt: T0 }, snapshots: [] });
    const due = editLetter(fresh, halfWritten, T0 + AUTOSAVE_SNAPSHOT_MS);
    expect(due).toMatchObject({ ok: true, draft: { lastSnapshotAt: T0 + AUTOSAVE_SNAPSHOT_MS } });
    expect(due.ok && due.snapshots).toEqual([{ at: T0 + AUTOSAVE_SNAPSHOT_MS, reason: 'autosave', status: 'draft', letter: halfWritten }]);
  });

  it.each(['in-review', 'approved'] as const)('refuses a letter that is %s: it must be reopened first', (status) => {
    const refusal: DraftRefusal = { code: 'frozen', status };
    expect(editLetter(byStatus[status], halfWritten, T0 + 99 * MINUTE)).toEqual({ ok: false, refusal });
    expect(editLetterWithoutSnapshot(byStatus[status], halfWritten, T0 + 99 * MINUTE)).toEqual({ ok: false, refusal });
  });

  it('saves urgently with neither a snapshot nor a new snapshot time, however long ago the last one was', () => {
    const at = T0 + 10 * AUTOSAVE_SNAPSHOT_MS;
    expect(editLetterWithoutSnapshot(fresh, halfWritten, at)).toEqual({ ok: true, draft: { ...fresh, summary: summarizeLetter(halfWritten), updatedAt: at } });
  });
});

describe('purgeRefusal', () => {
  it('allows only a draft in the bin', () => {
    expect(purgeRefusal(fresh)).toEqual({ code: 'not-in-bin' });
    expect(purgeRefusal({ ...approved, deletedAt: T0 })).toBeUndefined();
  });
});

describe('restoreSnapshot', () => {
  const at = T0 + 30 * MINUTE;

  it('puts the old letter back as a draft without review, keeping the current letter and review first', () => {
    const restored = restoreSnapshot(approved, LETTER, old, at);
    if (!restored.ok) throw new Error('refused');
    expect(restored.letter).toBe(halfWritten);
    expect(restored.draft).toEqual({ ...fresh, status: 'draft', summary: summarizeLetter(halfWritten), updatedAt: at, lastSnapshotAt: at });
    expect(restored.draft).not.toHaveProperty('review');
    expect(restored.snapshots).toEqual([
      { at, reason: 'before-restore', status: 'approved', letter: LETTER, review: approved.review },
      { at: at + 1, reason: 'restored', status: 'draft', letter: halfWritten },
    ]);
  });

  it('keeps no review key in the before-restore snapshot of a draft that had none', () => {
    const restored = restoreSnapshot(fresh, LETTER, old, at);
    expect(restored.ok && restored.snapshots[0]).not.toHaveProperty('review');
  });

  it("refuses a missing snapshot or another draft's", () => {
    expect(restoreSnapshot(fresh, LETTER, undefined, at)).toEqual({ ok: false, refusal: { code: 'snapshot-missing' } });
    expect(restoreSnapshot(fresh, LETTER, { ...old, draftId: 'd2' }, at)).toEqual({ ok: false, refusal: { code: 'snapshot-missing' } });
  });
});

describe('submitForReview', () => {
  it('freezes the letter and the PDF: in review, bound to the submitted snapshot by its id', () => {
    const at = T0 + 10 * MINUTE;
    const review = { snapshotId: 's-new', pdfSha256: PDF_SHA, submittedAt: at };
    expect(submitForReview(fresh, submission())).toEqual({
      ok: true,
      review,
      draft: { ...fresh, status: 'in-review', review, updatedAt: at, lastSnapshotAt: at },
      snapshots: [{ id: 's-new', at, reason: 'submitted', status: 'in-review', letter: LETTER, review }],
    });
  });

  it('takes a returned letter again, dropping the old decision', () => {
    const again = submitForReview(returned, submission({ pdfSha256: OTHER_SHA }));
    expect(again.ok && again.draft.review).toEqual({ snapshotId: 's-new', pdfSha256: OTHER_SHA, submittedAt: T0 + 10 * MINUTE });
  });

  it.each(['in-review', 'approved'] as const)('refuses a letter already %s', (status) => {
    expect(submitForReview(byStatus[status], submission())).toEqual({ ok: false, refusal: { code: 'already-submitted', status } });
  });

  it('refuses a letter with errors, counting them', () => {
    const withErrors = { ...fresh, summary: { ...fresh.summary, errorCount: 3 } };
    expect(submitForReview(withErrors, submission())).toEqual({ ok: false, refusal: { code: 'has-errors', count: 3 } });
  });

  it('refuses when the stored letter is not the one the PDF was made from', () => {
    expect(submitForReview(fresh, submission({ renderedFrom: halfWritten }))).toEqual({ ok: false, refusal: { code: 'changed-while-rendering' } });
  });
});

describe('decide', () => {
  it('approves the PDF that was submitted and is still intact', () => {
    const review = { ...inReview.review!, decision: approval };
    expect(decide(inReview, approval, LETTER, document())).toEqual({
      ok: true,
      draft: { ...inReview, status: 'approved', review, updatedAt: approval.at, lastSnapshotAt: approval.at },
      snapshots: [{ at: approval.at, reason: 'approved', status: 'approved', letter: LETTER, review }],
    });
  });

  it('returns a letter with comments', () => {
    expect(decide(inReview, comments, LETTER, document())).toMatchObject({ ok: true, draft: { status: 'returned', review: { decision: comments } }, snapshots: [{ reason: 'returned' }] });
  });

  it.each(DRAFT_STATUSES.filter((s) => s !== 'in-review'))('refuses a letter that is %s', (status) => {
    expect(decide(byStatus[status], approval, LETTER, document())).toEqual({ ok: false, refusal: { code: 'not-in-review' } });
  });

  it('refuses a letter marked in review without a review record', () => {
    expect(decide({ ...fresh, status: 'in-review' }, approval, LETTER, document())).toEqual({ ok: false, refusal: { code: 'not-in-review' } });
  });

  it('refuses a decision on another PDF than the one submitted', () => {
    expect(decide(inReview, { ...approval, pdfSha256: OTHER_SHA }, LETTER, document())).toEqual({ ok: false, refusal: { code: 'other-pdf' } });
  });

  it('refuses when the frozen PDF is gone or its bytes changed since it was shown', () => {
    const damaged = { ok: false, refusal: { code: 'pdf-damaged' } };
    expect(decide(inReview, approval, LETTER, undefined)).toEqual(damaged);
    expect(decide(inReview, approval, LETTER, document(new TextEncoder().encode('%PDF-1.7\ntampered\n%%EOF')))).toEqual(damaged);
  });
});

describe('reopen', () => {
  it('makes an approved letter a draft again, the approval kept only in the reopened snapshot', () => {
    const at = T0 + 40 * MINUTE;
    const change = reopen(approved, LETTER, at);
    expect(change.draft).toEqual({ ...fresh, updatedAt: at, lastSnapshotAt: at });
    expect(change.snapshots).toEqual([{ at, reason: 'reopened', status: 'approved', letter: LETTER, review: approved.review }]);
  });

  it('keeps no review key for a letter that had none', () => {
    expect(reopen(fresh, LETTER, T0).snapshots[0]).not.toHaveProperty('review');
  });
});

describe('isIntactDocument', () => {
  it('holds only for stored bytes that still hash to the expected value', () => {
    expect(isIntactDocument(document(), PDF_SHA)).toBe(true);
    expect(isIntactDocument(document(), OTHER_SHA)).toBe(false);
    expect(isIntactDocument(undefined, PDF_SHA)).toBe(false);
  });
});

describe('describeRefusal', () => {
  const every: DraftRefusal[] = [
    { code: 'not-found' },
    { code: 'frozen', status: 'in-review' },
    { code: 'already-submitted', status: 'approved' },
    { code: 'has-errors', count: 2 },
    { code: 'changed-while-rendering' },
    { code: 'not-in-bin' },
    { code: 'snapshot-missing' },
    { code: 'not-in-review' },
    { code: 'other-pdf' },
    { code: 'pdf-damaged' },
    { code: 'not-approved' },
    { code: 'no-signed-copy' },
    { code: 'signed-locked' },
    { code: 'signed-pdf-rotation', name: '签章页.pdf' },
  ];

  it.each(every)('words $code in Chinese with every placeholder filled', (refusal) => {
    const message = describeRefusal(refusal);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(/\{\w+\}/);
  });

  it('names the status, the count and the file where the refusal has them', () => {
    expect(describeRefusal({ code: 'frozen', status: 'in-review' })).toContain('待审核');
    expect(describeRefusal({ code: 'already-submitted', status: 'approved' })).toContain('已批准');
    expect(describeRefusal({ code: 'has-errors', count: 2 })).toContain('2');
    expect(describeRefusal({ code: 'signed-pdf-rotation', name: '签章页.pdf' })).toContain('签章页.pdf');
  });
});
