import { beijingDay } from '../calendar/calendar-day';
import type { ReviewDecision } from '../drafts/draft-record';
import { sha256Hex } from '../hash/sha256-hex';
import { t } from '../i18n/translate';
import type { Letter } from '../letter/letter-schema';
import type { ProgressPackageInput } from '../progress/build-progress-package';
import { progressEvidence, progressItems, type EvidenceRecord, type ItemProgressRecord } from '../progress/item-progress';
import { newProgressReport } from '../progress/new-progress';
import { parsePeriod, type ProgressPeriod } from '../progress/progress-period';
import { PROGRESS_LIMITS, type ProgressReport } from '../progress/progress-schema';
import { validateProgress } from '../progress/validate-progress';
import { fulfilmentState } from '../records/fulfilment-record';
import type { ProgressReportRecord } from './progress-report-record';

/*
 * The rules of a progress report's workflow, as pure functions over its record: what the store
 * writes is always what one of these returned. A change that is not allowed in the record's state
 * is refused in Chinese, never applied half way.
 */

export type ReportChange = { readonly ok: true; readonly record: ProgressReportRecord } | { readonly ok: false; readonly message: string };

/** What was recorded of the letter's items (progress-store's `read()`), which a report is made from. */
export interface RecordedProgress {
  readonly items: readonly ItemProgressRecord[];
  readonly evidence: readonly EvidenceRecord[];
}

export interface NewReportInput {
  readonly id: string;
  readonly draftId: string;
  /** The letter as the platform received it, read from its package. */
  readonly letter: Letter;
  readonly submissionId: string;
  readonly period: ProgressPeriod;
  readonly progress: RecordedProgress;
  readonly now: Date;
}

/** The report's content made from what was recorded: every item with its status and notes, every evidence file of the letter. */
function contentOf(letter: Letter, submissionId: string, period: ProgressPeriod, progress: RecordedProgress): { report: ProgressReport; evidenceIds: string[] } {
  const evidence = [...progress.evidence].sort((a, b) => a.addedAt - b.addedAt);
  return {
    report: { ...newProgressReport(letter, submissionId, period), items: progressItems(letter, progress.items), evidence: distinctNames(progressEvidence(evidence)) },
    evidenceIds: evidence.map((file) => file.id),
  };
}

/**
 * A package holds each file under its name once: two photos both called IMG_0001.jpg (which a
 * phone gives) are listed as IMG_0001.jpg and IMG_0001 (2).jpg rather than blocking the report.
 *
 * @example distinctNames([{ name: 'a.jpg' }, { name: 'a.jpg' }]).map((f) => f.name) // ['a.jpg', 'a (2).jpg']
 */
export function distinctNames<T extends { readonly name: string }>(files: readonly T[]): T[] {
  const taken = new Set(files.map((file) => file.name));
  const seen = new Set<string>();
  return files.map((file) => {
    if (!seen.has(file.name)) {
      seen.add(file.name);
      return file;
    }
    const dot = file.name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [file.name.slice(0, dot), file.name.slice(dot)] : [file.name, ''];
    let n = 2;
    while (taken.has(`${stem} (${n})${extension}`)) n += 1;
    const name = `${stem} (${n})${extension}`;
    taken.add(name);
    seen.add(name);
    return { ...file, name };
  });
}

/**
 * A new report (草稿) of a delivered letter for a period, made from the progress recorded so far.
 * Refused for a period outside the letter's year, whose report the platform would refuse.
 *
 * @example newReportRecord({ id, draftId, letter, submissionId, period: parsePeriod('2026-Q2')!, progress, now }).ok // true
 */
export function newReportRecord(input: NewReportInput): ReportChange {
  if (input.period.year !== input.letter.year) return { ok: false, message: t('report.error.period-year', { year: input.letter.year }) };
  const at = input.now.getTime();
  const { report, evidenceIds } = contentOf(input.letter, input.submissionId, input.period, input.progress);
  return {
    ok: true,
    record: { id: input.id, draftId: input.draftId, submissionId: input.submissionId, period: report.period, status: 'draft', report, evidenceIds, createdAt: at, updatedAt: at },
  };
}

