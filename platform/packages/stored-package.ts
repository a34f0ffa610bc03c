import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentType } from '../../core/drafts/draft-record';
import { roleOfEntry, signedCopyName, signedCopyType } from '../../core/package/package-entries';
import { isSubmissionId, LETTER_JSON_ENTRY, LETTER_PDF_ENTRY, MAX_PACKAGE_BYTES, MAX_PACKAGE_ENTRIES, PACKAGE_MANIFEST } from '../../core/package/package-format';
import { inflateEntries, listZipEntries, type ZipLimits } from '../../core/zip/bounded-unzip';

/**
 * The packages the platform accepted, kept as `<packagesDir>/<submissionId>.zip`; they passed the
 * package check on arrival, so reading one back needs only the bounded reader, not the whole check.
 */
export function storedPackageFile(packagesDir: string, submissionId: string): string {
  if (!isSubmissionId(submissionId)) throw new RangeError(`storedPackageFile: not a submission id: ${submissionId}`);
  return join(packagesDir, `${submissionId}.zip`);
}

/** The named entries of a stored package (all of them when `names` is absent); undefined when the file is gone. */
export async function readStoredEntries(packagesDir: string, submissionId: string, names?: readonly string[]): Promise<Map<string, Uint8Array> | undefined> {
  const zip = await readStoredZip(storedPackageFile(packagesDir, submissionId));
  return zip && entriesOf(zip, names);
}

/** A stored ZIP's bytes, or undefined when the file is gone. */
export async function readStoredZip(file: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The named entries of a ZIP read within the limits its kind of package has (a letter's unless told). */
export function entriesOf(zip: Uint8Array, names: readonly string[] | undefined, limits: ZipLimits = { maxBytes: MAX_PACKAGE_BYTES, maxEntries: MAX_PACKAGE_ENTRIES }): Map<string, Uint8Array> {
  const listed = listZipEntries(zip, limits);
  return inflateEntries(zip, names === undefined ? listed : listed.filter((entry) => names.includes(entry.name)));
}

/** The stored package's `letter.json`, parsed (it was validated on arrival), or undefined when the file is gone. */
export async function readStoredLetterJson(packagesDir: string, submissionId: string): Promise<unknown> {
  const entries = await readStoredEntries(packagesDir, submissionId, [LETTER_JSON_ENTRY]);
  const bytes = entries?.get(LETTER_JSON_ENTRY);
  return bytes && JSON.parse(new TextDecoder().decode(bytes));
}

/** `letter.json` read synchronously, for the SQLite migration that must not await with the write lock held. */
export function readStoredLetterJsonSync(packagesDir: string, submissionId: string): unknown {
  let zip: Uint8Array;
  try {
    zip = readFileSync(storedPackageFile(packagesDir, submissionId));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const bytes = entriesOf(zip, [LETTER_JSON_ENTRY]).get(LETTER_JSON_ENTRY);
  return bytes && JSON.parse(new TextDecoder().decode(bytes));
}

/** A file of a stored package that may be handed out: the approved PDF or a signed copy (never the manifest, letter.json or credit-record.json). */
export interface StoredFile {
  readonly bytes: Uint8Array;
  readonly type: AttachmentType;
}

/** A signed copy as the package's manifest lists it, `signed/<n>.<ext>`. */
export interface SignedCopy {
  /** 1…n */
  readonly n: number;
  readonly type: AttachmentType;
}

export interface StoredPackages {
  /** The signed copies in order; undefined when the package file is gone. */
  signedCopies(submissionId: string): Promise<readonly SignedCopy[] | undefined>;
  /** `letter.pdf`, or the `n`th signed copy; undefined when there is no such file. */
  file(submissionId: string, which: 'letter' | { readonly signed: number }): Promise<StoredFile | undefined>;
}

/** How many packages' lists of signed copies are kept: a stored package never changes under its id. */
const SIGNED_COPIES_CACHE_SIZE = 2000;

/** The stored packages of one data folder, as the dashboard and the public column hand out their files. */
export function storedPackages(packagesDir: string): StoredPackages {
  const cache = new Map<string, readonly SignedCopy[]>();
  const signedCopies = async (submissionId: string): Promise<readonly SignedCopy[] | undefined> => {
    const known = cache.get(submissionId);
    if (known) return known;
    const manifest = (await readStoredEntries(packagesDir, submissionId, [PACKAGE_MANIFEST]))?.get(PACKAGE_MANIFEST);
    if (!manifest) return undefined;
    // The package passed the check on arrival, manifest included.
    const { files } = JSON.parse(new TextDecoder().decode(manifest)) as { files: { name: string }[] };
    const copies = files
      .filter((file) => roleOfEntry(file.name) === 'signed-copy')
      .map((file) => ({ n: Number(/^signed\/(\d+)\./.exec(file.name)![1]), type: signedCopyType(file.name)! }))
      .sort((a, b) => a.n - b.n);
    cache.set(submissionId, copies);
    if (cache.size > SIGNED_COPIES_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return copies;
  };
  return {
    signedCopies,
    file: async (submissionId, which) => {
      const copy = which === 'letter' ? undefined : (await signedCopies(submissionId))?.find((candidate) => candidate.n === which.signed);
      if (which !== 'letter' && !copy) return undefined;
      const name = copy ? signedCopyName(copy.n, copy.type) : LETTER_PDF_ENTRY;
      const bytes = (await readStoredEntries(packagesDir, submissionId, [name]))?.get(name);
      return bytes && { bytes, type: copy ? copy.type : 'application/pdf' };
    },
  };
}

/**
 * Where the progress packages go, `<packagesDir>/progress/<submissionId>.zip`: inside packages/ so
 * the backup the runbook gives copies them, and in a folder of their own so nothing taking a file
 * of packages/ for a letter meets one.
 */
export function storedProgressFile(packagesDir: string, submissionId: string): string {
  if (!isSubmissionId(submissionId)) throw new RangeError(`storedProgressFile: not a submission id: ${submissionId}`);
  return join(packagesDir, PROGRESS_FOLDER, `${submissionId}.zip`);
}

export const PROGRESS_FOLDER = 'progress';
