import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommitmentRecord } from '../../../core/records/commitment-record';
import type { PlatformStore, StoredSubmission } from '../../../platform/store/platform-store';
import { newSubmission, PREFIX, STORE_ENGINES, type StoreBackend } from '../store/store-engines';

/**
 * A stand-in record that shows what the store handed the maker: the 承诺编码 it drew for this
 * submission. The record's content is core/records' to test; the store only keeps it.
 */
function recordFor(submission: StoredSubmission): CommitmentRecord {
  return {
    承诺编码: submission.commitmentCode!,
    承诺人名称: submission.unitName,
    承诺人类别: '法人及非法人组织',
    承诺人代码: submission.creditCode,
    承诺类型: '主动型',
    承诺事由: `${submission.year}年度政务诚信承诺书`,
    承诺内容: '一、依法履职。',
    违诺责任: '自愿接受约束。',
    承诺作出日期: submission.letterDate,
    承诺有效期: `${submission.year}-12-31`,
    公开类型: '可向社会公开',
    备注: '',
  };
}

describe.each(STORE_ENGINES)('the national records on $name', (engine) => {
  let backend: StoreBackend;
  let store: PlatformStore;

  beforeEach(async () => {
    backend = await engine.backend();
    store = await backend.open();
  });
  afterEach(() => backend.dispose());

  /** `null` records as the store's own tests do, without a record. */
  const record = (entry = newSubmission(), nationalRecord: ((submission: StoredSubmission) => CommitmentRecord) | null = recordFor) =>
    store.submissions.record({ entry, commitmentPrefix: PREFIX, persist: () => undefined, ...(nationalRecord ? { nationalRecord } : {}) });

  it('keeps each accepted letter’s record, made with the 承诺编码 drawn for it, and lists a year’s in the order received', async () => {
    const first = await record(newSubmission({ receivedAt: '2026-04-21T02:00:00.000Z' }));
    const second = await record(newSubmission({ receivedAt: '2026-04-21T03:00:00.000Z' }));
    await record(newSubmission({ year: 2025 }));

    const kept = await store.records.list(2026);
    expect(kept.map((entry) => entry.submissionId)).toEqual([first.submission.submissionId, second.submission.submissionId]);
    expect(kept.map((entry) => entry.record?.承诺编码)).toEqual([`${PREFIX}000001`, `${PREFIX}000002`]);
    expect(kept[0]!.record).toEqual(recordFor(first.submission));
    // Keys in the template's order, as they went in: a spreadsheet made from it has its columns right.
    expect(Object.keys(kept[0]!.record!)).toEqual(Object.keys(recordFor(first.submission)));
    expect((await store.records.list(2025)).map((entry) => entry.record?.承诺编码)).toEqual([`${PREFIX}000003`]);
  });

  it('keeps both records of a correction, each with its own 承诺编码, and says which one was replaced', async () => {
    const original = await record();
    const correction = await record(newSubmission({ supersedes: original.submission.submissionId, receivedAt: '2026-04-22T02:00:00.000Z' }));

    const kept = await store.records.list(2026);
    expect(kept).toEqual([
      { submissionId: original.submission.submissionId, supersededBy: correction.submission.submissionId, record: recordFor(original.submission) },
      { submissionId: correction.submission.submissionId, record: recordFor(correction.submission) },
    ]);
    expect(kept[0]!.record!.承诺编码).not.toBe(kept[1]!.record!.承诺编码);
  });

  it('keeps the record in the submission’s transaction: a record that cannot be made keeps no submission either', async () => {
    const entry = newSubmission();
    await expect(
      record(entry, () => {
        throw new Error('no record');
      }),
    ).rejects.toThrow('no record');
    expect(await store.submissions.find(entry.submissionId)).toBeUndefined();
    expect(await store.records.list(2026)).toEqual([]);
  });

  it('lists a submission recorded without a record as one without, and records a known id once', async () => {
    const bare = await record(newSubmission({ receivedAt: '2026-04-21T02:00:00.000Z' }), null);
    const entry = newSubmission({ receivedAt: '2026-04-21T03:00:00.000Z' });
    await record(entry);
    const again = await record(entry, () => {
      throw new Error('made again');
    });
    expect(again.fresh).toBe(false);
    expect(await store.records.list(2026)).toEqual([
      { submissionId: bare.submission.submissionId },
      { submissionId: entry.submissionId, record: recordFor((await store.submissions.find(entry.submissionId))!) },
    ]);
  });
});