const notDraft = (record: ProgressReportRecord): ReportChange | undefined => (record.status === 'draft' ? undefined : { ok: false, message: t('report.error.not-draft') });

/** A draft made again from the progress recorded now (the clerk recorded more since), keeping its 违诺责任追究内容. */
export function refreshReport(record: ProgressReportRecord, letter: Letter, progress: RecordedProgress, now: Date): ReportChange {
  const refused = notDraft(record);
  if (refused) return refused;
  const { report, evidenceIds } = contentOf(letter, record.submissionId, parsePeriod(record.period)!, progress);
  const accountability = record.report.accountability;
  return { ok: true, record: { ...record, report: { ...report, ...(accountability ? { accountability } : {}) }, evidenceIds, updatedAt: now.getTime() } };
}

/** Whether the report must say what was done about items not kept: a year-end report where not every item is 已兑现. */
export function needsAccountability(report: Pick<ProgressReport, 'period' | 'items'>): boolean {
  return parsePeriod(report.period)?.kind === 'year' && fulfilmentState(report.items) !== '全部履行';
}

/** Sets 违诺责任追究内容 of a draft; empty removes it. */
export function setAccountability(record: ProgressReportRecord, text: string, now: Date): ReportChange {
  const refused = notDraft(record);
  if (refused) return refused;
  const trimmed = text.trim();
  if (trimmed.length > PROGRESS_LIMITS.accountability) return { ok: false, message: t('report.error.accountability-too-long', { max: PROGRESS_LIMITS.accountability }) };
  const { accountability: _old, ...rest } = record.report;
  return { ok: true, record: { ...record, report: trimmed === '' ? rest : { ...rest, accountability: trimmed }, updatedAt: now.getTime() } };
}

/**
 * The report as it is frozen for review on `now`: dated that day (Beijing), checked as the
 * platform checks it, and, at the year's end with items not kept, with its 违诺责任追究内容.
 * Each problem in Chinese; none means it can be rendered and submitted.
 */
export function reportForReview(record: ProgressReportRecord, now: Date): { readonly ok: true; readonly report: ProgressReport } | { readonly ok: false; readonly problems: readonly string[] } {
  if (record.status !== 'draft') return { ok: false, problems: [t('report.error.not-draft')] };
  // 违诺责任追究内容 written while items were not kept, and all kept since: hidden on the screen, so never printed either.
  const { accountability, ...rest } = record.report;
  const dated = { ...rest, ...(accountability !== undefined && needsAccountability(rest) ? { accountability } : {}), date: beijingDay(now) };
  const validation = validateProgress(dated);
  const problems = validation.ok ? [] : validation.problems.map((problem) => problem.message);
  if (needsAccountability(dated) && (dated.accountability ?? '') === '') problems.push(t('report.error.accountability-required'));
  if (!validation.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, report: validation.report };
}

/**
 * Freezes the report rendered from {@link reportForReview}'s result: 待审核, with the PDF the
 * principal will read. `basedOn`: the `updatedAt` of the record it was rendered from.
 */
export function submitReport(record: ProgressReportRecord, report: ProgressReport, pdf: Uint8Array, pdfSha256: string, now: Date, basedOn?: number): ReportChange {
  const refused = notDraft(record);
  if (refused) return refused;
  // Changed while the PDF was rendered (text typed meanwhile): freezing the older copy would drop it.
  if (basedOn !== undefined && record.updatedAt !== basedOn) return { ok: false, message: t('report.error.changed-meanwhile') };
  const at = now.getTime();
  return { ok: true, record: { ...record, status: 'in-review', report, review: { submittedAt: at, pdfSha256, pdf }, updatedAt: at } };
}

/**
 * The principal's decision on the frozen PDF, bound to its hash: a decision on another PDF (the
 * report was returned and frozen again meanwhile) is refused. Approval fixes the package's own
 * id and time (`packageId`, the decision's time); a return sends the report back to 草稿, undated,
 * with the comments kept.
 */
