import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSubmissionId, LETTER_JSON_ENTRY, MAX_PACKAGE_BYTES, MAX_PACKAGE_ENTRIES } from '../../core/package/package-format';
import { inflateEntries, listZipEntries } from '../../core/zip/bounded-unzip';

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
  let zip: Uint8Array;
  try {
    zip = await readFile(storedPackageFile(packagesDir, submissionId));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const listed = listZipEntries(zip, { maxBytes: MAX_PACKAGE_BYTES, maxEntries: MAX_PACKAGE_ENTRIES });
  return inflateEntries(zip, names === undefined ? listed : listed.filter((entry) => names.includes(entry.name)));
}

/** The stored package's `letter.json`, parsed (it was validated on arrival), or undefined when the file is gone. */
export async function readStoredLetterJson(packagesDir: string, submissionId: string): Promise<unknown> {
  const entries = await readStoredEntries(packagesDir, submissionId, [LETTER_JSON_ENTRY]);
  const bytes = entries?.get(LETTER_JSON_ENTRY);
  return bytes && JSON.parse(new TextDecoder().decode(bytes));
}
