import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { t } from '../../../core/i18n/translate';
import { parsePeriod } from '../../../core/progress/progress-period';
import type { ProgressReportRecord } from '../../../core/progress-report/progress-report-record';
import { PledgeDatabase } from '../../../renderer/store/database';
import { createProgressReportStore } from '../../../renderer/store/progress-report-store';
import { createProgressStore } from '../../../renderer/store/progress-store';
import { approval, forReview, LETTER, must, REPORT_PDF, REPORT_PDF_SHA, SUBMISSION, uuids, when } from '../../core/progress-report/report-fixtures';
import { testImage } from '../../node/signing/signing-fixture';

const PHOTO = testImage(60, 40, [10, 120, 10]);
const SUMMARY = new TextEncoder().encode('%PDF-1.7\n% 半年总结\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

function setup(name = 'pledge-desk-reports') {
  const factory = new IDBFactory();
  const open = () => new PledgeDatabase(name, { indexedDB: factory, IDBKeyRange });
  const db = open();
  return { open, db, progress: createProgressStore(db, () => `evidence-${crypto.randomUUID()}`), reports: createProgressReportStore(db, uuids()) };
}

type Setup = ReturnType<typeof setup>;

/** What the clerk recorded of the letter before making a report: a status, a photo of item 1 and a summary. */
async function record({ progress }: Setup) {
  expect((await progress.setStatus(SUBMISSION, 1, { status: '已兑现' }, when(0))).ok).toBe(true);
  expect((await progress.addEvidence(SUBMISSION, 1, '现场照片.png', PHOTO, when(1))).ok).toBe(true);
  expect((await progress.addEvidence(SUBMISSION, undefined, '半年总结.pdf', SUMMARY, when(2))).ok).toBe(true);
}

/** A new report of the progress recorded so far, recording it first if nothing is. */
async function created(s: Setup, period = '2026-Q2', minutes = 5): Promise<ProgressReportRecord> {
  if ((await s.progress.read(SUBMISSION)).items.length === 0) await record(s);
  return must(await s.reports.create({ draftId: 'draft-1', letter: LETTER, submissionId: SUBMISSION, period: parsePeriod(period)!, progress: await s.progress.read(SUBMISSION), now: when(minutes) }));
}

/** Submits the report as the tab does: the report reportForReview gives, rendered to the PDF. */
async function submitted(s: Setup, record: ProgressReportRecord, now = when(10)) {
  return s.reports.submit(record.id, forReview(record, now), REPORT_PDF, now);
}

describe('the progress report store', () => {
  it('creates a draft from the recorded progress and lists a letter’s reports newest first', async () => {
    const s = setup();
    const june = await created(s, '2026-06', 5);
    const quarter = await created(s, '2026-Q2', 6);
    expect(june).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', status: 'draft', period: '2026-06', draftId: 'draft-1', submissionId: SUBMISSION });
    expect(june.report.evidence.map((file) => file.name)).toEqual(['现场照片.png', '半年总结.pdf']);
    expect(await s.reports.list(SUBMISSION)).toEqual({ reports: [quarter, june], unreadable: 0 });
    expect(await s.reports.list('another-letter')).toEqual({ reports: [], unreadable: 0 });
    expect(await s.reports.get(june.id)).toEqual(june);
    s.db.close();
  });

  it('refuses a second report of a period while one is drafted or in review, not once it is approved', async () => {
    const s = setup();
    const first = await created(s);
    const again = () => s.reports.create({ draftId: 'draft-1', letter: LETTER, submissionId: SUBMISSION, period: parsePeriod('2026-Q2')!, progress: { items: [], evidence: [] }, now: when(7) });
    expect(await again()).toEqual({ ok: false, message: t('report.error.period-open') });
    expect((await submitted(s, first)).ok).toBe(true);
    expect(await again()).toEqual({ ok: false, message: t('report.error.period-open') });
    expect((await s.reports.decide(first.id, approval(REPORT_PDF_SHA, when(20)))).ok).toBe(true);
    expect((await again()).ok).toBe(true);
    expect(await s.reports.create({ draftId: 'draft-1', letter: LETTER, submissionId: SUBMISSION, period: parsePeriod('2025')!, progress: { items: [], evidence: [] }, now: when(8) })).toEqual({
      ok: false,
      message: '报告期须在承诺书的年度（2026 年）之内。',
    });
    expect((await s.reports.list(SUBMISSION)).reports).toHaveLength(2);
    s.db.close();
  });

  it('freezes a report with its PDF hashed here, and records only a decision on that PDF', async () => {
    const s = setup();
    const record = await created(s);
    const frozen = await submitted(s, record);
    expect(frozen).toMatchObject({ ok: true, record: { status: 'in-review', review: { pdfSha256: REPORT_PDF_SHA, submittedAt: when(10).getTime() } } });
    const other = sha256Hex(new TextEncoder().encode('another PDF'));
    expect(await s.reports.decide(record.id, approval(other, when(20)))).toEqual({ ok: false, message: t('report.error.other-pdf') });
    expect((await s.reports.get(record.id))?.status).toBe('in-review');
    const decided = await s.reports.decide(record.id, approval(REPORT_PDF_SHA, when(20)));
    expect(decided).toMatchObject({ ok: true, record: { status: 'approved', packing: { createdAt: when(20).getTime() } } });
    // A package id of its own, never the report's.
    expect(decided.ok && decided.record.packing?.submissionId).not.toBe(record.id);
    expect(await s.reports.get(record.id)).toEqual(decided.ok && decided.record);
    expect((await s.reports.markQueued(record.id, 'e'.repeat(64), when(30))).ok).toBe(true);
    expect((await s.reports.get(record.id))?.packing?.queued).toEqual({ sha256: 'e'.repeat(64), at: when(30).getTime() });
    s.db.close();
  });

  it('removes a draft but keeps a report once frozen', async () => {
    const s = setup();
    const draft = await created(s, '2026-06');
    const frozen = await created(s, '2026-Q2');
    expect((await submitted(s, frozen)).ok).toBe(true);
    expect(await s.reports.remove(frozen.id)).toEqual({ ok: false, message: t('report.error.not-draft') });
    expect(await s.reports.remove(draft.id)).toEqual({ ok: true, record: draft });
    expect(await s.reports.remove(draft.id)).toEqual({ ok: false, message: t('report.error.missing') });
    expect((await s.reports.list(SUBMISSION)).reports.map((r) => r.id)).toEqual([frozen.id]);
    s.db.close();
  });

  it('moves a stored report that no longer parses to the quarantine when it is changed, instead of writing over it', async () => {
    const s = setup();
    const record = await created(s);
    await s.db.progressReports.put({ ...record, status: 'bogus' as never });
    expect(await s.reports.list(SUBMISSION)).toEqual({ reports: [], unreadable: 1 });
    expect(await s.reports.setAccountability(record.id, '已约谈。', when(9))).toEqual({ ok: false, message: t('report.error.unreadable') });
    const [kept] = await s.db.quarantine.toArray();
    expect(kept).toMatchObject({ source: 'progressReports', key: record.id, at: when(9).getTime() });
    expect(kept!.reason).toContain('status');
    expect(JSON.parse(kept!.raw)).toMatchObject({ id: record.id, status: 'bogus' });
    expect(await s.db.progressReports.count()).toBe(0);
    expect(await s.reports.list(SUBMISSION)).toEqual({ reports: [], unreadable: 0 });
    s.db.close();
  });

  it('builds the package input with the evidence bytes from the evidence table, and refuses once a file is gone', async () => {
    const s = setup();
    const record = await created(s);
    expect(await s.reports.packageInput(record.id)).toEqual({ ok: false, message: t('report.error.not-approved') });
    await submitted(s, record);
    await s.reports.decide(record.id, approval(REPORT_PDF_SHA, when(20)));
    const built = await s.reports.packageInput(record.id);
    if (!built.ok) throw new Error(built.message);
    expect(built.input.evidence.map((file) => [file.name, file.item])).toEqual([
      ['现场照片.png', 1],
      ['半年总结.pdf', undefined],
    ]);
    expect([...built.input.evidence[0]!.bytes]).toEqual([...PHOTO]);
    expect([...built.input.evidence[1]!.bytes]).toEqual([...SUMMARY]);
    expect([...built.input.pdf]).toEqual([...REPORT_PDF]);
    await s.progress.removeEvidence(record.evidenceIds[0]!);
    expect(await s.reports.packageInput(record.id)).toEqual({ ok: false, message: t('report.error.evidence-changed', { name: '现场照片.png' }) });
    s.db.close();
  });

  it('keeps a frozen report with its PDF after the database is closed and opened again', async () => {
    const s = setup('pledge-desk-reports-reload');
    const record = await created(s);
    const frozen = must(await submitted(s, record));
    s.db.close();

    const reopened = s.open();
    const reports = createProgressReportStore(reopened, uuids());
    const again = await reports.get(record.id);
    expect(again).toEqual(frozen);
    expect(sha256Hex(again!.review!.pdf)).toBe(REPORT_PDF_SHA);
    expect(await reports.list(SUBMISSION)).toEqual({ reports: [frozen], unreadable: 0 });
    reopened.close();
  });
});
