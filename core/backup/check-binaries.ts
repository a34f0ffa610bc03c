import { checkAttachment } from '../attachments/check-attachment';
import { checkSigningImage } from '../attachments/check-signing-image';
import type { ProfileImage } from '../profile/profile-image';
import type { AttachmentRecord, DocumentRecord, QuarantineRecord } from '../drafts/draft-record';
import { sha256Hex } from '../hash/sha256-hex';
import type { EvidenceRecord } from '../progress/item-progress';
import { periodLabel } from '../progress-report/period-label';
import type { ProgressReportRecord } from '../progress-report/progress-report-record';
import { t } from '../i18n/translate';
import { recordKey, type BackupContents, type BackupTable } from './backup-format';

/*
 * The manifest only proves that the file is what its writer meant to write. Whoever wrote it can
 * also have written a document under a hash its bytes do not have, or a "scan" that is a program:
 * every binary is checked against its own record here, once the file itself has passed.
 */

export interface CheckedBinaries {
  readonly contents: BackupContents;
  /** How many records went to the quarantine. */
  readonly setAside: number;
}

/**
 * Moves every document whose bytes do not hash to its key, every attachment whose size, hash
 * or type (sniffed from its bytes, with the same rules as adding one) is not what its record says,
 * every evidence file checked the same way (the 60 MB per letter), naming the letter and its item,
 * every progress report whose frozen PDF does not hash to its record or whose review its status
 * and PDF do not back, naming the letter and the period,
 * and every profile image that fails the signing-image check or contradicts its record, to the quarantine with the reason, naming the draft. Quarantine, not refusal: a backup of a
 * database with one damaged PDF must still bring everything else back, as the export does with
 * a record it cannot read.
 *
 * @example
 * const { contents, setAside } = checkBinaries(read, Date.now());
 */
export function checkBinaries(contents: BackupContents, at: number): CheckedBinaries {
  const names = new Map(contents.drafts.map((draft) => [draft.id, draft.summary.name]));
  const draftLabel = (draftId: string) => t('backup.untrusted.draft', { name: names.get(draftId) || t('ui.untitled'), id: draftId });
  const quarantine: QuarantineRecord[] = [];
  const setAside = (table: BackupTable, record: DocumentRecord | AttachmentRecord, reason: string) => quarantine.push(quarantined(table, recordKey(table, record) ?? '', record, reason, at));

  const documents = contents.documents.filter((document) => {
    const actual = sha256Hex(document.bytes);
    if (actual === document.sha256) return true;
    setAside('documents', document, t('backup.untrusted.document-hash', { draft: draftLabel(document.draftId), expected: document.sha256, actual }));
    return false;
  });

  // The per-letter total counts the copies of one approval, in the order they were added, as adding them does.
  const attached = new Map<string, number>();
  const attachments = [...contents.attachments]
    .sort((a, b) => a.addedAt - b.addedAt)
    .filter((attachment) => {
      const problem = attachmentProblem(attachment, attached, draftLabel(attachment.draftId));
      if (problem) setAside('attachments', attachment, problem);
      return problem === null;
    });
  const kept = new Set(attachments);

  // A letter is named by its draft's name: the draft that packed the submission the evidence follows.
  const draftOfSubmission = new Map(contents.drafts.flatMap((draft) => (draft.submissions ?? []).map((submission): [string, string] => [submission.submissionId, draft.id])));
  const letterLabel = (submissionId: string, draftId = draftOfSubmission.get(submissionId)) =>
    draftId !== undefined && names.has(draftId) ? draftLabel(draftId) : t('backup.untrusted.letter', { submissionId });
  const evidenceLabel = (file: EvidenceRecord) => {
    const letter = letterLabel(file.submissionId);
    return file.number === undefined ? letter : t('backup.untrusted.evidence-item', { draft: letter, n: file.number });
  };
  const evidenceAdded = new Map<string, number>();
  const evidence = contents.evidence && [...contents.evidence].sort((a, b) => a.addedAt - b.addedAt);
  const keptEvidence = new Set(
    evidence?.filter((file) => {
      const problem = evidenceProblem(file, evidenceAdded, evidenceLabel(file));
      if (problem) quarantine.push(quarantined('evidence', file.id, file, problem, at));
      return problem === null;
    }),
  );

  // A report names its letter's draft itself.
  const progressReports = contents.progressReports?.filter((record) => {
    const problem = reportProblem(record, t('backup.untrusted.report', { draft: letterLabel(record.submissionId, record.draftId), period: periodLabel(record.period) }));
    if (problem) quarantine.push(quarantined('progressReports', record.id, record, problem, at));
    return problem === null;
  });

  const profileImages = contents.profileImages?.filter((image) => {
    const problem = profileImageProblem(image);
    if (problem) quarantine.push(quarantined('profileImages', image.kind, image, problem, at));
    return problem === null;
  });

  return {
    contents: {
      ...contents,
      documents,
      attachments: contents.attachments.filter((a) => kept.has(a)),
      ...(profileImages ? { profileImages } : {}),
      ...(contents.evidence ? { evidence: contents.evidence.filter((file) => keptEvidence.has(file)) } : {}),
      ...(progressReports ? { progressReports } : {}),
      quarantine: [...contents.quarantine, ...quarantine],
    },
    setAside: quarantine.length,
  };
}

