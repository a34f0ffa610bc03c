import type { AttachmentType } from '../../core/drafts/draft-record';
import { signedCopyType } from '../../core/package/package-entries';
import { LETTER_PDF_ENTRY, PACKAGE_MANIFEST } from '../../core/package/package-format';
import { readStoredEntries } from '../packages/stored-package';

/** A file of a stored package the operator may open: the approved PDF or a signed copy. */
export interface LetterFile {
  readonly bytes: Uint8Array;
  readonly type: AttachmentType;
}

/** A signed copy as the package's manifest lists it: `signed/<n>.<ext>`. */
export interface SignedCopyEntry {
  readonly n: number;
  readonly name: string;
}

/**
 * The signed copies of each stored package, read from its manifest once: a package never changes
 * under its submission id, and the dashboard lists every letter on every refresh.
 */
export function createLetterFiles(packagesDir: string) {
  const signedCache = new Map<string, readonly SignedCopyEntry[]>();

  async function signedCopies(submissionId: string): Promise<readonly SignedCopyEntry[] | undefined> {
    const cached = signedCache.get(submissionId);
    if (cached) return cached;
    const manifest = (await readStoredEntries(packagesDir, submissionId, [PACKAGE_MANIFEST]))?.get(PACKAGE_MANIFEST);
    if (!manifest) return undefined;
    // The package passed the check on arrival, manifest included.
    const { files } = JSON.parse(new TextDecoder().decode(manifest)) as { files: { name: string; role: string }[] };
    const signed = files
      .filter((file) => file.role === 'signed-copy')
      .map((file) => ({ n: Number(/^signed\/(\d+)\./.exec(file.name)?.[1]), name: file.name }))
      .sort((a, b) => a.n - b.n);
    signedCache.set(submissionId, signed);
    return signed;
  }

  /** `'pdf'` for letter.pdf, a number for that signed copy; undefined when there is no such file. */
  async function read(submissionId: string, which: 'pdf' | number): Promise<LetterFile | undefined> {
    const name = which === 'pdf' ? LETTER_PDF_ENTRY : (await signedCopies(submissionId))?.find((copy) => copy.n === which)?.name;
    if (name === undefined) return undefined;
    const bytes = (await readStoredEntries(packagesDir, submissionId, [name]))?.get(name);
    const type = which === 'pdf' ? 'application/pdf' : signedCopyType(name);
    return bytes && type ? { bytes, type } : undefined;
  }

  return { signedCopies, read };
}

export type LetterFiles = ReturnType<typeof createLetterFiles>;