export function decideReport(record: ProgressReportRecord, decision: ReviewDecision, packageId: string): ReportChange {
  if (record.status !== 'in-review' || record.review === undefined) return { ok: false, message: t('report.error.not-in-review') };
  if (decision.pdfSha256 !== record.review.pdfSha256) return { ok: false, message: t('report.error.other-pdf') };
  if (decision.kind === 'approved') {
    return { ok: true, record: { ...record, status: 'approved', review: { ...record.review, decision }, packing: { submissionId: packageId, createdAt: decision.at }, updatedAt: decision.at } };
  }
  const { review: _review, ...rest } = record;
  const { date: _date, ...report } = record.report;
  const returned = { by: decision.by, at: decision.at, pdfSha256: decision.pdfSha256, comments: decision.comments };
  return { ok: true, record: { ...rest, status: 'draft', report, returns: [...(record.returns ?? []), returned], updatedAt: decision.at } };
}

/**
 * What buildProgressPackage is given for an approved report: its approved report, the PDF the
 * principal approved, and the evidence files by the records it lists, each the very file listed
 * (same SHA-256), with its item and 公开 mark. Refused when a file has been removed or changed
 * since, since the package would no longer be what was approved.
 */
export function packageInputOf(record: ProgressReportRecord, evidence: ReadonlyMap<string, EvidenceRecord>): { readonly ok: true; readonly input: ProgressPackageInput } | { readonly ok: false; readonly message: string } {
  const { review, packing } = record;
  if (record.status !== 'approved' || review?.decision?.kind !== 'approved' || packing === undefined) return { ok: false, message: t('report.error.not-approved') };
  const files: ProgressPackageInput['evidence'][number][] = [];
  for (const [i, listed] of record.report.evidence.entries()) {
    const file = evidence.get(record.evidenceIds[i] ?? '');
    // The bytes themselves, not the record's note of their hash: a damaged row must not slip into the package.
    if (file === undefined || file.bytes.byteLength !== listed.size || sha256Hex(file.bytes) !== listed.sha256) return { ok: false, message: t('report.error.evidence-changed', { name: listed.name }) };
    files.push({ name: listed.name, bytes: file.bytes, ...(listed.item === undefined ? {} : { item: listed.item }), ...(listed.public ? { public: true } : {}) });
  }
  return { ok: true, input: { report: record.report, pdf: review.pdf, evidence: files, submissionId: packing.submissionId, createdAt: new Date(packing.createdAt) } };
}

/**
 * Back to 草稿 from 已批准 before the outbox ever took the package (evidence it lists was removed
 * since, say): the approval and its frozen PDF are dropped, so the next one is of what is on record.
 * Once queued it is a submission on its way and stays as approved.
 */
export function withdrawApproval(record: ProgressReportRecord, now: Date): ReportChange {
  if (record.status !== 'approved' || record.packing?.queued !== undefined) return { ok: false, message: t('report.error.not-withdrawable') };
  const { review: _review, packing: _packing, ...rest } = record;
  const { date: _date, ...report } = record.report;
  return { ok: true, record: { ...rest, status: 'draft', report, updatedAt: now.getTime() } };
}

/** The outbox took the package (newly or as the same one again): remembered, so the tab follows it there. */
export function markQueued(record: ProgressReportRecord, packageSha256: string, now: Date): ReportChange {
  if (record.status !== 'approved' || record.packing === undefined) return { ok: false, message: t('report.error.not-approved') };
  if (record.packing.queued?.sha256 === packageSha256) return { ok: true, record };
  return { ok: true, record: { ...record, packing: { ...record.packing, queued: { sha256: packageSha256, at: now.getTime() } }, updatedAt: now.getTime() } };
}

/**
 * The period a new report defaults to: the one `now` falls in (Beijing), of the given kind, within
 * the letter's year; before the year its first, after it its last.
 *
 * @example defaultPeriod('quarter', 2026, new Date('2026-05-10T02:00:00Z')) // { kind: 'quarter', year: 2026, quarter: 2 }
 */
export function defaultPeriod(kind: ProgressPeriod['kind'], year: number, now: Date): ProgressPeriod {
  const [nowYear, nowMonth] = beijingDay(now).split('-').map(Number) as [number, number];
  const month = nowYear < year ? 1 : nowYear > year ? 12 : nowMonth;
  if (kind === 'month') return { kind, year, month };
  if (kind === 'quarter') return { kind, year, quarter: Math.ceil(month / 3) };
  return { kind, year };
}
