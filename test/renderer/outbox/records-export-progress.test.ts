import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../core/outbox/outbox-item';
import type { SubmissionState } from '../../../core/outbox/outbox-entry';
import { chooseYear, defaultExportYear, exportYears, unknownYearCount } from '../../../renderer/outbox/records-export';

/** The records export is made of letters: a progress report of the same unit and year is neither a row nor a failure. */

const delivered = (submissionId: string, receivedAt: string, year?: number): SubmissionState =>
  ({ status: 'delivered', receipt: { receiptId: `R-${submissionId}`, submissionId, receivedAt, sha256: '0'.repeat(64), ...(year === undefined ? {} : { year }) } }) as SubmissionState;

function item(submissionId: string, state: SubmissionState, details?: Partial<NonNullable<OutboxItem['details']>>): OutboxItem {
  return {
    entry: { package: { submissionId, sha256: '0'.repeat(64), size: 1 }, seq: 0, enqueuedAt: 0, state },
    ...(details === undefined ? {} : { details: { unitName: '青山县政务服务中心', creditCode: '122399214012770352', year: 2026, createdAt: '2026-04-20T00:00:00Z', origin: { kind: 'app', draftId: 'd' }, addedAt: 0, ...details } }),
  };
}

const LETTER = item('letter', delivered('letter', '2026-04-21T00:00:00Z'), {});
const progress = { origin: { kind: 'progress' as const, reportId: 'r' }, progress: { letterSubmissionId: 'letter', period: '2027-Q1' } };
// A report delivered later than the letter, of another year, and one still queued: none of them counts.
const REPORT = item('report', delivered('report', '2027-04-02T00:00:00Z'), { ...progress, year: 2027 });
const QUEUED_REPORT = item('queued-report', { status: 'queued', attempt: 0 }, { ...progress, progress: { letterSubmissionId: 'letter', period: '2026-Q2' } });

describe('the records export beside progress reports', () => {
  it('offers only the letters’ years, defaulting to the last letter delivered', () => {
    expect(exportYears([LETTER, REPORT, QUEUED_REPORT])).toEqual([2026]);
    expect(defaultExportYear([LETTER, REPORT, QUEUED_REPORT])).toBe(2026);
    expect(unknownYearCount([LETTER, REPORT, QUEUED_REPORT])).toBe(0);
  });

  it('neither exports a report nor counts one as a letter not yet delivered', () => {
    expect(chooseYear([LETTER, REPORT, QUEUED_REPORT], 2026)).toEqual({ year: 2026, delivered: [{ submissionId: 'letter', receipt: (LETTER.entry.state as { receipt: unknown }).receipt, label: '青山县政务服务中心' }], notDelivered: 0, superseded: 0 });
    expect(chooseYear([LETTER, REPORT], 2027)).toMatchObject({ delivered: [], notDelivered: 0 });
  });
});
