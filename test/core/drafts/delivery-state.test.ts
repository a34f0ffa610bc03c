import { describe, expect, it } from 'vitest';
import type { DraftRecord } from '../../../core/drafts/draft-record';
import { deliveryBadge, deliveryFilterOf, deliveryState, describeDelivery, describeRejection, type DeliveryState } from '../../../core/drafts/delivery-state';
import type { SubmissionState } from '../../../core/outbox/outbox-entry';
import type { Connection, OutboxSnapshot } from '../../../core/outbox/outbox-item';

const PDF = 'a'.repeat(64);
const ID = '3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b';
const clock = (ms: number) => `T${ms}`;

type DraftPart = Pick<DraftRecord, 'status' | 'review' | 'submissions'>;
const approved: DraftPart = {
  status: 'approved',
  review: { snapshotId: 's1', pdfSha256: PDF, submittedAt: 1, decision: { kind: 'approved', by: '李明', at: 2, pdfSha256: PDF } },
};
const packed: DraftPart = { ...approved, submissions: [{ submissionId: ID, approvalSha256: PDF, packedAt: 3 }] };

function snapshot(state: SubmissionState | undefined, connection: Connection = { state: 'online' }): OutboxSnapshot {
  const items = state ? [{ entry: { package: { submissionId: ID, sha256: 'b'.repeat(64), size: 100 }, seq: 1, enqueuedAt: 3, state } }] : [];
  return { items, connection };
}

const RECEIPT = { receiptId: 'R-2026-0001', submissionId: ID, sha256: 'b'.repeat(64), receivedAt: '2026-05-01T02:00:00.000Z' };

describe('deliveryState', () => {
  it('is not packed before packing, or once the letter is reopened (an earlier package is not this approval’s)', () => {
    expect(deliveryState(approved, snapshot(undefined))).toEqual({ kind: 'not-packed' });
    expect(deliveryState({ ...packed, status: 'draft' }, snapshot({ status: 'delivered', receipt: RECEIPT }))).toEqual({ kind: 'not-packed' });
  });

  it('says nothing either way while the outbox is unread, and not-queued when the outbox lacks the package', () => {
    expect(deliveryState(packed, null)).toEqual({ kind: 'unknown', submissionId: ID });
    expect(deliveryState(packed, snapshot(undefined))).toEqual({ kind: 'not-queued', submissionId: ID });
  });

  it('is queued with the settings’ fault first: no address, no token, a refused token beat a pending retry', () => {
    const waiting: SubmissionState = { status: 'waiting', attempt: 2, retryAt: 5000, lastError: { kind: 'network', message: '无法连接。' } };
    expect(deliveryState(packed, snapshot(waiting, { state: 'not-configured' }))).toMatchObject({ kind: 'queued', reason: { kind: 'no-endpoint' } });
    expect(deliveryState(packed, snapshot(waiting, { state: 'no-token' }))).toMatchObject({ kind: 'queued', reason: { kind: 'no-token' } });
    expect(deliveryState(packed, snapshot(waiting, { state: 'unauthorized' }))).toMatchObject({ kind: 'queued', reason: { kind: 'unauthorized' } });
    expect(deliveryState(packed, snapshot(waiting, { state: 'offline' }))).toMatchObject({ kind: 'queued', reason: { kind: 'retry', attempt: 2, retryAt: 5000 } });
  });

  it('is queued offline, checking or next in line by the connection, and sending with its percentage', () => {
    const queued: SubmissionState = { status: 'queued', attempt: 0 };
    expect(deliveryState(packed, snapshot(queued, { state: 'offline' }))).toMatchObject({ reason: { kind: 'offline' } });
    expect(deliveryState(packed, snapshot(queued, { state: 'unknown' }))).toMatchObject({ reason: { kind: 'checking' } });
    expect(deliveryState(packed, snapshot(queued, { state: 'online' }))).toMatchObject({ reason: { kind: 'next' } });
    expect(deliveryState(packed, snapshot({ status: 'sending', attempt: 0, sent: 2, total: 3 }))).toMatchObject({ reason: { kind: 'sending', percent: 66 } });
  });

  it('is delivered only with the receipt, and rejected with the platform’s code and reason', () => {
    expect(deliveryState(packed, snapshot({ status: 'delivered', receipt: RECEIPT }))).toEqual({ kind: 'delivered', submissionId: ID, receipt: RECEIPT });
    expect(deliveryState(packed, snapshot({ status: 'rejected', code: 'forbidden', message: '不是本单位。' }))).toEqual({ kind: 'rejected', submissionId: ID, code: 'forbidden', message: '不是本单位。' });
  });
});

