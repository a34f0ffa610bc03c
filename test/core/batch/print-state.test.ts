import { describe, expect, it } from 'vitest';
import { batchProgress, type BatchDraftState } from '../../../core/batch/batch-progress';
import { BatchRecordSchema, type BatchMember, type BatchPrinted } from '../../../core/batch/batch-record';
import { printState } from '../../../core/batch/print-state';
import type { DraftRecord } from '../../../core/drafts/draft-record';
import { approved, fresh, inReview, OTHER_SHA, PDF_SHA } from '../drafts/draft-fixtures';

const member = (row: number, name: string): BatchMember => ({ memberId: `m${row}`, row, name, position: '科员', department: '综合办', postType: 'other', draftId: `d${row}` });
const MEMBERS = [member(3, '王芳'), member(4, '李明'), member(5, '赵强')];

/** The batch's members as the screen sees them, with d3 and d4 approved on PDF_SHA and d5 in review unless told otherwise. */
function members(drafts: Record<string, DraftRecord> = {}) {
  const all: Record<string, DraftRecord> = { d3: { ...approved, id: 'd3' }, d4: { ...approved, id: 'd4' }, d5: { ...inReview, id: 'd5' }, ...drafts };
  const states = new Map<string, BatchDraftState>(Object.entries(all).map(([id, draft]) => [id, { draft, signedCopies: 0 }]));
  const batch = BatchRecordSchema.parse({ id: 'b1', year: 2026, title: '批次', createdAt: 1, sourceName: '名单.xlsx', members: MEMBERS, refused: [] });
  return batchProgress(batch, states, null).members;
}

const names = (list: readonly { readonly member: { readonly name: string } }[]) => list.map((m) => m.member.name);

const PRINTED: BatchPrinted = {
  batchKey: '7K2QMX',
  printedAt: 5,
  letters: [
    { draftId: 'd3', pdfSha256: PDF_SHA, pages: 1, firstPage: 3 },
    { draftId: 'd4', pdfSha256: PDF_SHA, pages: 1, firstPage: 5 },
  ],
};

describe('printState', () => {
  it('prints the approved letters in roster order and names those left out', () => {
    const state = printState(undefined, members());
    expect(state.printable.map((l) => [l.member.member.name, l.pdfSha256])).toEqual([['王芳', PDF_SHA], ['李明', PDF_SHA]]);
    expect(names(state.notApproved)).toEqual(['赵强']);
    expect(state).toMatchObject({ matching: [], changed: [] });
  });

  it('matches the paper to the letters whose approval is still the one printed', () => {
    const state = printState(PRINTED, members());
    expect(names(state.matching)).toEqual(['王芳', '李明']);
    expect(state.changed).toEqual([]);
  });

  it('says the paper no longer matches once a letter is approved again, reopened, or newly approved', () => {
    const again = { ...approved, id: 'd4', review: { ...approved.review!, pdfSha256: OTHER_SHA, decision: { ...approved.review!.decision!, pdfSha256: OTHER_SHA } } };
    const state = printState(PRINTED, members({ d3: { ...fresh, id: 'd3' }, d4: again, d5: { ...approved, id: 'd5' } }));
    expect(state.matching).toEqual([]);
    expect(names(state.changed)).toEqual(['王芳', '李明', '赵强']);
    expect(state.printable.map((l) => l.pdfSha256)).toEqual([OTHER_SHA, PDF_SHA]);
  });
});
