import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SubmissionIdTaken, type PlatformStore, type StoredProgress } from '../../../platform/store/platform-store';
import { newSubmission, PREFIX, REFORM_BUREAU, SERVICE_CENTRE, STORE_ENGINES, type StoreBackend } from '../store/store-engines';

/** A report of `letterSubmissionId` about to be recorded, of the service centre, 2026, unless overridden. */
function newProgress(letterSubmissionId: string, overrides: Partial<StoredProgress> = {}): StoredProgress {
  return {
    receiptId: randomUUID(),
    submissionId: randomUUID(),
    letterSubmissionId,
    sha256: 'b'.repeat(64),
    receivedAt: '2026-07-03T02:00:00.000Z',
    unitName: SERVICE_CENTRE.name,
    creditCode: SERVICE_CENTRE.code,
    year: 2026,
    period: '2026-Q2',
    size: 4096,
    items: [
      { number: 1, status: '推进中' },
      { number: 2, status: '已兑现' },
    ],
    ...overrides,
  };
}

/** The progress reports on both engines, with two store instances on one database as two platform instances would have them. */
describe.each(STORE_ENGINES)('progress reports on $name', (engine) => {
  let backend: StoreBackend;
  let instances: [PlatformStore, PlatformStore];
  let letterId: string;

  beforeEach(async () => {
    backend = await engine.backend();
    instances = [await backend.open(), await backend.open()];
    const letter = newSubmission();
    letterId = letter.submissionId;
    await instances[0].submissions.record({ entry: letter, commitmentPrefix: PREFIX, persist: () => undefined });
  });
  afterEach(() => backend.dispose());

  it('records a report once, reads it back as recorded, and lists a letter’s reports oldest first', async () => {
    const [store, other] = instances;
    const june = newProgress(letterId, { period: '2026-06', receivedAt: '2026-07-01T00:00:00.000Z', reportDate: '2026-06-30' });
    const persist = vi.fn();
    expect(await store.progress.record({ entry: june, persist })).toEqual({ fresh: true, report: june });
    expect(await other.progress.record({ entry: { ...june, receiptId: 'another', sha256: 'c'.repeat(64) }, persist })).toEqual({ fresh: false, report: june });
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await other.progress.find(june.submissionId)).toEqual(june);
    expect(await store.progress.find(randomUUID())).toBeUndefined();

    const may = newProgress(letterId, { period: '2026-05', receivedAt: '2026-06-01T00:00:00.000Z' });
    await other.progress.record({ entry: may, persist: () => undefined });
    expect((await store.progress.listForLetter(letterId)).map((report) => report.period)).toEqual(['2026-05', '2026-06']);
    expect(await store.progress.listForLetter(randomUUID())).toEqual([]);
    // Not a letter anywhere a letter is counted.
    expect((await store.submissions.list()).map((submission) => submission.submissionId)).toEqual([letterId]);
    expect((await store.records.list(2026)).map((kept) => kept.submissionId)).toEqual([letterId]);
    expect(await store.submissions.find(june.submissionId)).toBeUndefined();
  });

  it('lists a year’s reports of every letter and unit, oldest first, and no other year’s', async () => {
    const [store, other] = instances;
    const bureauLetter = newSubmission({ creditCode: REFORM_BUREAU.code, unitName: REFORM_BUREAU.name });
    const lastYearLetter = newSubmission({ year: 2025, letterDate: '2025-04-20' });
    for (const entry of [bureauLetter, lastYearLetter]) await other.submissions.record({ entry, commitmentPrefix: PREFIX, persist: () => undefined });
    const reports = [
      newProgress(bureauLetter.submissionId, { creditCode: REFORM_BUREAU.code, unitName: REFORM_BUREAU.name, period: '2026-Q2', receivedAt: '2026-07-02T00:00:00.000Z' }),
      newProgress(letterId, { period: '2026-06', receivedAt: '2026-07-01T00:00:00.000Z' }),
      newProgress(lastYearLetter.submissionId, { year: 2025, period: '2025', receivedAt: '2026-01-05T00:00:00.000Z' }),
      newProgress(letterId, { period: '2026-Q2', receivedAt: '2026-07-02T00:00:00.000Z', items: [{ number: 1, status: '已调整' }] }),
    ];
    for (const [i, entry] of reports.entries()) await instances[i % 2]!.progress.record({ entry, persist: () => undefined });
    const listed = await store.progress.listOfYear(2026);
    // Received time, then id, as listForLetter orders them.
    const expected = [reports[1]!, ...[reports[0]!, reports[3]!].sort((a, b) => (a.submissionId < b.submissionId ? -1 : 1))];
    expect(listed).toEqual(expected);
    expect(await other.progress.listOfYear(2025)).toEqual([reports[2]]);
    expect(await store.progress.listOfYear(2027)).toEqual([]);
  });

  it('records one report id sent to both instances ten times at once exactly once, persisting it once', async () => {
    const entry = newProgress(letterId);
    const persist = vi.fn();
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => instances[i % 2]!.progress.record({ entry: { ...entry, receiptId: `receipt-${i}` }, persist })));
    expect(outcomes.filter((outcome) => outcome.fresh)).toHaveLength(1);
    const first = outcomes.find((outcome) => outcome.fresh)!.report;
    expect(outcomes.every((outcome) => outcome.report.receiptId === first.receiptId)).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('gives one id to one submission of either kind, persisting nothing for the refused one', async () => {
    const persist = vi.fn();
    await expect(instances[0].progress.record({ entry: newProgress(letterId, { submissionId: letterId }), persist })).rejects.toThrow(SubmissionIdTaken);
    const report = newProgress(letterId);
    await instances[1].progress.record({ entry: report, persist: () => undefined });
    await expect(instances[0].submissions.record({ entry: newSubmission({ submissionId: report.submissionId }), commitmentPrefix: PREFIX, persist })).rejects.toThrow(SubmissionIdTaken);
    expect(persist).not.toHaveBeenCalled();
    expect(await instances[0].submissions.find(report.submissionId)).toBeUndefined();
  });

  it('refuses a report of a letter it does not hold, by the table’s own key', async () => {
    await expect(instances[0].progress.record({ entry: newProgress(randomUUID()), persist: () => undefined })).rejects.toThrow();
  });
});