describe('wording', () => {
  const queued = (reason: Extract<DeliveryState, { kind: 'queued' }>['reason']): DeliveryState => ({ kind: 'queued', submissionId: ID, reason });

  it('never says 已送达 or 已报送 for anything but a delivery', () => {
    const notDelivered: DeliveryState[] = [
      { kind: 'not-queued', submissionId: ID },
      ...(['no-endpoint', 'no-token', 'unauthorized', 'offline', 'checking', 'next'] as const).map((kind) => queued({ kind })),
      queued({ kind: 'sending', percent: 40 }),
      queued({ kind: 'retry', attempt: 1, retryAt: 9, message: '超时。' }),
      { kind: 'rejected', submissionId: ID, code: 'invalid-package', message: '报送包损坏。' },
    ];
    for (const state of notDelivered) {
      const said = `${deliveryBadge(state) ?? ''} ${describeDelivery(state, clock)}`;
      expect({ state: state.kind, said }).toEqual({ state: state.kind, said: expect.not.stringMatching(/已送达|已报送/) });
    }
    const delivered: DeliveryState = { kind: 'delivered', submissionId: ID, receipt: RECEIPT };
    expect(deliveryBadge(delivered)).toBe('已送达');
    expect(describeDelivery(delivered, (ms) => new Date(ms).toISOString())).toBe('已送达：回执编号 R-2026-0001，平台收到时间 2026-05-01T02:00:00.000Z。');
  });

  it('says a queued letter is not delivered, and why', () => {
    expect(describeDelivery(queued({ kind: 'no-endpoint' }), clock)).toBe('待发送，尚未送达（还没有设置报送平台地址，请在“发送队列”的“报送平台设置”中填写）。');
    expect(describeDelivery(queued({ kind: 'sending', percent: 40 }), clock)).toBe('待发送，尚未送达（正在发送，已完成 40%）。');
    expect(describeDelivery(queued({ kind: 'retry', attempt: 2, retryAt: 9, message: '连接超时。' }), clock)).toBe('待发送，尚未送达（第 2 次发送未成功：连接超时；将于 T9 自动重试）。');
    expect(deliveryBadge(queued({ kind: 'offline' }))).toBe('待发送，未送达');
  });

  it('gives a refusal the platform’s reason and what to do, by code', () => {
    expect(describeRejection('forbidden', '令牌不属于该单位。')).toBe('被拒收，未送达：令牌不属于该单位。请换用平台发给本单位的访问令牌，在“发送队列”的“报送平台设置”中保存后自动重新发送。');
    expect(describeRejection('too-large', '超过上限')).toMatch(/^被拒收，未送达：超过上限。请修改后重新提交审核/);
    expect(describeRejection('server-error', '出错')).toBe('被拒收，未送达：出错。请联系市信用平台。');
  });

  it('groups every state for the list filter, and leaves an unread outbox out of every group', () => {
    expect(deliveryFilterOf({ kind: 'not-packed' })).toBe('unsent');
    expect(deliveryFilterOf({ kind: 'not-queued', submissionId: ID })).toBe('unsent');
    expect(deliveryFilterOf(queued({ kind: 'offline' }))).toBe('pending');
    expect(deliveryFilterOf({ kind: 'delivered', submissionId: ID, receipt: RECEIPT })).toBe('delivered');
    expect(deliveryFilterOf({ kind: 'rejected', submissionId: ID, code: 'conflict', message: 'x' })).toBe('rejected');
    expect(deliveryFilterOf({ kind: 'unknown', submissionId: ID })).toBeUndefined();
    expect(deliveryBadge({ kind: 'not-packed' })).toBeUndefined();
  });
});
