import { z } from 'zod';
import { YEAR_RANGE } from '../letter/letter-schema';

/**
 * The submission package `pledge-package/1`: one ZIP holding
 *
 * - `manifest.json` — {@link PackageManifest}: format, submission id, the id it supersedes, unit,
 *   year, creation time, and the name, role, size and SHA-256 of every other entry;
 * - `letter.json` — the letter (`pledge-letter/1`, normalised);
 * - `letter.pdf` — the signable PDF generated from it;
 * - `signed/<n>.<pdf|png|jpg>` — the signed copies (scans or a signed PDF), at least one, numbered
 *   from 1 in the order given, the extension saying the type of the bytes;
 * - `credit-record.json` — the letter mapped to the national 信用承诺 data template.
 *
 * @example
 * const zip = buildPackage({ letter, pdf, signed: [{ name: 'scan.jpg', bytes }], submissionId, createdAt: new Date() });
 * const check = verifyPackage(zip);
 */
export const PACKAGE_FORMAT = 'pledge-package/1';

export const PACKAGE_MANIFEST = 'manifest.json';
export const LETTER_JSON_ENTRY = 'letter.json';
export const LETTER_PDF_ENTRY = 'letter.pdf';
export const CREDIT_RECORD_ENTRY = 'credit-record.json';

export const FILE_ROLES = ['letter-json', 'letter-pdf', 'signed-copy', 'credit-record'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

/**
 * A package holds a letter, its PDF and up to 60 MB of signed copies (see check-attachment.ts);
 * anything inflating past this is refused from the declared sizes, and again while inflating.
 */
export const MAX_PACKAGE_BYTES = 128 * 1024 * 1024;
/** Far more entries than a real package has (a letter with a scan per page). */
export const MAX_PACKAGE_ENTRIES = 256;

const uuid = z.uuid();

/** True for an RFC 9562 UUID such as `crypto.randomUUID()` gives. */
export function isSubmissionId(value: string): boolean {
  return uuid.safeParse(value).success;
}

export const PackageFileSchema = z.strictObject({
  name: z.string().min(1),
  role: z.enum(FILE_ROLES),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const PackageManifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  submissionId: uuid,
  supersedes: uuid.optional(),
  unit: z.strictObject({ name: z.string().min(1), creditCode: z.string().min(1) }),
  year: z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max),
  createdAt: z.iso.datetime({ offset: true }),
  files: z.array(PackageFileSchema).min(3).max(MAX_PACKAGE_ENTRIES),
});

export type PackageManifest = z.output<typeof PackageManifestSchema>;
export type PackageFile = z.output<typeof PackageFileSchema>;
