import { z } from 'zod';
import { YEAR_RANGE } from '../letter/letter-schema';

/**
 * The progress package `pledge-progress-package/1`: one ZIP holding
 *
 * - `manifest.json` — {@link ProgressManifest}: format, this delivery's submission id, the letter's
 *   (`letterSubmissionId`, which ties it to that letter and its unit), period, unit, year, creation
 *   time, and the name, role, size and SHA-256 of every other entry;
 * - `progress.json` — the report (`pledge-progress/1`, normalised), its `evidence` listing the files below;
 * - `progress.pdf` — the report rendered;
 * - `evidence/<n>.<pdf|png|jpg>` — the evidence files in the report's order, checked as signed copies are.
 */
export const PROGRESS_PACKAGE_FORMAT = 'pledge-progress-package/1';

export const PROGRESS_MANIFEST = 'manifest.json';
export const PROGRESS_JSON_ENTRY = 'progress.json';
export const PROGRESS_PDF_ENTRY = 'progress.pdf';

export const PROGRESS_FILE_ROLES = ['progress-json', 'progress-pdf', 'evidence'] as const;
export type ProgressFileRole = (typeof PROGRESS_FILE_ROLES)[number];

/** A report, its PDF and up to 60 MB of evidence (the attachment limits), with room to spare. */
export const MAX_PROGRESS_PACKAGE_BYTES = 128 * 1024 * 1024;
/** The report's own limit of evidence files, its JSON, its PDF and the manifest. */
export const MAX_PROGRESS_PACKAGE_ENTRIES = 60;

export const ProgressManifestSchema = z.strictObject({
  format: z.literal(PROGRESS_PACKAGE_FORMAT),
  submissionId: z.uuid(),
  letterSubmissionId: z.uuid(),
  period: z.string().min(1),
  unit: z.strictObject({ name: z.string().min(1), creditCode: z.string().min(1) }),
  year: z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max),
  createdAt: z.iso.datetime({ offset: true }),
  files: z
    .array(z.strictObject({ name: z.string().min(1), role: z.enum(PROGRESS_FILE_ROLES), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .min(2)
    .max(MAX_PROGRESS_PACKAGE_ENTRIES),
});
export type ProgressManifest = z.output<typeof ProgressManifestSchema>;

/** `evidence/<n>.<png|jpg|pdf>`, numbered from 1 without leading zeros. */
export const EVIDENCE_NAME = /^evidence\/([1-9][0-9]*)\.(png|jpg|pdf)$/;

/** The role an entry's name gives it, or `undefined` for a name no progress package has. */
export function progressEntryRole(name: string): ProgressFileRole | 'manifest' | undefined {
  if (name === PROGRESS_MANIFEST) return 'manifest';
  if (name === PROGRESS_JSON_ENTRY) return 'progress-json';
  if (name === PROGRESS_PDF_ENTRY) return 'progress-pdf';
  return EVIDENCE_NAME.test(name) ? 'evidence' : undefined;
}
