import { checkAttachment, checkAttachmentSize, sniffAttachmentType } from '../attachments/check-attachment';
import { errorText } from '../errors/error-text';
import { t } from '../i18n/translate';
import { isRecord } from '../json/is-record';
import { parseJsonBytes } from '../json/parse-json-bytes';
import { SIGNED_EXTENSIONS } from '../package/package-entries';
import { packageJson, sameBytes } from '../package/package-json';
import { PACKAGE_ZIP_MESSAGES } from '../package/verify-package';
import { inflateEntries, listZipEntries, ZipRejected } from '../zip/bounded-unzip';
import { checkListedEntries } from '../zip/listed-entries';
import { parseManifest } from '../zip/parse-manifest';
import { zipRejectionMessage } from '../zip/zip-rejection-message';
import {
  EVIDENCE_NAME,
  MAX_PROGRESS_PACKAGE_BYTES,
  MAX_PROGRESS_PACKAGE_ENTRIES,
  progressEntryRole,
  PROGRESS_JSON_ENTRY,
  PROGRESS_MANIFEST,
  PROGRESS_PACKAGE_FORMAT,
  PROGRESS_PDF_ENTRY,
  ProgressManifestSchema,
  type ProgressManifest,
} from './progress-package-format';
import type { ProgressReport } from './progress-schema';
import { validateProgress } from './validate-progress';

export type ProgressPackageVerification =
  | { readonly ok: true; readonly manifest: ProgressManifest; readonly report: ProgressReport; readonly files: ReadonlyMap<string, Uint8Array> }
  | { readonly ok: false; /** In Chinese, for the user. */ readonly reason: string };

class Rejected extends Error {}

/**
 * Whether bytes are a progress package rather than a letter package, from the ZIP's central
 * directory alone (no entry inflated): a letter package has no `progress.json`. Bytes that are no
 * readable ZIP count as a letter package, whose check names what is wrong with them.
 */
export function isProgressPackage(bytes: Uint8Array): boolean {
  try {
    return listZipEntries(bytes, { maxBytes: MAX_PROGRESS_PACKAGE_BYTES, maxEntries: MAX_PROGRESS_PACKAGE_ENTRIES }).some((entry) => entry.name === PROGRESS_JSON_ENTRY);
  } catch {
    return false;
  }
}

/**
 * Checks a `pledge-progress-package/1` file trusting nothing in it, as letter packages are
 * checked (core/package/verify-package.ts): the bounded ZIP reader, exactly the entries such a
 * package has, declared sizes before inflating, every file matching the manifest, the report valid
 * and normalised byte for byte and agreeing with the manifest (letter, unit, year, period), each
 * evidence file the one the report lists (size, SHA-256, a type its name promises, the attachment
 * limits) and `progress.pdf` a PDF. Never throws.
 */
export function verifyProgressPackage(bytes: Uint8Array): ProgressPackageVerification {
  try {
    return { ok: true, ...readProgressPackage(bytes) };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, reason: error.message };
    if (error instanceof ZipRejected) return { ok: false, reason: zipRejectionMessage(error, PACKAGE_ZIP_MESSAGES) };
    return { ok: false, reason: t('package.error.unreadable', { detail: errorText(error) }) };
  }
}

function readProgressPackage(bytes: Uint8Array): { manifest: ProgressManifest; report: ProgressReport; files: ReadonlyMap<string, Uint8Array> } {
  const listed = listZipEntries(bytes, { maxBytes: MAX_PROGRESS_PACKAGE_BYTES, maxEntries: MAX_PROGRESS_PACKAGE_ENTRIES });
  const names = listed.map((entry) => entry.name);
  for (const name of names) if (progressEntryRole(name) === undefined) throw new Rejected(t('progress.package.unexpected-entry', { name }));
  for (const name of [PROGRESS_MANIFEST, PROGRESS_JSON_ENTRY, PROGRESS_PDF_ENTRY]) if (!names.includes(name)) throw new Rejected(t('package.error.missingRequiredEntry', { name }));
  let attached = 0;
  for (const entry of listed.filter((e) => progressEntryRole(e.name) === 'evidence')) {
    const sizeProblem = checkAttachmentSize(entry.name, entry.originalSize, attached);
    if (sizeProblem) throw new Rejected(t('progress.package.evidence', { reason: sizeProblem }));
    attached += entry.originalSize;
  }
  const inflated = inflateEntries(bytes, listed);

  const manifestBytes = inflated.get(PROGRESS_MANIFEST)!;
  const manifest = parseManifest(manifestBytes, { name: PROGRESS_MANIFEST, format: PROGRESS_PACKAGE_FORMAT, schema: ProgressManifestSchema, entries: (m) => m.files, entriesKey: 'files' });
  if (!sameBytes(manifestBytes, packageJson(manifest))) throw new Rejected(t('package.error.manifestNotNormalised'));
  checkListedEntries(manifest.files, inflated, PROGRESS_MANIFEST);
  for (const file of manifest.files) {
    if (progressEntryRole(file.name) !== file.role) throw new Rejected(t('package.error.roleMismatch', { name: file.name, role: file.role }));
  }

  const reportBytes = inflated.get(PROGRESS_JSON_ENTRY)!;
  const raw = parseJsonBytes(reportBytes);
  if (!isRecord(raw)) throw new Rejected(t('progress.package.not-report'));
  const validation = validateProgress(raw);
  if (!validation.ok) throw new Rejected(t('progress.package.invalid-report', { problems: validation.problems.map((p) => p.message).join('；') }));
  const report = validation.report;
  if (!sameBytes(reportBytes, packageJson(report))) throw new Rejected(t('progress.package.not-normalised'));
  const agrees =
    manifest.letterSubmissionId === report.submissionId &&
    manifest.period === report.period &&
    manifest.year === report.year &&
    manifest.unit.name === report.unit.name &&
    manifest.unit.creditCode === report.unit.creditCode;
  if (!agrees) throw new Rejected(t('progress.package.manifest-mismatch'));

  // The report lists its evidence in the order the package numbers it: evidence/1 is report.evidence[0].
  const evidence = manifest.files.filter((file) => file.role === 'evidence');
  if (evidence.length !== report.evidence.length) throw new Rejected(t('progress.package.evidence-count', { n: report.evidence.length, actual: evidence.length }));
  attached = 0;
  report.evidence.forEach((listedFile, i) => {
    const entry = evidence.find((file) => EVIDENCE_NAME.exec(file.name)?.[1] === String(i + 1));
    if (entry === undefined || entry.sha256 !== listedFile.sha256 || entry.size !== listedFile.size) throw new Rejected(t('progress.package.evidence-mismatch', { name: listedFile.name, n: i + 1 }));
    const content = inflated.get(entry.name)!;
    const check = checkAttachment(listedFile.name, content, attached);
    attached += content.byteLength;
    if (!check.ok) throw new Rejected(t('progress.package.evidence', { reason: check.message }));
    if (!entry.name.endsWith(`.${SIGNED_EXTENSIONS[check.type]}`)) throw new Rejected(t('package.error.signedCopyType', { name: entry.name }));
  });
  if (sniffAttachmentType(inflated.get(PROGRESS_PDF_ENTRY)!) !== 'application/pdf') throw new Rejected(t('progress.package.pdf-not-pdf'));
  return { manifest, report, files: new Map(manifest.files.map((file) => [file.name, inflated.get(file.name)!])) };
}
