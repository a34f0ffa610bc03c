import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlatformStore, RecordOutcome } from '../../../platform/store/platform-store';
import { newSubmission, PREFIX, REFORM_BUREAU, SERVICE_CENTRE, STORE_ENGINES, type StoreBackend } from './store-engines';

/** Two store instances on one database, as two platform instances would have them, recording at once. */
describe.each(STORE_ENGINES)('two PlatformStore instances on one $name database', (engine) => {
  let backend: StoreBackend;
  let instances: [PlatformStore, PlatformStore];

  beforeEach(async () => {
    backend = await engine.backend();
    // One after the other: opening at once is postgres-migrations.test.ts's (SQLite's second opener would wait for the first on this very thread).
    instances = [await backend.open(), await backend.open()];
  });
  afterEach(() => backend.dispose());

  it('gives 50 submissions recorded at once on both 50 distinct serials', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => instances[i % 2]!.submissions.record({ entry: newSubmission(), commitmentPrefix: PREFIX, persist: () => undefined })),
    );
    expect(outcomes.every((outcome) => outcome.fresh)).toBe(true);
    const serials = outcomes.map((outcome) => Number(outcome.submission.commitmentCode!.slice(PREFIX.length))).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await instances[0].submissions.list()).toHaveLength(50);
  });

  it('records one id sent to both ten times at once exactly once, persisting it once', async () => {
    const entry = newSubmission();
    const persist = vi.fn();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => instances[i % 2]!.submissions.record({ entry: { ...entry, receiptId: `receipt-${i}` }, commitmentPrefix: PREFIX, persist })),
    );
    expectOneFresh(outcomes);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('records one id claimed for two units at once exactly once: the second waits for the first and gets its row', async () => {
    const submissionId = newSubmission().submissionId;
    const persist = vi.fn();
    const units = [SERVICE_CENTRE, REFORM_BUREAU];
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        instances[i % 2]!.submissions.record({
          entry: newSubmission({ submissionId, creditCode: units[i % 2]!.code, unitName: units[i % 2]!.name }),
          commitmentPrefix: PREFIX,
          persist,
        }),
      ),
    );
    expectOneFresh(outcomes);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});

function expectOneFresh(outcomes: RecordOutcome[]): void {
  const fresh = outcomes.filter((outcome) => outcome.fresh);
  expect(fresh).toHaveLength(1);
  // Every answer is the first one's row: one receipt, one 承诺编码.
  for (const outcome of outcomes) expect(outcome.submission).toEqual(fresh[0]!.submission);
  expect(fresh[0]!.submission.commitmentCode).toBe(`${PREFIX}000001`);
}
