import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { t } from '../../../core/i18n/translate';
import { parsePeriod } from '../../../core/progress/progress-period';
import { reportDelivery } from '../../../core/progress-report/report-delivery';
import { ProgressReportRecordSchema, type ProgressReportRecord } from '../../../core/progress-report/progress-report-record';
import {
  decideReport,
  defaultPeriod,
  distinctNames,
  markQueued,
  needsAccountability,
  newReportRecord,
  packageInputOf,
  refreshReport,
  reportForReview,
  setAccountability,
  submitReport,
  withdrawApproval,
  type RecordedProgress,
} from '../../../core/progress-report/report-workflow';
import { approval, evidenceFile, forReview, itemsWith, LETTER, must, PACKAGE_ID, REPORT_PDF, REPORT_PDF_SHA, returning, SUBMISSION, T0, when } from './report-fixtures';

const PHOTO_BYTES = new TextEncoder().encode('%PDF-1.7\n% 现场照片\n%%EOF\n');
const SUMMARY_BYTES = new TextEncoder().encode('%PDF-1.7\n% 半年总结\n%%EOF\n');
// Added in the other order than listed here: a report lists its evidence in the order it was added.
const SUMMARY = evidenceFile('ev-summary', '半年总结.pdf', SUMMARY_BYTES, T0 + 2);
const PHOTO = evidenceFile('ev-photo', '现场照片.pdf', PHOTO_BYTES, T0 + 1, { number: 1, public: true });
const PROGRESS: RecordedProgress = { items: itemsWith('已兑现', '推进中'), evidence: [SUMMARY, PHOTO] };

const draft = (period = '2026-Q2', progress: RecordedProgress = PROGRESS) =>
  must(newReportRecord({ id: 'report-1', draftId: 'draft-1', letter: LETTER, submissionId: SUBMISSION, period: parsePeriod(period)!, progress, now: when(0) }));

/** A draft frozen for review the way the store freezes it: the report reportForReview returned, with the PDF's own hash. */
function frozen(record: ProgressReportRecord, now = when(10)): ProgressReportRecord {
  return must(submitReport(record, forReview(record, now), REPORT_PDF, REPORT_PDF_SHA, now));
}

const approved = () => must(decideReport(frozen(draft()), approval(REPORT_PDF_SHA, when(20)), PACKAGE_ID));

describe('a new report', () => {
  it('is a draft made from the progress recorded, its evidence in the order it was added', () => {
    const record = draft();
    expect(record).toMatchObject({ id: 'report-1', draftId: 'draft-1', submissionId: SUBMISSION, period: '2026-Q2', status: 'draft', createdAt: when(0).getTime(), updatedAt: when(0).getTime() });
    expect(record.report.items.map((item) => item.status)).toEqual(LETTER.items.map((_, i) => (i === 0 ? '已兑现' : '推进中')));
    expect(record.report.evidence).toEqual([
      { name: '现场照片.pdf', sha256: PHOTO.sha256, size: PHOTO.size, item: 1, public: true },
      { name: '半年总结.pdf', sha256: SUMMARY.sha256, size: SUMMARY.size },
    ]);
    expect(record.evidenceIds).toEqual(['ev-photo', 'ev-summary']);
    expect(record.report).not.toHaveProperty('date');
    expect(ProgressReportRecordSchema.parse(record)).toEqual(record);
  });

  it('is refused for a period outside the letter’s year', () => {
    for (const period of ['2025', '2027-Q1', '2025-12']) {
      const made = newReportRecord({ id: 'r', draftId: 'd', letter: LETTER, submissionId: SUBMISSION, period: parsePeriod(period)!, progress: PROGRESS, now: when(0) });
      expect(made, period).toEqual({ ok: false, message: '报告期须在承诺书的年度（2026 年）之内。' });
    }
  });
});

