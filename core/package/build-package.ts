import { zipSync, type Zippable } from 'fflate';
import { checkAttachment } from '../attachments/check-attachment';
import { sha256Hex } from '../hash/sha256-hex';
import { t } from '../i18n/translate';
import type { Problem } from '../letter/problem';
import { validateLetter } from '../letter/validate-letter';
import { commitmentRecord } from '../records/commitment-record';
import { signedCopyName } from './package-entries';
import { packageJson } from './package-json';
import {
  CREDIT_RECORD_ENTRY,
  isSubmissionId,
  LETTER_JSON_ENTRY,
  LETTER_PDF_ENTRY,
  PACKAGE_FORMAT,
  PACKAGE_MANIFEST,
  type FileRole,
  type PackageFile,
  type PackageManifest,
} from './package-format';

export interface PackageInput {
  /** The letter as written (`pledge-letter/1`); it is validated and stored normalised. */
  readonly letter: unknown;
  /** The PDF generated from the letter. */
  readonly pdf: Uint8Array;
  /** Signed copies in the order the package numbers them (`signed/1…n`), turned upright already; `name` is the original file name, used in messages only. */
  readonly signed: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  readonly submissionId: string;
  /** The submission this one corrects. */
  readonly supersedes?: string;
  readonly createdAt: Date;
}

/** The letter or a signed copy cannot go into a package; `problems` say why, in Chinese. */
export class PackageInputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`The package input has ${problems.length} problem(s); show problems[].message to the user and fix the letter or the signed copies.`);
    this.name = 'PackageInputError';
  }
}

/**
 * Fixed entry times: fflate writes DOS times from local date fields, so a real clock would make
 * the bytes depend on the time zone. A local-time constructor reads back the same everywhere.
 */
const ZIP_MTIME = new Date(1980, 0, 1);

/**
 * Builds a `pledge-package/1` ZIP (see {@link PACKAGE_FORMAT}). Deterministic: the same inputs,
 * including `submissionId` and `createdAt`, give byte-identical output.
 *
 * @throws PackageInputError for an invalid letter, no signed copy, or a signed copy that is not a PNG, JPEG or PDF or is the letter's own PDF.
 * @throws TypeError for an id that is not a UUID (a programming error: check with isSubmissionId).
 * @example
 * const zip = buildPackage({ letter, pdf, signed: [{ name: 'scan.jpg', bytes }], submissionId: crypto.randomUUID(), createdAt: new Date() });
 */
export function buildPackage(input: PackageInput): Uint8Array {
  for (const id of [input.submissionId, input.supersedes]) {
    if (id !== undefined && !isSubmissionId(id)) throw new TypeError(`"${id}" is not a UUID; pass crypto.randomUUID() or a stored submission id.`);
  }
  // The package format takes any well-formed letter; keeping sample content out is review's job.
  const validation = validateLetter(input.letter, { allowSampleContent: true });
  if (!validation.ok) throw new PackageInputError(validation.problems.filter((p) => p.severity === 'error'));
  const letter = validation.letter;

  const signedProblems: Problem[] = [];
  const signedEntries: [string, Uint8Array][] = [];
  let attached = 0;
  // The approved PDF itself is not a signed copy, however it got into the list.
  const letterPdfSha256 = sha256Hex(input.pdf);
  for (const [i, file] of input.signed.entries()) {
    const check = checkAttachment(file.name, file.bytes, attached, letterPdfSha256);
    attached += file.bytes.byteLength;
    if (check.ok) signedEntries.push([signedCopyName(i + 1, check.type), file.bytes]);
    else signedProblems.push({ path: `signed[${i}]`, field: file.name, code: 'invalid', severity: 'error', message: t('package.problem.signed-copy', { name: file.name, reason: check.message }) });
  }
  if (input.signed.length === 0) signedProblems.push({ path: 'signed', field: t('package.field.signed'), code: 'required', severity: 'error', message: t('package.problem.no-signed-copy') });
  if (signedProblems.length > 0) throw new PackageInputError(signedProblems);

  const entries: [string, FileRole, Uint8Array][] = [
    [LETTER_JSON_ENTRY, 'letter-json', packageJson(letter)],
    [LETTER_PDF_ENTRY, 'letter-pdf', input.pdf],
    ...signedEntries.map(([name, bytes]): [string, FileRole, Uint8Array] => [name, 'signed-copy', bytes]),
    [CREDIT_RECORD_ENTRY, 'credit-record', packageJson(commitmentRecord(letter))],
  ];
  const files: PackageFile[] = entries.map(([name, role, bytes]) => ({ name, role, size: bytes.byteLength, sha256: sha256Hex(bytes) }));
  // Keys are written in a fixed order, so the JSON is the same for the same inputs.
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    submissionId: input.submissionId,
    ...(input.supersedes === undefined ? {} : { supersedes: input.supersedes }),
    unit: { name: letter.unit.name, creditCode: letter.unit.creditCode },
    year: letter.year,
    createdAt: input.createdAt.toISOString(),
    files,
  };

  const zippable: Zippable = { [PACKAGE_MANIFEST]: [packageJson(manifest), { level: 6 }] };
  // PDFs and images are compressed already: storing them keeps them byte-for-byte and saves time.
  for (const [name, role, bytes] of entries) zippable[name] = [bytes, { level: role === 'letter-json' || role === 'credit-record' ? 6 : 0 }];
  return zipSync(zippable, { mtime: ZIP_MTIME });
}
