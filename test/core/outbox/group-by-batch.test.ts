import { describe, expect, it } from 'vitest';
import { groupByBatch, tallyOf } from '../../../core/outbox/group-by-batch';
import type { SubmissionState } from '../../../core/outbox/outbox-entry';
import type { OriginBatch, OutboxItem } from '../../../core/outbox/outbox-item';

const A: OriginBatch = { id: 'batch-a', title: '2026 年度公职人员承诺（窗口）' };
const B: OriginBatch = { id: 'batch-b', title: '2026 年度公职人员承诺（执法）' };
const QUEUED: SubmissionState = { status: 'queued', attempt: 0 };
const WAITING: SubmissionState = { status: 'waiting', attempt: 2, retryAt: 10, lastError: { kind: 'network', message: '断网' } };
const SENDING: SubmissionState = { status: 'sending', attempt: 0, sent: 1, total: 4 };
const DELIVERED: SubmissionState = { status: 'delivered', receipt: { receiptId: 'R1', submissionId: 'x', receivedAt: '2026-04-21T00:00:00Z', sha256: '0'.repeat(64) } } as SubmissionState;
const REJECTED: SubmissionState = { status: 'rejected', code: 'invalid-package', message: '缺少签章件' };

function item(id: string, state: SubmissionState, batch?: OriginBatch, origin: 'app' | 'import' | 'none' = 'app'): OutboxItem {
  const entry = { package: { submissionId: id, sha256: '0'.repeat(64), size: 1 }, seq: 0, enqueuedAt: 0, state };
  if (origin === 'none') return { entry };
  const from = origin === 'import' ? { kind: 'import' as const, fileName: `${id}.zip` } : { kind: 'app' as const, draftId: `d-${id}`, ...(batch ? { batch } : {}) };
  return { entry, details: { unitName: '松岭县白鹭乡人民政府', creditCode: '112399210035901224', year: 2026, createdAt: '2026-04-20T00:00:00Z', origin: from, addedAt: 0 } };
}

const ids = (items: readonly OutboxItem[]) => items.map((i) => i.entry.package.submissionId);

describe('groupByBatch', () => {
  it('puts a batch’s submissions under one row where its first one stands, each still its own item, and leaves the rest alone', () => {
    const rows = groupByBatch([item('u1', DELIVERED), item('a1', QUEUED, A), item('i1', QUEUED, undefined, 'import'), item('a2', DELIVERED, A), item('b1', QUEUED, B), item('n1', QUEUED, undefined, 'none'), item('a3', SENDING, A)]);
    expect(rows.map((row) => (row.kind === 'single' ? ids([row.item])[0] : `${row.batch.id}:${ids(row.items).join(',')}`))).toEqual(['u1', 'batch-a:a1,a2,a3', 'i1', 'batch-b:b1', 'n1']);
  });

  it('tells batches apart by id, not by title', () => {
    const rows = groupByBatch([item('a1', QUEUED, A), item('c1', QUEUED, { ...B, title: A.title })]);
    expect(rows.filter((row) => row.kind === 'batch')).toHaveLength(2);
  });

  it('returns nothing for an empty outbox', () => {
    expect(groupByBatch([])).toEqual([]);
  });
});

describe('tallyOf', () => {
  it('counts each submission once: only a receipt counts as delivered, a letter waiting for its retry is still pending', () => {
    expect(tallyOf([item('1', DELIVERED, A), item('2', DELIVERED, A), item('3', QUEUED, A), item('4', WAITING, A), item('5', SENDING, A), item('6', REJECTED, A)])).toEqual({
      total: 6,
      delivered: 2,
      sending: 1,
      pending: 2,
      rejected: 1,
    });
  });

  it('is in every batch row', () => {
    const [row] = groupByBatch([item('1', DELIVERED, A), item('2', QUEUED, A)]);
    expect(row).toMatchObject({ kind: 'batch', tally: { total: 2, delivered: 1, pending: 1 } });
  });
});
