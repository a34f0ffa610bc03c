import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate } from '../../../core/letter/templates';
import { packageJson } from '../../../core/package/package-json';
import { buildProgressPackage, type ProgressPackageInput } from '../../../core/progress/build-progress-package';
import { newProgressReport } from '../../../core/progress/new-progress';
import { parsePeriod } from '../../../core/progress/progress-period';
import type { ItemStatus, ProgressReport } from '../../../core/progress/progress-schema';
import { PNG } from '../../support/package-fixtures';

/** The fixtures' letters: the service centre's (the unit of TOKEN) and the reform bureau's, both of 2026. */
export const SERVICE_LETTER = letterFromTemplate('service', { year: 2026 }) as Letter;
export const POLICY_LETTER = letterFromTemplate('policy', { year: 2026 }) as Letter;

/** Progress reports' own submission ids. */
export const PROGRESS_ID = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
export const OTHER_PROGRESS_ID = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';

const REPORT_PDF = new TextEncoder().encode('%PDF-1.7\n% the progress report rendered\n');

/** The second quarter's report of a letter, its first item under way, with one photo as evidence of it. */
export function progressReport(letter: Letter, letterSubmissionId: string, change: (report: ProgressReport) => ProgressReport = (report) => report): ProgressReport {
  const base = newProgressReport(letter, letterSubmissionId, parsePeriod('2026-Q2')!);
  return change({ ...base, items: base.items.map((item, i) => (i === 0 ? { ...item, status: '推进中' as const, note: '已完成招标' } : item)) });
}

/** An evidence file as `pledge progress pack --evidence` takes it. */
export type EvidenceInput = ProgressPackageInput['evidence'][number];

/** One photo of the first item, kept for the credit office (not published): what a report carries unless told. */
export const KEPT_PHOTO: EvidenceInput = { name: '现场照片.png', bytes: PNG, item: 1 };

export function progressPackage(report: ProgressReport, submissionId = PROGRESS_ID, evidence: readonly EvidenceInput[] = [KEPT_PHOTO]): Uint8Array {
  return buildProgressPackage({ report, pdf: REPORT_PDF, evidence, submissionId, createdAt: new Date('2026-07-03T02:00:00Z') });
}

/** A report of `period` with the items' statuses in printed order (the rest 未启动), each note saying its number, as `change` leaves it. */
export function reportWith(letter: Letter, letterSubmissionId: string, period: string, statuses: readonly ItemStatus[], change: (report: ProgressReport) => ProgressReport = (report) => report): ProgressReport {
  const base = newProgressReport(letter, letterSubmissionId, parsePeriod(period)!);
  const items = base.items.map((item, i) => {
    const status = statuses[i] ?? item.status;
    return { ...item, status, note: `第 ${item.number} 项的进展`, ...(status === '已调整' ? { reason: '上级政策调整' } : {}) };
  });
  return change({ ...base, items });
}

/** A good package with its report's first status changed and the manifest left as it was: the hashes no longer agree. */
export function tamperedProgressPackage(bytes: Uint8Array): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  const report = JSON.parse(new TextDecoder().decode(files['progress.json'])) as ProgressReport;
  files['progress.json'] = packageJson({ ...report, items: report.items.map((item, i) => (i === 0 ? { ...item, status: '已兑现' } : item)) });
  return zipSync(files as Zippable);
}