/** A profile image passes the check it passed when chosen, and its bytes say what its record says. */
function profileImageProblem(image: ProfileImage): string | null {
  const { name, bytes } = image;
  const check = checkSigningImage(name, bytes);
  if (!check.ok) return t('backup.untrusted.profile-image-refused', { reason: check.message });
  const matches = bytes.byteLength === image.size && sha256Hex(bytes) === image.sha256 && check.type === image.type && check.width === image.width && check.height === image.height;
  return matches ? null : t('backup.untrusted.profile-image', { name });
}

function attachmentProblem(attachment: AttachmentRecord, attached: Map<string, number>, draft: string): string | null {
  const { name, bytes } = attachment;
  if (bytes.byteLength !== attachment.size) return t('backup.untrusted.attachment-size', { draft, name, actual: bytes.byteLength, expected: attachment.size });
  if (sha256Hex(bytes) !== attachment.sha256) return t('backup.untrusted.attachment-hash', { draft, name });
  const group = JSON.stringify([attachment.draftId, attachment.approvalSha256 ?? null]);
  const check = checkAttachment(name, bytes, attached.get(group) ?? 0);
  if (!check.ok) return t('backup.untrusted.attachment-refused', { draft, reason: check.message });
  if (check.type !== attachment.type) return t('backup.untrusted.attachment-type', { draft, name, actual: check.type, expected: attachment.type });
  attached.set(group, (attached.get(group) ?? 0) + bytes.byteLength);
  return null;
}

/** An evidence file is checked as a signed copy is, the running total being all evidence of its letter. */
function evidenceProblem(file: EvidenceRecord, added: Map<string, number>, letter: string): string | null {
  const { name, bytes } = file;
  const matches = bytes.byteLength === file.size && sha256Hex(bytes) === file.sha256;
  if (!matches) return t('backup.untrusted.evidence', { draft: letter, name });
  const check = checkAttachment(name, bytes, added.get(file.submissionId) ?? 0);
  if (!check.ok) return t('backup.untrusted.evidence-refused', { draft: letter, reason: check.message });
  if (check.type !== file.type) return t('backup.untrusted.evidence', { draft: letter, name });
  added.set(file.submissionId, (added.get(file.submissionId) ?? 0) + bytes.byteLength);
  return null;
}

/**
 * A report's review must be one its workflow could have left (core/progress-report/report-workflow.ts):
 * frozen while 待审核 or 已批准 and only then, an approval bound to the frozen PDF with the package
 * it fixed, and the PDF the very bytes its hash names. Otherwise the report would reach the outbox,
 * or the principal, as approved or frozen on a PDF nobody reviewed.
 */
function reportProblem(record: ProgressReportRecord, report: string): string | null {
  const { status, review } = record;
  if (!review) return status === 'draft' ? null : t('backup.untrusted.report-review', { draft: report });
  const decision = review.decision;
  const agrees = status === 'in-review' ? decision === undefined : status === 'approved' && decision?.kind === 'approved' && decision.pdfSha256 === review.pdfSha256 && record.packing !== undefined;
  if (!agrees) return t('backup.untrusted.report-review', { draft: report });
  const actual = sha256Hex(review.pdf);
  return actual === review.pdfSha256 ? null : t('backup.untrusted.document-hash', { draft: report, expected: review.pdfSha256, actual });
}

/**
 * The record without the bytes that contradict it, only their size and real hash: they are not
 * what the record says, may be anything up to the backup's size, and the quarantine is shown as text.
 * The backup file itself still holds them.
 */
function quarantined(source: string, key: string, record: DocumentRecord | AttachmentRecord | ProfileImage | EvidenceRecord | ProgressReportRecord, reason: string, at: number): QuarantineRecord {
  const raw = JSON.stringify(record, (_name, value: unknown) => (value instanceof Uint8Array ? { size: value.byteLength, sha256: sha256Hex(value) } : value));
  return { source, key, raw, reason, at };
}
