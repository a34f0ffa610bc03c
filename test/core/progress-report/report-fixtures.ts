import type { ReviewDecision } from '../../../core/drafts/draft-record';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import type { EvidenceRecord, ItemProgressRecord } from '../../../core/progress/item-progress';
import type { ItemStatus, ProgressReport } from '../../../core/progress/progress-schema';
import type { ProgressReportRecord } from '../../../core/progress-report/progress-report-record';
import { reportForReview, type ReportChange } from '../../../core/progress-report/report-workflow';
import { unitLetter } from '../records/record-letters';

/*
 * A delivered letter and what was recorded of it, for the progress-report workflow and store tests.
 * Invented: the submission ids are UUIDs only because the package format requires them.
 */

export const LETTER = unitLetter();
export const SUBMISSION = '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b';
export const PACKAGE_ID = '5a3c9e1f-7b2d-4c6e-8f0a-1b2c3d4e5f60';
export const T0 = Date.UTC(2026, 5, 20, 2, 0, 0);
export const when = (minutes: number) => new Date(T0 + minutes * 60_000);

/** A stand-in for the frozen PDF: the workflow only ever hashes and keeps it. */
export const REPORT_PDF = new TextEncoder().encode('%PDF-1.7\n% 2026年第二季度进展报告\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
export const REPORT_PDF_SHA = sha256Hex(REPORT_PDF);

/** Every item of {@link LETTER} with the given status (the first item's, the others'). */
export function itemsWith(first: ItemStatus, others: ItemStatus = first): ItemProgressRecord[] {
  return LETTER.items.map((_, i) => ({ submissionId: SUBMISSION, number: i + 1, status: i === 0 ? first : others, notes: [], updatedAt: T0 }));
}

export function evidenceFile(id: string, name: string, bytes: Uint8Array, addedAt: number, extra: Partial<EvidenceRecord> = {}): EvidenceRecord {
  return { id, submissionId: SUBMISSION, name, type: 'application/pdf', size: bytes.length, sha256: sha256Hex(bytes), bytes, addedAt, ...extra };
}

export const approval = (pdfSha256: string, at: Date): ReviewDecision => ({ kind: 'approved', by: '周文斌', at: at.getTime(), pdfSha256 });
export const returning = (pdfSha256: string, at: Date, comments = '第 1 项进展说明请补充完成时间。'): ReviewDecision => ({ kind: 'returned', by: '周文斌', at: at.getTime(), pdfSha256, comments });

/** The record a change gave, or the test fails with the refusal. */
export function must(change: ReportChange): ProgressReportRecord {
  if (!change.ok) throw new Error(change.message);
  return change.record;
}

/** The report as it is frozen on `now`, as the tab renders it before submitting; the test fails on any problem. */
export function forReview(record: ProgressReportRecord, now: Date): ProgressReport {
  const review = reportForReview(record, now);
  if (!review.ok) throw new Error(review.problems.join('\n'));
  return review.report;
}

/** Ids that are UUIDs, as a report's package id must be one; counted, so a test can name them. */
export function uuids(): () => string {
  let counter = 0;
  return () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
}