describe('a draft report', () => {
  it('made again from newer progress keeps its 违诺责任追究内容', () => {
    const withText = must(setAccountability(draft('2026'), '  已对责任科室负责人进行约谈。 ', when(1)));
    expect(withText.report.accountability).toBe('已对责任科室负责人进行约谈。');
    const newer: RecordedProgress = { items: itemsWith('未兑现'), evidence: [PHOTO] };
    const refreshed = must(refreshReport(withText, LETTER, newer, when(2)));
    expect(refreshed.report.accountability).toBe('已对责任科室负责人进行约谈。');
    expect(refreshed.report.items.every((item) => item.status === '未兑现')).toBe(true);
    expect(refreshed.evidenceIds).toEqual(['ev-photo']);
    expect(refreshed.updatedAt).toBe(when(2).getTime());
    expect(refreshed.createdAt).toBe(withText.createdAt);
    expect(must(setAccountability(refreshed, '   ', when(3))).report).not.toHaveProperty('accountability');
  });

  it('refuses an over-long 违诺责任追究内容, and changes once frozen', () => {
    expect(setAccountability(draft('2026'), '追'.repeat(4001), when(1))).toEqual({ ok: false, message: '违诺责任追究内容不能超过 4000 字。' });
    const notDraft = { ok: false, message: t('report.error.not-draft') };
    const inReview = frozen(draft());
    expect(refreshReport(inReview, LETTER, PROGRESS, when(11))).toEqual(notDraft);
    expect(setAccountability(inReview, '约谈', when(11))).toEqual(notDraft);
    expect(submitReport(inReview, inReview.report, REPORT_PDF, REPORT_PDF_SHA, when(11))).toEqual(notDraft);
    expect(reportForReview(inReview, when(11))).toEqual({ ok: false, problems: [t('report.error.not-draft')] });
  });
});

describe('needsAccountability', () => {
  const report = (period: string, progress: RecordedProgress) => draft(period, progress).report;

  it('asks for it at the year’s end when an item was not kept', () => {
    expect(needsAccountability(report('2026', { items: itemsWith('已兑现', '未兑现'), evidence: [] }))).toBe(true);
    expect(needsAccountability(report('2026', { items: itemsWith('已调整'), evidence: [] }))).toBe(true);
  });

  it('not when every item was kept, nor for a quarter or a month', () => {
    expect(needsAccountability(report('2026', { items: itemsWith('已兑现'), evidence: [] }))).toBe(false);
    expect(needsAccountability(report('2026-Q2', { items: itemsWith('未兑现'), evidence: [] }))).toBe(false);
    expect(needsAccountability(report('2026-06', { items: itemsWith('未兑现'), evidence: [] }))).toBe(false);
  });
});

describe('reportForReview', () => {
  it('dates the report the day it is frozen, in Beijing', () => {
    const review = reportForReview(draft(), new Date('2026-06-30T16:30:00Z'));
    expect(review).toMatchObject({ ok: true, report: { date: '2026-07-01', period: '2026-Q2' } });
  });

  it('names every problem: the platform’s checks and the missing 违诺责任追究内容', () => {
    const progress: RecordedProgress = { items: [{ ...itemsWith('未兑现')[0]!, status: '已调整' }, ...itemsWith('未兑现').slice(1)], evidence: [] };
    const review = reportForReview(draft('2026', progress), when(10));
    expect(review.ok).toBe(false);
    if (review.ok) return;
    expect(review.problems).toHaveLength(2);
    expect(review.problems[0]).toContain('第 1 项');
    expect(review.problems[1]).toBe(t('report.error.accountability-required'));
  });

  it('takes a year-end report with its 违诺责任追究内容, and one where all was kept without it', () => {
    const notKept = draft('2026', { items: itemsWith('未兑现'), evidence: [] });
    expect(reportForReview(notKept, when(10))).toEqual({ ok: false, problems: [t('report.error.accountability-required')] });
    expect(reportForReview(must(setAccountability(notKept, '已通报批评。', when(5))), when(10)).ok).toBe(true);
    expect(reportForReview(draft('2026', { items: itemsWith('已兑现'), evidence: [] }), when(10)).ok).toBe(true);
  });

  it('leaves out a 违诺责任追究内容 written while items were not kept, once every item is kept: the screen hides it, so the PDF never prints it', () => {
    const written = must(setAccountability(draft('2026', { items: itemsWith('未兑现'), evidence: [] }), '已通报批评。', when(5)));
    const allKept = must(refreshReport(written, LETTER, { items: itemsWith('已兑现'), evidence: [] }, when(6)));
    const review = reportForReview(allKept, when(10));
    expect(review.ok && review.report).not.toHaveProperty('accountability');
  });
});

