import { checkAttachment, checkAttachmentSize, sniffAttachmentType } from '../attachments/check-attachment';
import { t } from '../i18n/translate';
import { isRecord } from '../json/is-record';
import { parseJsonBytes } from '../json/parse-json-bytes';
import type { Letter } from '../letter/letter-schema';
import { validateLetter } from '../letter/validate-letter';
import { inflateEntries, listZipEntries, ZipRejected } from '../zip/bounded-unzip';
import { checkListedEntries } from '../zip/listed-entries';
import { parseManifest } from '../zip/parse-manifest';
import { zipRejectionMessage, type ZipMessageKeys } from '../zip/zip-rejection-message';
import {
  CREDIT_RECORD_ENTRY,
  FILE_ROLES,
  LETTER_JSON_ENTRY,
  LETTER_PDF_ENTRY,
  MAX_PACKAGE_BYTES,
  MAX_PACKAGE_ENTRIES,
  PACKAGE_FORMAT,
  PACKAGE_MANIFEST,
  PackageManifestSchema,
  type FileRole,
  type PackageManifest,
} from './package-format';
import { legacyCreditRecord } from './legacy-credit-record';
import { commitmentRecord } from '../records/commitment-record';
import { checkEntryNames, roleOfEntry, signedCopyType } from './package-entries';
import { packageJson, sameBytes } from './package-json';
import { errorText } from '../errors/error-text';

export type PackageVerification =
  | {
      readonly ok: true;
      readonly manifest: PackageManifest;
      /** The letter inside, validated and normalised. */
      readonly letter: Letter;
      /** Every entry except the manifest, by name, in manifest order. */
      readonly files: ReadonlyMap<string, Uint8Array>;
    }
  | { readonly ok: false; /** In Chinese, for the user: what is wrong with the package. */ readonly reason: string };

/** How a package (a letter's, or a progress report's) words each way the bounded ZIP reader can refuse a file. */
export const PACKAGE_ZIP_MESSAGES: ZipMessageKeys = {
  'not-zip': 'package.error.notZip',
  'trailing-data': 'package.error.trailingData',
  'stray-data': 'package.error.strayData',
  'too-many-entries': 'package.error.tooManyEntries',
  'unsafe-path': 'package.error.unsafePath',
  'duplicate-entry': 'package.error.duplicateEntry',
  'encrypted': 'package.error.encrypted',
  'unsupported-compression': 'package.error.unsupportedCompression',
  'size-lie': 'package.error.sizeLie',
  'too-large': 'package.error.tooLarge',
  'structure-mismatch': 'package.error.structureMismatch',
  'corrupt-entry': 'package.error.corruptEntry',
  'crc-mismatch': 'package.error.crcMismatch',
  'foreign-field': 'package.error.foreignField',
  'missing-entry': 'package.error.missingEntry',
  'unlisted-entry': 'package.error.unlistedEntry',
  'entry-size-mismatch': 'package.error.entrySizeMismatch',
  'entry-hash-mismatch': 'package.error.entryHashMismatch',
  'manifest-not-json': 'package.error.manifestNotJson',
  'missing-format': 'package.error.missingFormat',
  'unknown-format': 'package.error.unknownFormat',
  'manifest-invalid': 'package.error.manifestInvalid',
};

/** Roles a package has exactly once; signed copies may be any number. */
const SINGLE_ROLES: readonly FileRole[] = FILE_ROLES.filter((role) => role !== 'signed-copy');

class PackageRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PackageRejected';
  }
}

/**
 * Checks a `pledge-package/1` file for sense, trusting nothing in it: the ZIP must read the same
 * in every reader (see `readZipDirectory`), the entries must be exactly those a package has (see
 * {@link checkEntryNames}), declared sizes are checked before inflating and enforced while
 * inflating, every file must match the manifest's size and SHA-256, the letter must be valid, in
 * its normalised form byte for byte and agree with the manifest, `credit-record.json` must be the
 * record derived from it (in a package of an earlier version, the earlier mapping of it), every
 * signed copy must pass the attachment check with the type its name promises, and `letter.pdf`
 * must be a PDF. Whether the PDF says what the letter says needs a PDF
 * reader: the platform adds `comparePdfText` (see `node/package-check/package-check.ts`).
 * Never throws; a bad package gives `{ ok: false, reason }`.
 *
 * @example
 * const check = verifyPackage(bytes);
 * if (!check.ok) console.log(check.reason);
 */
export function verifyPackage(bytes: Uint8Array): PackageVerification {
  try {
    return { ok: true, ...readPackage(bytes) };
  } catch (error) {
    if (error instanceof PackageRejected) return { ok: false, reason: error.reason };
    if (error instanceof ZipRejected) return { ok: false, reason: zipRejectionMessage(error, PACKAGE_ZIP_MESSAGES) };
    return { ok: false, reason: t('package.error.unreadable', { detail: errorText(error) }) };
  }
}

