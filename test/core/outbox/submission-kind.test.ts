import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../core/outbox/outbox-item';
import type { SubmissionState } from '../../../core/outbox/outbox-entry';
import { groupByBatch } from '../../../core/outbox/group-by-batch';
import { sameUnitSubmissions } from '../../../core/outbox/same-unit-submissions';
import { isLetterItem, progressOf } from '../../../core/outbox/submission-kind';
import { periodLabel } from '../../../core/progress-report/period-label';

const CODE = '122399214012770352';
const DELIVERED = { status: 'delivered', receipt: { receiptId: 'R1', submissionId: 'x', receivedAt: '2026-04-21T00:00:00Z', sha256: '0'.repeat(64) } } as SubmissionState;

function item(submissionId: string, details: Partial<NonNullable<OutboxItem['details']>> | undefined): OutboxItem {
  return {
    entry: { package: { submissionId, sha256: '0'.repeat(64), size: 1 }, seq: 0, enqueuedAt: 0, state: DELIVERED },
    ...(details === undefined ? {} : { details: { unitName: '青山县政务服务中心', creditCode: CODE, year: 2026, createdAt: '2026-04-20T00:00:00Z', origin: { kind: 'import', fileName: 'a.zip' }, addedAt: 0, ...details } }),
  };
}

const LETTER = item('letter', { origin: { kind: 'app', draftId: 'd1' } });
const REPORT = item('report', { origin: { kind: 'progress', reportId: 'r1' }, progress: { letterSubmissionId: 'letter', period: '2026-Q2' } });
const IMPORTED_REPORT = item('imported-report', { progress: { letterSubmissionId: 'letter', period: '2026' } });

describe('letters and progress reports in one outbox', () => {
  it('tells a report from a letter by the details its verified manifest gave, an unreadable entry counting as a letter', () => {
    expect([LETTER, REPORT, IMPORTED_REPORT, item('unreadable', undefined)].map(isLetterItem)).toEqual([true, false, false, true]);
    expect(progressOf(REPORT)).toEqual({ letterSubmissionId: 'letter', period: '2026-Q2' });
  });

  it('never offers a report of the unit and year as an earlier letter to correct', () => {
    const found = sameUnitSubmissions({ creditCode: CODE, year: 2026 }, new Set(), [], [REPORT, IMPORTED_REPORT]);
    expect(found).toEqual({ earlier: [], correctionTarget: undefined });
    expect(sameUnitSubmissions({ creditCode: CODE, year: 2026 }, new Set(), [], [LETTER, REPORT]).earlier.map((s) => s.submissionId)).toEqual(['letter']);
  });

  it('keeps a report out of any staff batch’s group', () => {
    expect(groupByBatch([REPORT, IMPORTED_REPORT]).map((row) => row.kind)).toEqual(['single', 'single']);
  });

  it('names a report’s period as its PDF prints it, and a damaged key as stored', () => {
    expect(['2026-06', '2026-Q2', '2026', 'Q9'].map(periodLabel)).toEqual(['2026年6月', '2026年第二季度', '2026年度', 'Q9']);
  });
});
