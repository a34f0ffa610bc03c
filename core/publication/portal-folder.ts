import { zipSync, type Zippable } from 'fflate';
import { LETTER_PDF_ENTRY } from '../package/package-format';
import { signedCopyType } from '../package/package-entries';
import { portalPage, type PortalFile } from './portal-page';
import type { PublicLetter } from './public-letter';

export const PORTAL_INDEX = 'index.html';
export const PORTAL_POSTER = 'poster.pdf';

export interface PortalFolderInput {
  /** The public part of the package's letter (publicLetter). */
  readonly letter: PublicLetter;
  /** The package's files by entry name, as a verified package gives them. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly address: string;
  /** The service-hall poster (renderPosterPdf), kept beside the page for the office to print. */
  readonly poster: Uint8Array;
}

/**
 * The folder an office uploads to its portal as it is (门户网站公示), by file name: `index.html`,
 * the signed copies and the approved `letter.pdf` byte for byte as the package holds them, and
 * `poster.pdf`. Names are ASCII and flat, which every portal's file manager keeps.
 *
 * @example const folder = portalFolder({ letter: publicLetter(check.letter), files: check.files, address, poster });
 */
export function portalFolder(input: PortalFolderInput): Map<string, Uint8Array> {
  const signed = [...input.files.keys()]
    .filter((name) => signedCopyType(name) !== undefined)
    .map((name) => ({ entry: name, n: Number(/(\d+)\./.exec(name)?.[1] ?? 1) }))
    .sort((a, b) => a.n - b.n);
  const links: PortalFile[] = [
    ...signed.map(({ entry, n }): PortalFile => ({ name: entry.replace('/', '-'), kind: signedCopyType(entry) === 'application/pdf' ? 'signed-pdf' : 'signed-image', n })),
    { name: LETTER_PDF_ENTRY, kind: 'letter-pdf' },
  ];
  const page = portalPage({ letter: input.letter, files: links, address: input.address });
  const folder = new Map<string, Uint8Array>([[PORTAL_INDEX, new TextEncoder().encode(page)]]);
  for (const { entry } of signed) folder.set(entry.replace('/', '-'), input.files.get(entry)!);
  folder.set(LETTER_PDF_ENTRY, input.files.get(LETTER_PDF_ENTRY)!);
  folder.set(PORTAL_POSTER, input.poster);
  return folder;
}

/** The folder as one ZIP for the app to save: its files at the top, to unpack and upload together. */
export function portalFolderZip(folder: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  // PDFs and scans are compressed already; only the page gains from deflating.
  for (const [name, bytes] of folder) zippable[name] = [bytes, { level: name.endsWith('.html') ? 6 : 0 }];
  return zipSync(zippable, { mtime: new Date(1980, 0, 1) });
}
