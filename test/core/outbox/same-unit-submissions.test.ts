import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../core/outbox/outbox-item';
import type { SubmissionState } from '../../../core/outbox/outbox-entry';
import { sameUnitSubmissions, type PackedSubmission } from '../../../core/outbox/same-unit-submissions';

const CODE = '122399214012770352';
const UNIT = { creditCode: CODE, year: 2026 };

const packed = (submissionId: string, packedAt: number, extra: Partial<PackedSubmission> = {}): PackedSubmission => ({ submissionId, title: `承诺书 ${submissionId}`, creditCode: CODE, year: 2026, packedAt, ...extra });

function queued(submissionId: string, state: SubmissionState, details?: Partial<NonNullable<OutboxItem['details']>>): OutboxItem {
  return {
    entry: { package: { submissionId, sha256: '0'.repeat(64), size: 1 }, seq: 0, enqueuedAt: 0, state },
    ...(details === undefined ? {} : { details: { unitName: '青山县政务服务中心', creditCode: CODE, year: 2026, createdAt: '2026-04-20T00:00:00Z', origin: { kind: 'import', fileName: 'a.zip' }, addedAt: 0, ...details } }),
  };
}

const DELIVERED: SubmissionState = { status: 'delivered', receipt: { receiptId: 'R1', submissionId: 'a', receivedAt: '2026-04-21T00:00:00Z', sha256: '0'.repeat(64) } } as SubmissionState;
const REJECTED: SubmissionState = { status: 'rejected', code: 'invalid-package', message: '缺少签章件' } as SubmissionState;

describe('sameUnitSubmissions', () => {
  it('finds nothing for a first letter', () => {
    expect(sameUnitSubmissions(UNIT, new Set(), [], [])).toEqual({ earlier: [], correctionTarget: undefined });
  });

  it('names an earlier letter of the unit and year with its outbox state, and offers it as the one to correct', () => {
    const found = sameUnitSubmissions(UNIT, new Set(), [packed('a', 1)], [queued('a', DELIVERED)]);
    expect(found.earlier).toEqual([{ submissionId: 'a', title: '承诺书 a', state: 'delivered', at: 1 }]);
    expect(found.correctionTarget?.submissionId).toBe('a');
  });

  it('ignores other units, other years and the letter’s own submissions', () => {
    const found = sameUnitSubmissions(UNIT, new Set(['own']), [packed('own', 1), packed('other-unit', 2, { creditCode: '11239921003582149J' }), packed('other-year', 3, { year: 2027 })], []);
    expect(found.earlier).toEqual([]);
  });

  it('marks a package packed here but missing from the outbox, and counts imported packages by their details', () => {
    const found = sameUnitSubmissions(UNIT, new Set(), [packed('a', 1)], [queued('b', { status: 'queued', attempt: 0 }, { addedAt: 5 }), queued('c', { status: 'queued', attempt: 0 }, { year: 2025 })]);
    expect(found.earlier.map((s) => [s.submissionId, s.state, s.title])).toEqual([
      ['a', 'not-queued', '承诺书 a'],
      ['b', 'queued', undefined],
    ]);
  });

  it('corrects the newest of a chain, prefers what was delivered, and never a refused one', () => {
    const chain = sameUnitSubmissions(UNIT, new Set(), [packed('a', 1), packed('b', 2, { supersedes: 'a' })], [queued('a', DELIVERED), queued('b', DELIVERED)]);
    expect(chain.correctionTarget?.submissionId).toBe('b');
    const preferDelivered = sameUnitSubmissions(UNIT, new Set(), [packed('a', 1), packed('b', 2)], [queued('a', DELIVERED), queued('b', { status: 'queued', attempt: 0 })]);
    expect(preferDelivered.correctionTarget?.submissionId).toBe('a');
    const refused = sameUnitSubmissions(UNIT, new Set(), [packed('a', 1)], [queued('a', REJECTED)]);
    expect(refused.earlier).toHaveLength(1);
    expect(refused.correctionTarget).toBeUndefined();
  });

  it('leaves out a civil servant’s own letter in the outbox: it names the unit, but is not the unit’s letter', () => {
    const found = sameUnitSubmissions(UNIT, new Set(), [], [queued('p', DELIVERED, { personName: '职员001' }), queued('u', DELIVERED, {})]);
    expect(found.earlier.map((s) => s.submissionId)).toEqual(['u']);
  });
});