function readPackage(bytes: Uint8Array): { manifest: PackageManifest; letter: Letter; files: ReadonlyMap<string, Uint8Array> } {
  const listed = listZipEntries(bytes, { maxBytes: MAX_PACKAGE_BYTES, maxEntries: MAX_PACKAGE_ENTRIES });
  if (!listed.some((entry) => entry.name === PACKAGE_MANIFEST)) throw new PackageRejected(t('package.error.missingManifest'));
  const nameProblem = checkEntryNames(listed.map((entry) => entry.name));
  if (nameProblem) throw new PackageRejected(nameProblem);
  // Declared sizes first, so 120 MB of zeros named .png is refused before anything is inflated.
  let attached = 0;
  for (const entry of listed.filter((e) => roleOfEntry(e.name) === 'signed-copy')) {
    const sizeProblem = checkAttachmentSize(entry.name, entry.originalSize, attached);
    if (sizeProblem) throw new PackageRejected(t('package.error.signedCopy', { reason: sizeProblem }));
    attached += entry.originalSize;
  }
  const inflated = inflateEntries(bytes, listed);

  const manifestBytes = inflated.get(PACKAGE_MANIFEST)!;
  const manifest = readManifest(manifestBytes);
  // As for letter.json below: a key given twice (another unit first, ours last) reads otherwise elsewhere.
  if (!sameBytes(manifestBytes, packageJson(manifest))) throw new PackageRejected(t('package.error.manifestNotNormalised'));
  checkListedEntries(manifest.files, inflated, PACKAGE_MANIFEST);
  for (const file of manifest.files) {
    if (roleOfEntry(file.name) !== file.role) throw new PackageRejected(t('package.error.roleMismatch', { name: file.name, role: file.role }));
  }

  const letterBytes = inflated.get(LETTER_JSON_ENTRY)!;
  const raw = parseJsonBytes(letterBytes);
  if (!isRecord(raw)) throw new PackageRejected(t('package.error.letterNotJson', { name: LETTER_JSON_ENTRY }));
  const validation = validateLetter(raw, { allowSampleContent: true });
  if (!validation.ok) {
    const problems = validation.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);
    throw new PackageRejected(t('package.error.invalidLetter', { problems: problems.join('；') }));
  }
  const letter = validation.letter;
  // What JSON.parse forgives (a BOM, bad UTF-8, a key given twice) other readers may read otherwise.
  if (!sameBytes(letterBytes, packageJson(letter))) throw new PackageRejected(t('package.error.letterNotNormalised'));
  if (letter.unit.name !== manifest.unit.name || letter.unit.creditCode !== manifest.unit.creditCode) {
    throw new PackageRejected(t('package.error.manifestMismatch', { field: t('package.field.unit') }));
  }
  if (letter.year !== manifest.year) throw new PackageRejected(t('package.error.manifestMismatch', { field: t('package.field.year') }));
  // Packages built before the national-template record carry the earlier mapping, bound by their hash: both are the letter's record.
  const record = inflated.get(CREDIT_RECORD_ENTRY)!;
  if (!sameBytes(record, packageJson(commitmentRecord(letter))) && !sameBytes(record, packageJson(legacyCreditRecord(letter, manifest.submissionId)))) {
    throw new PackageRejected(t('package.error.creditRecordMismatch'));
  }

  attached = 0;
  for (const file of manifest.files.filter((f) => f.role === 'signed-copy')) {
    const copy = inflated.get(file.name)!;
    const check = checkAttachment(file.name, copy, attached);
    attached += copy.byteLength;
    if (!check.ok) throw new PackageRejected(t('package.error.signedCopy', { reason: check.message }));
    if (check.type !== signedCopyType(file.name)) throw new PackageRejected(t('package.error.signedCopyType', { name: file.name }));
  }
  if (sniffAttachmentType(inflated.get(LETTER_PDF_ENTRY)!) !== 'application/pdf') throw new PackageRejected(t('package.error.pdfNotPdf'));

  const files = new Map(manifest.files.map((file) => [file.name, inflated.get(file.name)!]));
  return { manifest, letter, files };
}

/** The manifest, with exactly one letter, PDF and credit record among its files. */
function readManifest(bytes: Uint8Array): PackageManifest {
  const manifest = parseManifest(bytes, { name: PACKAGE_MANIFEST, format: PACKAGE_FORMAT, schema: PackageManifestSchema, entries: (m) => m.files, entriesKey: 'files' });
  for (const role of SINGLE_ROLES) {
    if (manifest.files.filter((file) => file.role === role).length !== 1) throw new PackageRejected(t('package.error.manifestInvalid', { field: `files[].role = ${role}` }));
  }
  return manifest;
}
