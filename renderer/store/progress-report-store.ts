import { describeIssues } from '../../core/drafts/describe-issues';
import { rawJson } from '../../core/drafts/migrations/v1-to-v2';
import type { ReviewDecision } from '../../core/drafts/draft-record';
import { sha256Hex } from '../../core/hash/sha256-hex';
import { t } from '../../core/i18n/translate';
import type { Letter } from '../../core/letter/letter-schema';
import { EvidenceRecordSchema, type EvidenceRecord } from '../../core/progress/item-progress';
import type { ProgressPackageInput } from '../../core/progress/build-progress-package';
import type { ProgressReport } from '../../core/progress/progress-schema';
import { ProgressReportRecordSchema, type ProgressReportRecord } from '../../core/progress-report/progress-report-record';
import {
  decideReport,
  markQueued,
  newReportRecord,
  packageInputOf,
  refreshReport,
  setAccountability,
  submitReport,
  withdrawApproval,
  type NewReportInput,
  type RecordedProgress,
  type ReportChange,
} from '../../core/progress-report/report-workflow';
import type { PledgeDatabase } from './database';

export type ProgressReportStore = ReturnType<typeof createProgressReportStore>;

/** A letter's reports, newest first, and how many stored rows no longer parse (counted, not hidden). */
export interface LetterReports {
  readonly reports: readonly ProgressReportRecord[];
  readonly unreadable: number;
}

/**
 * The progress reports of delivered letters in the local database; Dexie stays behind this
 * interface and every rule is core/progress-report/report-workflow.ts's. Each change reads, applies
 * the pure step and writes in one transaction, so a decision can never land on a report that was
 * frozen again meanwhile. A stored row that no longer parses is moved to the quarantine before
 * anything is written over it.
 */
export function createProgressReportStore(db: PledgeDatabase, newId: () => string = () => crypto.randomUUID()) {
  const change = (id: string, now: Date, apply: (record: ProgressReportRecord) => ReportChange) =>
    db.transaction('rw', [db.progressReports, db.quarantine], async (): Promise<ReportChange> => {
      const row: unknown = await db.progressReports.get(id);
      if (row === undefined) return { ok: false, message: t('report.error.missing') };
      const parsed = ProgressReportRecordSchema.safeParse(row);
      if (!parsed.success) {
        await db.quarantine.add({ source: 'progressReports', key: id, raw: rawJson(row), reason: describeIssues(parsed.error), at: now.getTime() });
        await db.progressReports.delete(id);
        return { ok: false, message: t('report.error.unreadable') };
      }
      const result = apply(parsed.data);
      if (result.ok && result.record !== parsed.data) await db.progressReports.put(result.record);
      return result;
    });

  /** A letter's stored reports that parse, and how many do not. */
  const ofLetter = async (submissionId: string): Promise<LetterReports> => {
    const rows: unknown[] = await db.progressReports.where('submissionId').equals(submissionId).toArray();
    const reports = rows.flatMap((row) => {
      const parsed = ProgressReportRecordSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
    return { reports, unreadable: rows.length - reports.length };
  };

  return {
    async list(submissionId: string): Promise<LetterReports> {
      const { reports, unreadable } = await ofLetter(submissionId);
      return { reports: [...reports].sort((a, b) => b.createdAt - a.createdAt), unreadable };
    },

    async get(id: string): Promise<ProgressReportRecord | undefined> {
      const parsed = ProgressReportRecordSchema.safeParse(await db.progressReports.get(id));
      return parsed.success ? parsed.data : undefined;
    },

    /** A new 草稿; refused while another report of the period is still being drafted or reviewed, so two are never approved for one period by accident. */
    async create(input: Omit<NewReportInput, 'id'>): Promise<ReportChange> {
      return db.transaction('rw', db.progressReports, async (): Promise<ReportChange> => {
        const made = newReportRecord({ ...input, id: newId() });
        if (!made.ok) return made;
        const open = (await ofLetter(input.submissionId)).reports.some((record) => record.period === made.record.period && record.status !== 'approved');
        if (open) return { ok: false, message: t('report.error.period-open') };
        await db.progressReports.add(made.record);
        return made;
      });
    },

    refresh: (id: string, letter: Letter, progress: RecordedProgress, now: Date) => change(id, now, (record) => refreshReport(record, letter, progress, now)),
    setAccountability: (id: string, text: string, now: Date) => change(id, now, (record) => setAccountability(record, text, now)),
    /** Freezes the report for review with the PDF rendered from `report` (reportForReview's), its hash computed here. */
    submit: (id: string, report: ProgressReport, pdf: Uint8Array, now: Date, basedOn?: number) => change(id, now, (record) => submitReport(record, report, pdf, sha256Hex(pdf), now, basedOn)),
    withdrawApproval: (id: string, now: Date) => change(id, now, (record) => withdrawApproval(record, now)),
    decide: (id: string, decision: ReviewDecision) => change(id, new Date(decision.at), (record) => decideReport(record, decision, newId())),
    markQueued: (id: string, packageSha256: string, now: Date) => change(id, now, (record) => markQueued(record, packageSha256, now)),

    /** A draft the clerk no longer wants; a report once frozen stays, as the record of what was reviewed. */
    async remove(id: string): Promise<ReportChange> {
      return db.transaction('rw', db.progressReports, async (): Promise<ReportChange> => {
        const parsed = ProgressReportRecordSchema.safeParse(await db.progressReports.get(id));
        if (!parsed.success) return { ok: false, message: t('report.error.missing') };
        if (parsed.data.status !== 'draft') return { ok: false, message: t('report.error.not-draft') };
        await db.progressReports.delete(id);
        return { ok: true, record: parsed.data };
      });
    },

    /** What the package of an approved report is built from, with the evidence bytes read from the evidence table. */
    async packageInput(id: string): Promise<{ ok: true; input: ProgressPackageInput } | { ok: false; message: string }> {
      return db.transaction('r', [db.progressReports, db.evidence], async () => {
        const parsed = ProgressReportRecordSchema.safeParse(await db.progressReports.get(id));
        if (!parsed.success) return { ok: false as const, message: t('report.error.missing') };
        const rows: unknown[] = await db.evidence.bulkGet(parsed.data.evidenceIds);
        const evidence = new Map<string, EvidenceRecord>();
        for (const row of rows) {
          const file = EvidenceRecordSchema.safeParse(row);
          if (file.success) evidence.set(file.data.id, file.data);
        }
        return packageInputOf(parsed.data, evidence);
      });
    },
  };
}
