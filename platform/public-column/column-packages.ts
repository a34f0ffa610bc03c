import type { AttachmentType } from '../../core/drafts/draft-record';
import { roleOfEntry, signedCopyName, signedCopyType } from '../../core/package/package-entries';
import { LETTER_JSON_ENTRY, LETTER_PDF_ENTRY, PACKAGE_MANIFEST } from '../../core/package/package-format';
import { readStoredEntries } from '../packages/stored-package';
import { parsePublicLetter, type PublicLetter } from './public-letter';

/** A file of a package the public column may hand out: the approved PDF or a signed copy. */
export interface PublicFile {
  readonly bytes: Uint8Array;
  readonly type: AttachmentType;
}

export interface SignedCopyInfo {
  /** 1…n, as `signed/<n>.<ext>` numbers it. */
  readonly n: number;
  readonly type: AttachmentType;
}

/** What the pages show of one stored package. */
export interface PackageSummary {
  readonly letter: PublicLetter;
  readonly signedCopies: readonly SignedCopyInfo[];
}

/**
 * The stored packages as the column reads them. Only `letter.pdf` and the signed copies can be had
 * as files: the manifest, `letter.json` and `credit-record.json` (which carries what the national
 * record needs, a person's ID number among it) never leave the platform.
 *
 * A stored package never changes under its submission id, so summaries are kept (the last
 * {@link SUMMARY_CACHE_SIZE} read) and the index does not unzip every letter on every visit.
 */
export interface ColumnPackages {
  summary(submissionId: string): Promise<PackageSummary>;
  /** `letter.pdf`, or the `n`th signed copy; undefined when the package has no such copy. */
  file(submissionId: string, which: 'letter' | { readonly signed: number }): Promise<PublicFile | undefined>;
}

export const SUMMARY_CACHE_SIZE = 2000;

export function columnPackages(packagesDir: string): ColumnPackages {
  const summaries = new Map<string, PackageSummary>();

  const summary = async (submissionId: string): Promise<PackageSummary> => {
    const known = summaries.get(submissionId);
    if (known) {
      // A Map keeps insertion order: taking it out and back makes it the most recently used.
      summaries.delete(submissionId);
      summaries.set(submissionId, known);
      return known;
    }
    const entries = await readStoredEntries(packagesDir, submissionId, [PACKAGE_MANIFEST, LETTER_JSON_ENTRY]);
    const manifest = entries?.get(PACKAGE_MANIFEST);
    const letter = entries?.get(LETTER_JSON_ENTRY);
    if (!manifest || !letter) throw new Error(`public column: the stored package of ${submissionId} is missing or incomplete`);
    // The package passed the check on arrival, manifest included.
    const { files } = JSON.parse(new TextDecoder().decode(manifest)) as { files: { name: string }[] };
    const signedCopies = files
      .filter((file) => roleOfEntry(file.name) === 'signed-copy')
      .map((file) => ({ n: Number(/^signed\/(\d+)\./.exec(file.name)![1]), type: signedCopyType(file.name)! }))
      .sort((a, b) => a.n - b.n);
    const read: PackageSummary = { letter: parsePublicLetter(letter), signedCopies };
    summaries.set(submissionId, read);
    if (summaries.size > SUMMARY_CACHE_SIZE) summaries.delete(summaries.keys().next().value!);
    return read;
  };

  return {
    summary,
    file: async (submissionId, which) => {
      const copy = which === 'letter' ? undefined : (await summary(submissionId)).signedCopies.find((candidate) => candidate.n === which.signed);
      if (which !== 'letter' && !copy) return undefined;
      const name = copy ? signedCopyName(copy.n, copy.type) : LETTER_PDF_ENTRY;
      const bytes = (await readStoredEntries(packagesDir, submissionId, [name]))?.get(name);
      return bytes && { bytes, type: copy ? copy.type : 'application/pdf' };
    },
  };
}
