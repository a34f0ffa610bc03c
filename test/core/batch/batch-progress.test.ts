import { describe, expect, it } from 'vitest';
import { batchProgress, memberStage, type BatchDraftState } from '../../../core/batch/batch-progress';
import { BatchRecordSchema, type BatchMember, type BatchRecord } from '../../../core/batch/batch-record';
import type { DraftRecord } from '../../../core/drafts/draft-record';
import type { SubmissionState } from '../../../core/outbox/outbox-entry';
import type { OutboxSnapshot } from '../../../core/outbox/outbox-item';
import type { PostType } from '../../../core/staff/staff-member';
import { approved, fresh, inReview, packed, returned } from '../drafts/draft-fixtures';

const SUBMISSION = packed.submissions![0]!.submissionId;
const RECEIPT = { receiptId: 'R-2026-0001', submissionId: SUBMISSION, sha256: 'b'.repeat(64), receivedAt: '2026-05-01T02:00:00.000Z' };

function outbox(state: SubmissionState): OutboxSnapshot {
  return { items: [{ entry: { package: { submissionId: SUBMISSION, sha256: 'b'.repeat(64), size: 100 }, seq: 1, enqueuedAt: 3, state } }], connection: { state: 'online' } };
}

const member = (row: number, name: string, postType: PostType): BatchMember => ({ memberId: `m${row}`, row, name, position: '科员', department: '综合办', postType, draftId: `d${row}` });

function batch(members: BatchMember[], refused: BatchRecord['refused'] = []): BatchRecord {
  return BatchRecordSchema.parse({ id: 'b1', year: 2026, title: '2026年度公职人员承诺书', createdAt: 1, sourceName: '人员名单.xlsx', members, refused });
}

const state = (draft: DraftRecord | undefined, signedCopies = 0): BatchDraftState => ({ draft, signedCopies });

describe('memberStage', () => {
  it('follows the draft, counts a signed copy only on an approved letter, and delivered only on a receipt', () => {
    const none = { kind: 'not-packed' } as const;
    expect(memberStage(undefined, none)).toBe('absent');
    expect(memberStage(state({ ...fresh, deletedAt: 5 }), none)).toBe('absent');
    expect(memberStage(state(fresh, 3), none)).toBe('draft');
    expect(memberStage(state(returned), none)).toBe('returned');
    expect(memberStage(state(inReview, 1), none)).toBe('in-review');
    expect(memberStage(state(approved), none)).toBe('approved');
    expect(memberStage(state(approved, 1), none)).toBe('signed');
    expect(memberStage(state(packed, 1), { kind: 'queued', submissionId: SUBMISSION, reason: { kind: 'offline' } })).toBe('signed');
    expect(memberStage(state(packed, 1), { kind: 'delivered', submissionId: SUBMISSION, receipt: RECEIPT })).toBe('delivered');
  });
});

describe('batchProgress', () => {
  const members = [member(3, '王一', 'other'), member(4, '李二', 'window'), member(5, '赵三', 'enforcement'), member(6, '钱四', 'other'), member(7, '孙五', 'window'), member(8, '周六', 'other')];
  const drafts = new Map<string, BatchDraftState>([
    ['d3', state({ ...packed, id: 'd3' }, 1)],
    ['d4', state({ ...approved, id: 'd4' }, 1)],
    ['d5', state({ ...approved, id: 'd5' })],
    ['d6', state({ ...inReview, id: 'd6' })],
    ['d7', state({ ...fresh, id: 'd7' })],
    // d8 was purged: its member is still on the roster, with no letter.
  ]);

  it('counts every step a letter has got to, and only a receipt as delivered', () => {
    const progress = batchProgress(batch(members), drafts, outbox({ status: 'delivered', receipt: RECEIPT }));
    expect(progress.counts).toEqual({ people: 6, drafted: 5, inReview: 1, approved: 3, signed: 2, delivered: 1 });
    expect(progress.members.map((m) => m.stage)).toEqual(['delivered', 'signed', 'approved', 'in-review', 'draft', 'absent']);
  });

  it('counts nothing as delivered while the package is still queued or the outbox is unread', () => {
    for (const snapshot of [outbox({ status: 'queued', attempt: 0 }), null]) {
      const progress = batchProgress(batch(members), drafts, snapshot);
      expect(progress.counts).toMatchObject({ approved: 3, signed: 2, delivered: 0 });
      expect(progress.missing.map((m) => (m.kind === 'member' ? m.member.name : m.row))).toContain('王一');
    }
  });

  it('lists the missing window and enforcement staff first, then by row, with refused rows counted as people and missing', () => {
    const refused = [
      { row: 0, message: '第 0 行：表头缺少“姓名”。' },
      { row: 9, message: '第 9 行：没有姓名。' },
      { row: 2, message: '第 2 行：身份证号校验码不对。' },
    ];
    const progress = batchProgress(batch(members, refused), drafts, outbox({ status: 'delivered', receipt: RECEIPT }));
    expect(progress.counts.people).toBe(8);
    expect(progress.missing.map((m) => (m.kind === 'member' ? `${m.member.name}:${m.stage}` : `row ${m.row}`))).toEqual([
      '李二:signed',
      '孙五:draft',
      '赵三:approved',
      'row 2',
      '钱四:in-review',
      '周六:absent',
      'row 9',
    ]);
    const refusedRow = progress.missing.find((m) => m.kind === 'refused' && m.row === 2);
    expect(refusedRow).toEqual({ kind: 'refused', row: 2, message: '第 2 行：身份证号校验码不对。' });
  });

  it('has nobody missing once every member is delivered and no row was refused', () => {
    const one = [member(3, '王一', 'window')];
    const progress = batchProgress(batch(one), new Map([['d3', state({ ...packed, id: 'd3' }, 1)]]), outbox({ status: 'delivered', receipt: RECEIPT }));
    expect(progress.missing).toEqual([]);
    expect(progress.counts).toEqual({ people: 1, drafted: 1, inReview: 0, approved: 1, signed: 1, delivered: 1 });
  });
});

describe('the batch record', () => {
  it('holds no ID number: a member with one does not survive the schema', () => {
    const parsed = BatchRecordSchema.parse({ ...batch([member(3, '王一', 'window')]), members: [{ ...member(3, '王一', 'window'), idNumber: '11010519491231002X' }] });
    expect(JSON.stringify(parsed)).not.toContain('11010519491231002X');
  });
});