describe('review of a report', () => {
  it('freezes it with its PDF, and an approval binds the package’s id and time', () => {
    const inReview = frozen(draft());
    expect(inReview).toMatchObject({ status: 'in-review', review: { submittedAt: when(10).getTime(), pdfSha256: REPORT_PDF_SHA, pdf: REPORT_PDF }, updatedAt: when(10).getTime() });
    expect(inReview.report.date).toBe('2026-06-20');
    const decision = approval(REPORT_PDF_SHA, when(20));
    const record = must(decideReport(inReview, decision, PACKAGE_ID));
    expect(record).toMatchObject({ status: 'approved', review: { pdfSha256: REPORT_PDF_SHA, decision }, packing: { submissionId: PACKAGE_ID, createdAt: when(20).getTime() }, updatedAt: when(20).getTime() });
    expect(record.packing?.queued).toBeUndefined();
    expect(ProgressReportRecordSchema.parse(record)).toEqual(record);
  });

  it('refuses a decision on another PDF, and one on a report not in review', () => {
    const inReview = frozen(draft());
    const other = sha256Hex(new TextEncoder().encode('another PDF'));
    expect(decideReport(inReview, approval(other, when(20)), PACKAGE_ID)).toEqual({ ok: false, message: t('report.error.other-pdf') });
    expect(decideReport(inReview, returning(other, when(20)), PACKAGE_ID)).toEqual({ ok: false, message: t('report.error.other-pdf') });
    expect(decideReport(draft(), approval(REPORT_PDF_SHA, when(20)), PACKAGE_ID)).toEqual({ ok: false, message: t('report.error.not-in-review') });
    expect(decideReport(approved(), approval(REPORT_PDF_SHA, when(30)), PACKAGE_ID)).toEqual({ ok: false, message: t('report.error.not-in-review') });
  });

  it('returned, goes back to 草稿 undated and without its PDF, the comments kept across returns', () => {
    const first = must(decideReport(frozen(draft()), returning(REPORT_PDF_SHA, when(20)), PACKAGE_ID));
    expect(first.status).toBe('draft');
    expect(first).not.toHaveProperty('review');
    expect(first).not.toHaveProperty('packing');
    expect(first.report).not.toHaveProperty('date');
    expect(first.returns).toEqual([{ by: '周文斌', at: when(20).getTime(), pdfSha256: REPORT_PDF_SHA, comments: '第 1 项进展说明请补充完成时间。' }]);
    expect(ProgressReportRecordSchema.parse(first)).toEqual(first);

    const second = must(decideReport(frozen(first, when(30)), returning(REPORT_PDF_SHA, when(40), '请附验收材料。'), PACKAGE_ID));
    expect(second.returns?.map((r) => r.comments)).toEqual(['第 1 项进展说明请补充完成时间。', '请附验收材料。']);
  });
});

describe('freezing and withdrawing', () => {
  it('refuses to freeze a draft changed while its PDF was rendered', () => {
    const record = draft();
    const typedMeanwhile = must(setAccountability(record, '补充说明', when(5)));
    expect(submitReport(typedMeanwhile, forReview(record, when(10)), REPORT_PDF, REPORT_PDF_SHA, when(10), record.updatedAt)).toEqual({ ok: false, message: t('report.error.changed-meanwhile') });
    expect(submitReport(record, forReview(record, when(10)), REPORT_PDF, REPORT_PDF_SHA, when(10), record.updatedAt).ok).toBe(true);
  });

  it('withdraws an approval never queued back to 草稿, without its PDF or package; never one the outbox took', () => {
    const back = must(withdrawApproval(approved(), when(30)));
    expect(back.status).toBe('draft');
    expect(back).not.toHaveProperty('review');
    expect(back).not.toHaveProperty('packing');
    expect(back.report).not.toHaveProperty('date');
    const queued = must(markQueued(approved(), 'a'.repeat(64), when(25)));
    expect(withdrawApproval(queued, when(30))).toEqual({ ok: false, message: t('report.error.not-withdrawable') });
    expect(withdrawApproval(draft(), when(30))).toEqual({ ok: false, message: t('report.error.not-withdrawable') });
  });
});

describe('reportDelivery', () => {
  it('asks the outbox by the id fixed at approval, even when the record never noted it was queued', () => {
    const record = approved();
    const delivered = { status: 'delivered', receipt: { receiptId: 'r-1' } };
    const snapshot = (items: unknown[]) => ({ items, connection: { state: 'online' } }) as never;
    expect(reportDelivery(record, snapshot([]))).toEqual({ kind: 'not-packed' });
    expect(reportDelivery(record, null)).toEqual({ kind: 'not-packed' });
    expect(reportDelivery(record, snapshot([{ entry: { package: { submissionId: PACKAGE_ID }, state: delivered } }]))).toMatchObject({ kind: 'delivered', submissionId: PACKAGE_ID });
    expect(reportDelivery(must(markQueued(record, 'a'.repeat(64), when(25))), snapshot([]))).toEqual({ kind: 'not-queued', submissionId: PACKAGE_ID });
  });
});

