import { zipSync, type Zippable } from 'fflate';
import { checkAttachment } from '../attachments/check-attachment';
import { sha256Hex } from '../hash/sha256-hex';
import { t } from '../i18n/translate';
import { isRecord } from '../json/is-record';
import { SIGNED_EXTENSIONS } from '../package/package-entries';
import { isSubmissionId } from '../package/package-format';
import { packageJson } from '../package/package-json';
import {
  PROGRESS_JSON_ENTRY,
  PROGRESS_MANIFEST,
  PROGRESS_PACKAGE_FORMAT,
  PROGRESS_PDF_ENTRY,
  type ProgressFileRole,
  type ProgressManifest,
} from './progress-package-format';
import type { EvidenceFile } from './progress-schema';
import { validateProgress } from './validate-progress';

export interface ProgressPackageInput {
  /** The report as written (`pledge-progress/1`); its `evidence` is made from `evidence` below. */
  readonly report: unknown;
  /** The report rendered. */
  readonly pdf: Uint8Array;
  /** The evidence files in the order the package numbers them; `name` is the original file name, `item` the printed number of the item it documents. */
  readonly evidence: readonly { readonly name: string; readonly bytes: Uint8Array; readonly item?: number; readonly public?: boolean }[];
  /** This delivery's own id: a report is a submission of its own, with its own receipt. */
  readonly submissionId: string;
  readonly createdAt: Date;
}

/** The report or an evidence file cannot go into a package; `problems` say why, in Chinese. */
export class ProgressInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The progress package input has ${problems.length} problem(s); show problems[] to the user.`);
    this.name = 'ProgressInputError';
  }
}

/** As for letter packages: fflate writes DOS times from local date fields, so a real clock would make the bytes depend on the time zone. */
const ZIP_MTIME = new Date(1980, 0, 1);

/**
 * Builds a `pledge-progress-package/1` ZIP (core/progress/progress-package-format.ts): the report
 * with its evidence listed by name, size, SHA-256 and item, its PDF, and the evidence files,
 * each checked as a signed copy is (PNG, JPEG or PDF by its bytes, 20 MB each, 60 MB in all).
 * Deterministic for the same inputs.
 *
 * @throws ProgressInputError for an invalid report or an evidence file that fails its check.
 * @throws TypeError for an id that is not a UUID (a programming error).
 */
export function buildProgressPackage(input: ProgressPackageInput): Uint8Array {
  if (!isSubmissionId(input.submissionId)) throw new TypeError(`"${input.submissionId}" is not a UUID; pass crypto.randomUUID() or a stored submission id.`);
  const problems: string[] = [];
  const entries: [string, ProgressFileRole, Uint8Array][] = [];
  const evidence: EvidenceFile[] = [];
  let attached = 0;
  for (const [i, file] of input.evidence.entries()) {
    const check = checkAttachment(file.name, file.bytes, attached);
    attached += file.bytes.byteLength;
    if (!check.ok) {
      problems.push(t('progress.package.evidence', { reason: check.message }));
      continue;
    }
    entries.push([`evidence/${i + 1}.${SIGNED_EXTENSIONS[check.type]}`, 'evidence', file.bytes]);
    evidence.push({ name: file.name, sha256: sha256Hex(file.bytes), size: file.bytes.byteLength, ...(file.item === undefined ? {} : { item: file.item }), ...(file.public ? { public: true as const } : {}) });
  }
  if (problems.length > 0) throw new ProgressInputError(problems);
  const validation = validateProgress(isRecord(input.report) ? { ...input.report, evidence } : input.report);
  if (!validation.ok) throw new ProgressInputError(validation.problems.map((p) => p.message));
  const report = validation.report;

  entries.unshift([PROGRESS_JSON_ENTRY, 'progress-json', packageJson(report)], [PROGRESS_PDF_ENTRY, 'progress-pdf', input.pdf]);
  const manifest: ProgressManifest = {
    format: PROGRESS_PACKAGE_FORMAT,
    submissionId: input.submissionId,
    letterSubmissionId: report.submissionId,
    period: report.period,
    unit: report.unit,
    year: report.year,
    createdAt: input.createdAt.toISOString(),
    files: entries.map(([name, role, bytes]) => ({ name, role, size: bytes.byteLength, sha256: sha256Hex(bytes) })),
  };
  const zippable: Zippable = { [PROGRESS_MANIFEST]: [packageJson(manifest), { level: 6 }] };
  // PDFs and images are compressed already: storing them keeps them byte for byte and saves time.
  for (const [name, role, bytes] of entries) zippable[name] = [bytes, { level: role === 'progress-json' ? 6 : 0 }];
  return zipSync(zippable, { mtime: ZIP_MTIME });
}
