import { LETTER_JSON_ENTRY } from '../../core/package/package-format';
import { readStoredEntries, type SignedCopy, type StoredFile, type StoredPackages } from '../packages/stored-package';
import { parsePublicLetter, type PublicLetter } from './public-letter';

/** What the pages show of one stored package. */
export interface PackageSummary {
  readonly letter: PublicLetter;
  readonly signedCopies: readonly SignedCopy[];
}

/**
 * The stored packages as the column reads them. Only `letter.pdf` and the signed copies can be had
 * as files (../packages/stored-package.ts): the manifest, `letter.json` and `credit-record.json`
 * (which carries what the national record needs, a person's ID number among it) never leave the
 * platform.
 *
 * A stored package never changes under its submission id, so summaries are kept (the last
 * {@link SUMMARY_CACHE_SIZE} read) and the index does not unzip every letter on every visit.
 */
export interface ColumnPackages {
  summary(submissionId: string): Promise<PackageSummary>;
  file(submissionId: string, which: 'letter' | { readonly signed: number }): Promise<StoredFile | undefined>;
}

export const SUMMARY_CACHE_SIZE = 2000;

export function columnPackages(packagesDir: string, packages: StoredPackages): ColumnPackages {
  const summaries = new Map<string, PackageSummary>();

  const summary = async (submissionId: string): Promise<PackageSummary> => {
    const known = summaries.get(submissionId);
    if (known) {
      // A Map keeps insertion order: taking it out and back makes it the most recently used.
      summaries.delete(submissionId);
      summaries.set(submissionId, known);
      return known;
    }
    const letter = (await readStoredEntries(packagesDir, submissionId, [LETTER_JSON_ENTRY]))?.get(LETTER_JSON_ENTRY);
    const signedCopies = await packages.signedCopies(submissionId);
    if (!letter || !signedCopies) throw new Error(`public column: the stored package of ${submissionId} is missing or incomplete`);
    const read: PackageSummary = { letter: parsePublicLetter(letter), signedCopies };
    summaries.set(submissionId, read);
    if (summaries.size > SUMMARY_CACHE_SIZE) summaries.delete(summaries.keys().next().value!);
    return read;
  };

  return { summary, file: (submissionId, which) => packages.file(submissionId, which) };
}