describe('distinctNames', () => {
  it('gives a repeated file name a number before its extension, never one already taken', () => {
    expect(distinctNames([{ name: 'IMG_0001.jpg' }, { name: 'IMG_0001.jpg' }, { name: 'IMG_0001 (2).jpg' }, { name: '说明' }, { name: '说明' }]).map((f) => f.name)).toEqual([
      'IMG_0001.jpg',
      'IMG_0001 (3).jpg',
      'IMG_0001 (2).jpg',
      '说明',
      '说明 (2)',
    ]);
  });
});

describe('packageInputOf', () => {
  const files = (...list: typeof PHOTO[]) => new Map(list.map((file) => [file.id, file]));

  it('gives the approved report, its PDF and each listed file with its item and 公开 mark', () => {
    const record = approved();
    const built = packageInputOf(record, files(PHOTO, SUMMARY));
    expect(built).toEqual({
      ok: true,
      input: {
        report: record.report,
        pdf: REPORT_PDF,
        evidence: [
          { name: '现场照片.pdf', bytes: PHOTO_BYTES, item: 1, public: true },
          { name: '半年总结.pdf', bytes: SUMMARY_BYTES },
        ],
        submissionId: PACKAGE_ID,
        createdAt: when(20),
      },
    });
  });

  it('refuses when a listed file was changed or removed since, naming it', () => {
    const record = approved();
    const changed = { ...SUMMARY, sha256: sha256Hex(PHOTO_BYTES), bytes: PHOTO_BYTES };
    expect(packageInputOf(record, files(PHOTO, changed))).toEqual({ ok: false, message: t('report.error.evidence-changed', { name: '半年总结.pdf' }) });
    expect(packageInputOf(record, files(SUMMARY))).toEqual({ ok: false, message: t('report.error.evidence-changed', { name: '现场照片.pdf' }) });
  });

  it('checks the bytes themselves, not the record’s note of their hash', () => {
    const damaged = { ...SUMMARY, bytes: PHOTO_BYTES.slice(0, SUMMARY.size) };
    expect(packageInputOf(approved(), files(PHOTO, damaged))).toEqual({ ok: false, message: t('report.error.evidence-changed', { name: '半年总结.pdf' }) });
  });

  it('refuses a report not approved', () => {
    expect(packageInputOf(frozen(draft()), files(PHOTO, SUMMARY))).toEqual({ ok: false, message: t('report.error.not-approved') });
  });
});

describe('markQueued', () => {
  it('remembers the package once; the same package again changes nothing', () => {
    const sha = 'c'.repeat(64);
    const queued = must(markQueued(approved(), sha, when(30)));
    expect(queued.packing).toEqual({ submissionId: PACKAGE_ID, createdAt: when(20).getTime(), queued: { sha256: sha, at: when(30).getTime() } });
    expect(queued.updatedAt).toBe(when(30).getTime());
    expect(must(markQueued(queued, sha, when(40)))).toBe(queued);
    expect(must(markQueued(queued, 'd'.repeat(64), when(40))).packing?.queued).toEqual({ sha256: 'd'.repeat(64), at: when(40).getTime() });
  });

  it('refuses a report not approved', () => {
    expect(markQueued(frozen(draft()), 'c'.repeat(64), when(30))).toEqual({ ok: false, message: t('report.error.not-approved') });
  });
});

describe('defaultPeriod', () => {
  it('is the period now falls in, in Beijing', () => {
    const may = new Date('2026-05-10T02:00:00Z');
    expect(defaultPeriod('month', 2026, may)).toEqual({ kind: 'month', year: 2026, month: 5 });
    expect(defaultPeriod('quarter', 2026, may)).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
    expect(defaultPeriod('year', 2026, may)).toEqual({ kind: 'year', year: 2026 });
    // 1 April already in Beijing.
    expect(defaultPeriod('quarter', 2026, new Date('2026-03-31T16:30:00Z'))).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
  });

  it('stays within the letter’s year: its first period before it, its last after it', () => {
    expect(defaultPeriod('month', 2026, new Date('2025-11-10T02:00:00Z'))).toEqual({ kind: 'month', year: 2026, month: 1 });
    expect(defaultPeriod('quarter', 2026, new Date('2027-02-10T02:00:00Z'))).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(defaultPeriod('month', 2026, new Date('2026-12-31T16:30:00Z'))).toEqual({ kind: 'month', year: 2026, month: 12 });
  });
});
